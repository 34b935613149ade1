'use client';
import { canMutateNamespaced } from '@/components/tenancy/access';
import { useAccess } from '@/components/tenancy/access-provider';
import { useCallback, useMemo, useState } from 'react';
import Link from 'next/link';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Boxes, CircleCheck, RotateCw, Scaling, X } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { cn } from '@/components/ui/cn';
import { hubListQuery, workloadListQuery } from '@/lib/client/fleet-api';
import { parseWorkloadFilters } from '@/lib/client/fleet-filters';
import type { WorkloadListItem } from '@/lib/contracts/fleet';
import { ClearFilters, FilterBar, FilterSelect, SearchFilter, nextSort, useUrlFilterState } from '@/components/fleet/filter-bar';
import { HubStatusBanner } from '@/components/fleet/hub-status-banner';
import { fleetHref } from '@/components/fleet/links';
import { QueryErrorPanel } from '@/components/fleet/query-states';
import { RelativeTime } from '@/components/fleet/relative-time';
import { VirtualTable, VirtualTableSkeleton, type VirtualColumn } from '@/components/fleet/virtual-table';
import { WorkloadActionDialog, type WorkloadAction } from './workload-action-dialog';

/** Deployments and DaemonSets across hubs, desired vs ready, with Restart and Scale for Deployments. */
export function WorkloadList() {
  const t = useTranslations('workloads.list');
  const { searchParams, update, clear } = useUrlFilterState();
  const filters = useMemo(() => parseWorkloadFilters(searchParams), [searchParams]);
  const query = useInfiniteQuery(workloadListQuery(filters));
  const hubs = useQuery(hubListQuery());
  const [action, setAction] = useState<WorkloadAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const lastPage = query.data?.pages[query.data.pages.length - 1];
  const total = query.data?.pages[0]?.total ?? 0;
  const { fetchNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const onSearch = useCallback((value: string | null) => update({ q: value }), [update]);
  const onNamespace = useCallback((value: string | null) => update({ namespace: value }), [update]);
  const columns = useWorkloadColumns(setAction);
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
        <FilterSelect
          label={t('filters.kind')}
          allLabel={t('filters.allKinds')}
          value={searchParams.get('kind') ?? undefined}
          options={[
            { value: 'Deployment', label: 'Deployment' },
            { value: 'DaemonSet', label: 'DaemonSet' },
          ]}
          onChange={(value) => update({ kind: value })}
          testId="filter-kind"
        />
        <ClearFilters onClear={clear} visible={hasFilters} />
        <div className="ml-auto text-xs text-muted tabular-nums" data-testid="workload-total" aria-live="polite">
          {query.data ? t('total', { count: total }) : null}
        </div>
      </FilterBar>

      <HubStatusBanner hubs={lastPage?.hubs} className="border-b border-border px-3 py-2" />

      {notice ? (
        <div role="status" className="flex items-center gap-2 border-b border-border bg-success-soft px-3 py-2 text-[13px] text-fg" data-testid="workload-notice">
          <CircleCheck aria-hidden className="size-4 text-success" />
          <span className="flex-1">{notice}</span>
          <button type="button" onClick={() => setNotice(null)} className="rounded p-0.5 text-muted hover:text-fg" aria-label={t('dismiss')}>
            <X aria-hidden className="size-3.5" />
          </button>
        </div>
      ) : null}

      {query.isPending ? (
        <VirtualTableSkeleton columns={8} />
      ) : query.isError ? (
        <QueryErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <VirtualTable
          testId="workload-table"
          label={t('label')}
          columns={columns}
          rows={rows}
          rowKey={(w) => `${w.hub}/${w.namespace}/${w.kind}/${w.name}`}
          total={total}
          sort={filters.sort ?? 'name'}
          order={filters.order ?? 'asc'}
          onSort={(key) => update(nextSort(filters, key))}
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={loadMore}
          rowTone={(w) => (w.stale ? 'opacity-70' : undefined)}
          className="h-[calc(100dvh-18rem)] min-h-96"
          empty={<EmptyState icon={Boxes} title={hasFilters ? t('emptyFiltered') : t('empty')} description={hasFilters ? t('emptyFilteredHint') : t('emptyHint')} />}
        />
      )}
      <WorkloadActionDialog action={action} onClose={() => setAction(null)} onAccepted={setNotice} />
    </Card>
  );
}

function useWorkloadColumns(onAction: (action: WorkloadAction) => void): VirtualColumn<WorkloadListItem>[] {
  const t = useTranslations('workloads.columns');
  const actions = useTranslations('workloads.actions');
  const access = useAccess();
  return [
    {
      id: 'name',
      header: t('name'),
      width: 'minmax(12rem,2fr)',
      sortKey: 'name',
      cell: (w) => (
        <Link
          href={fleetHref.pods({ hub: w.hub, namespace: w.namespace, q: w.name })}
          className="truncate font-medium text-fg hover:text-accent hover:underline"
          title={actions('showPods')}
          data-testid="workload-link"
        >
          {w.name}
        </Link>
      ),
    },
    { id: 'kind', header: t('kind'), width: '6.5rem', sortKey: 'kind', cell: (w) => <Badge tone={w.kind === 'DaemonSet' ? 'info' : 'neutral'}>{w.kind}</Badge> },
    {
      id: 'namespace',
      header: t('namespace'),
      width: 'minmax(8rem,1fr)',
      sortKey: 'namespace',
      cell: (w) => (
        <span className="flex min-w-0 flex-col leading-4">
          <span className="truncate text-fg/90">{w.namespace}</span>
          <span className="truncate text-2xs text-faint">{w.hub}</span>
        </span>
      ),
    },
    {
      id: 'ready',
      header: t('ready'),
      width: '7.5rem',
      sortKey: 'ready',
      cell: (w) => {
        const ok = w.ready >= w.desired;
        return (
          <span className="flex w-full items-center gap-2" data-testid="workload-ready">
            <span className={cn('font-medium', ok ? 'text-success' : w.ready === 0 && w.desired > 0 ? 'text-danger' : 'text-warning')}>
              {w.ready}/{w.desired}
            </span>
            <span className="h-1 flex-1 overflow-hidden rounded-full bg-panel-sunken">
              <span
                className={cn('block h-full rounded-full', ok ? 'bg-success' : 'bg-warning')}
                style={{ width: `${w.desired ? Math.min(100, (w.ready / w.desired) * 100) : 100}%` }}
              />
            </span>
          </span>
        );
      },
    },
    { id: 'updated', header: t('updated'), width: '5.5rem', align: 'right', cell: (w) => <span className="text-muted">{w.updated}</span> },
    { id: 'available', header: t('available'), width: '5.5rem', align: 'right', cell: (w) => <span className="text-muted">{w.available}</span> },
    {
      id: 'images',
      header: t('images'),
      width: 'minmax(9rem,1fr)',
      cell: (w) => (
        <span className="truncate font-mono text-xs text-muted" title={w.images.join('\n')}>
          {w.images.map((image) => image.split('/').pop()).join(', ')}
        </span>
      ),
    },
    { id: 'age', header: t('age'), width: '5rem', sortKey: 'createdAt', align: 'right', cell: (w) => <RelativeTime value={w.createdAt} className="text-muted" /> },
    {
      id: 'actions',
      header: <span className="sr-only">{t('actions')}</span>,
      width: '10rem',
      align: 'right',
      cell: (w) =>
        w.kind === 'Deployment' && !canMutateNamespaced(access, w) ? null : w.kind === 'Deployment' ? (
          <span className="flex gap-1">
            <Button size="sm" variant="ghost" onClick={() => onAction({ kind: 'restart', workload: w })} data-testid="workload-restart">
              <RotateCw aria-hidden />
              {actions('restart')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => onAction({ kind: 'scale', workload: w })} data-testid="workload-scale">
              <Scaling aria-hidden />
              {actions('scale')}
            </Button>
          </span>
        ) : (
          <span className="text-2xs text-faint" title={actions('daemonSetHint')}>
            {actions('perNode')}
          </span>
        ),
    },
  ];
}
