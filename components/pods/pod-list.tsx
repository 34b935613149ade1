'use client';
import { useCallback, useMemo } from 'react';
import Link from 'next/link';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Boxes, Unplug } from 'lucide-react';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { hubListQuery, podListQuery } from '@/lib/client/fleet-api';
import { parsePodFilters } from '@/lib/client/fleet-filters';
import type { PodListItem } from '@/lib/contracts/fleet';
import { ClearFilters, FilterBar, FilterSelect, SearchFilter, nextSort, useUrlFilterState } from '@/components/fleet/filter-bar';
import { formatCount, splitDatacenterId } from '@/components/fleet/format';
import { HubStatusBanner } from '@/components/fleet/hub-status-banner';
import { fleetHref } from '@/components/fleet/links';
import { QueryErrorPanel } from '@/components/fleet/query-states';
import { RelativeTime } from '@/components/fleet/relative-time';
import { PodStatusBadge } from '@/components/fleet/status-badges';
import { VirtualTable, VirtualTableSkeleton, type VirtualColumn } from '@/components/fleet/virtual-table';

/** Values the API's status filter understands: kubectl's STATUS text, a phase, or `crashlooping`. */
const STATUS_OPTIONS = ['Running', 'Pending', 'crashlooping', 'Failed', 'Succeeded', 'Unknown'] as const;

/** Every pod across hubs: URL filters, server sort and paging, virtualised like the node list. */
export function PodList() {
  const t = useTranslations('pods.list');
  const { searchParams, update, clear } = useUrlFilterState();
  const filters = useMemo(() => parsePodFilters(searchParams), [searchParams]);
  const query = useInfiniteQuery(podListQuery(filters));
  const hubs = useQuery(hubListQuery());

  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const lastPage = query.data?.pages[query.data.pages.length - 1];
  const total = query.data?.pages[0]?.total ?? 0;
  const { fetchNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const onSearch = useCallback((value: string | null) => update({ q: value }), [update]);
  const onNamespace = useCallback((value: string | null) => update({ namespace: value }), [update]);
  const onNode = useCallback((value: string | null) => update({ node: value }), [update]);
  const columns = usePodColumns();
  const hasFilters = [...searchParams.keys()].some((key) => key !== 'sort' && key !== 'order');

  return (
    <Card>
      <FilterBar>
        <SearchFilter value={filters.q} onChange={onSearch} label={t('search')} placeholder={t('searchPlaceholder')} />
        <FilterSelect
          label={t('filters.hub')}
          allLabel={t('filters.allHubs')}
          value={searchParams.get('hub') ?? undefined}
          options={(hubs.data?.items ?? []).map((hub) => ({ value: hub.hub, label: hub.hub }))}
          onChange={(value) => update({ hub: value })}
          testId="filter-hub"
        />
        <SearchFilter
          icon={false}
          className="w-40"
          value={searchParams.get('namespace') ?? undefined}
          onChange={onNamespace}
          label={t('filters.namespace')}
          placeholder={t('filters.namespace')}
          testId="filter-namespace"
        />
        <SearchFilter
          icon={false}
          className="w-44"
          value={searchParams.get('node') ?? undefined}
          onChange={onNode}
          label={t('filters.node')}
          placeholder={t('filters.node')}
          testId="filter-node"
        />
        <FilterSelect
          label={t('filters.status')}
          allLabel={t('filters.allStatuses')}
          value={searchParams.get('status') ?? undefined}
          options={STATUS_OPTIONS.map((value) => ({ value, label: value === 'crashlooping' ? 'CrashLoopBackOff' : value }))}
          onChange={(value) => update({ status: value })}
          testId="filter-status"
        />
        <ClearFilters onClear={clear} visible={hasFilters} />
        <div className="ml-auto text-xs text-muted tabular-nums" data-testid="pod-total" aria-live="polite">
          {query.data ? t('total', { count: total }) : null}
        </div>
      </FilterBar>

      <HubStatusBanner hubs={lastPage?.hubs} className="border-b border-border px-3 py-2" />

      {query.isPending ? (
        <VirtualTableSkeleton columns={9} />
      ) : query.isError ? (
        <QueryErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <VirtualTable
          testId="pod-table"
          label={t('label')}
          columns={columns}
          rows={rows}
          rowKey={(pod) => `${pod.hub}/${pod.namespace}/${pod.name}`}
          total={total}
          sort={filters.sort ?? 'name'}
          order={filters.order ?? 'asc'}
          onSort={(key) => update(nextSort(filters, key))}
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={loadMore}
          rowTone={(pod) => (pod.stale || pod.nodeOffline ? 'opacity-75' : undefined)}
          className="h-[calc(100dvh-18rem)] min-h-96"
          empty={<EmptyState icon={Boxes} title={hasFilters ? t('emptyFiltered') : t('empty')} description={hasFilters ? t('emptyFilteredHint') : t('emptyHint')} />}
        />
      )}
    </Card>
  );
}

function usePodColumns(): VirtualColumn<PodListItem>[] {
  const t = useTranslations('pods.columns');
  const status = useTranslations('fleet.status.pod');
  return [
    {
      id: 'name',
      header: t('name'),
      width: 'minmax(14rem,2.5fr)',
      sortKey: 'name',
      cell: (pod) => (
        <span className="flex min-w-0 items-center gap-1.5">
          <Link href={fleetHref.pod(pod.hub, pod.namespace, pod.name)} className="truncate font-medium text-fg hover:text-accent hover:underline" data-testid="pod-link">
            {pod.name}
          </Link>
          {pod.nodeOffline ? (
            <span title={status('nodeOffline')} className="text-danger">
              <Unplug aria-label={status('nodeOffline')} className="size-3.5" />
            </span>
          ) : null}
        </span>
      ),
    },
    { id: 'status', header: t('status'), width: '9rem', sortKey: 'status', cell: (pod) => <PodStatusBadge pod={pod} /> },
    {
      id: 'ready',
      header: t('ready'),
      width: '4rem',
      align: 'right',
      cell: (pod) => (
        <span className={pod.readyContainers < pod.totalContainers && pod.phase === 'Running' ? 'text-warning' : undefined}>
          {pod.readyContainers}/{pod.totalContainers}
        </span>
      ),
    },
    {
      id: 'restarts',
      header: t('restarts'),
      width: '6rem',
      sortKey: 'restarts',
      align: 'right',
      cell: (pod) => <span className={pod.restarts ? (pod.crashLooping ? 'text-danger' : 'text-warning') : 'text-muted'}>{formatCount(pod.restarts)}</span>,
    },
    { id: 'namespace', header: t('namespace'), width: 'minmax(7rem,1fr)', sortKey: 'namespace', cell: (pod) => <span className="truncate text-muted">{pod.namespace}</span> },
    {
      id: 'node',
      header: t('node'),
      width: 'minmax(11rem,1.5fr)',
      sortKey: 'node',
      cell: (pod) => (
        <span className="flex min-w-0 flex-col leading-4">
          {pod.node ? (
            <Link href={fleetHref.node(pod.hub, pod.node)} className="truncate text-fg/90 hover:text-accent hover:underline">
              {pod.node}
            </Link>
          ) : (
            <span className="text-faint">—</span>
          )}
          <span className="truncate text-2xs text-faint">
            {pod.hub}
            {pod.datacenter ? (
              <>
                {' · '}
                <Link href={fleetHref.datacenter(pod.datacenter)} className="hover:text-accent hover:underline">
                  {splitDatacenterId(pod.datacenter).zone}
                </Link>
              </>
            ) : null}
          </span>
        </span>
      ),
    },
    {
      id: 'owner',
      header: t('owner'),
      width: 'minmax(7rem,1fr)',
      cell: (pod) => (pod.owner ? <span className="truncate text-muted" title={`${pod.owner.kind}/${pod.owner.name}`}>{pod.owner.name}</span> : <span className="text-faint">—</span>),
    },
    { id: 'age', header: t('age'), width: '5rem', sortKey: 'createdAt', align: 'right', cell: (pod) => <RelativeTime value={pod.createdAt} className="text-muted" /> },
  ];
}
