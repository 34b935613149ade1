'use client';
import Link from 'next/link';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Boxes, Unplug } from 'lucide-react';
import { Card } from '@/components/ui/card';
import { podListQuery } from '@/lib/client/fleet-api';
import { parsePodFilters } from '@/lib/client/fleet-filters';
import type { PodListItem } from '@/lib/contracts/fleet';
import { ClearFilters, FilterBar, FilterSelect } from '@/components/fleet/filter-bar';
import { formatCount, splitDatacenterId } from '@/components/fleet/format';
import { fleetHref } from '@/components/fleet/links';
import { HubFilter, ListEmptyState, ListHubBanner, ListTotal, ParamSearchFilter } from '@/components/fleet/list/list-parts';
import { PagedTable, usePagedRows } from '@/components/fleet/list/paged-table';
import { sortControls, useListFilters } from '@/components/fleet/list/use-list-filters';
import { RelativeTime } from '@/components/fleet/relative-time';
import { PodStatusBadge } from '@/components/fleet/status-badges';
import type { VirtualColumn } from '@/components/fleet/virtual-table';

/** Values the API's status filter understands: kubectl's STATUS text, a phase, or `crashlooping`. */
const STATUS_OPTIONS = ['Running', 'Pending', 'crashlooping', 'Failed', 'Succeeded', 'Unknown'] as const;

/** Every pod across hubs: URL filters, server sort and paging, virtualised like the node list. */
export function PodList() {
  const t = useTranslations('pods.list');
  const url = useListFilters(parsePodFilters);
  const { filters, update, clear, bind, hasFilters } = url;
  const query = useInfiniteQuery(podListQuery(filters));
  const list = usePagedRows(query);
  const columns = usePodColumns();

  return (
    <Card>
      <FilterBar>
        <ParamSearchFilter url={url} param="q" value={filters.q} label={t('search')} placeholder={t('searchPlaceholder')} />
        <HubFilter {...bind('hub')} label={t('filters.hub')} allLabel={t('filters.allHubs')} />
        <ParamSearchFilter url={url} param="namespace" icon={false} className="w-40" label={t('filters.namespace')} placeholder={t('filters.namespace')} testId="filter-namespace" />
        <ParamSearchFilter url={url} param="node" icon={false} className="w-44" label={t('filters.node')} placeholder={t('filters.node')} testId="filter-node" />
        <FilterSelect
          {...bind('status')}
          label={t('filters.status')}
          allLabel={t('filters.allStatuses')}
          options={STATUS_OPTIONS.map((value) => ({ value, label: value === 'crashlooping' ? 'CrashLoopBackOff' : value }))}
          testId="filter-status"
        />
        <ClearFilters onClear={clear} visible={hasFilters} />
        <ListTotal testId="pod-total">{list.loaded ? t('total', { count: list.total }) : null}</ListTotal>
      </FilterBar>

      <ListHubBanner hubs={list.hubs} />

      <PagedTable
        list={list}
        skeletonColumns={9}
        testId="pod-table"
        label={t('label')}
        columns={columns}
        rowKey={(pod) => `${pod.hub}/${pod.namespace}/${pod.name}`}
        {...sortControls(filters, update)}
        rowTone={(pod) => (pod.stale || pod.nodeOffline ? 'opacity-75' : undefined)}
        className="h-[calc(100dvh-18rem)] min-h-96"
        empty={<ListEmptyState icon={Boxes} filtered={hasFilters} text={(key) => t(key)} />}
      />
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
