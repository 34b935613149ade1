'use client';
import { canMutateNamespaced } from '@/components/tenancy/access';
import { useAccess } from '@/components/tenancy/access-provider';
import { useState } from 'react';
import Link from 'next/link';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Boxes, CircleCheck, RotateCw, Scaling, X } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { workloadListQuery } from '@/lib/client/fleet-api';
import { parseWorkloadFilters } from '@/lib/client/fleet-filters';
import type { WorkloadListItem } from '@/lib/contracts/fleet';
import { ClearFilters, FilterBar, FilterSelect } from '@/components/fleet/filter-bar';
import { fleetHref } from '@/components/fleet/links';
import { HubFilter, ListEmptyState, ListHubBanner, ListTotal, ParamSearchFilter } from '@/components/fleet/list/list-parts';
import { PagedTable, usePagedRows } from '@/components/fleet/list/paged-table';
import { sortControls, useListFilters } from '@/components/fleet/list/use-list-filters';
import { RelativeTime } from '@/components/fleet/relative-time';
import type { VirtualColumn } from '@/components/fleet/virtual-table';
import { WorkloadActionDialog, type WorkloadAction } from './workload-action-dialog';

/** Deployments and DaemonSets across hubs, desired vs ready, with Restart and Scale for Deployments. */
export function WorkloadList() {
  const t = useTranslations('workloads.list');
  const url = useListFilters(parseWorkloadFilters);
  const { filters, update, clear, bind, hasFilters } = url;
  const query = useInfiniteQuery(workloadListQuery(filters));
  const list = usePagedRows(query);
  const [action, setAction] = useState<WorkloadAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const columns = useWorkloadColumns(setAction);

  return (
    <Card>
      <FilterBar>
        <ParamSearchFilter url={url} param="q" value={filters.q} label={t('search')} placeholder={t('searchPlaceholder')} />
        <HubFilter {...bind('hub')} label={t('filters.hub')} allLabel={t('filters.allHubs')} />
        <ParamSearchFilter url={url} param="namespace" icon={false} className="w-40" label={t('filters.namespace')} placeholder={t('filters.namespace')} testId="filter-namespace" />
        <FilterSelect
          {...bind('kind')}
          label={t('filters.kind')}
          allLabel={t('filters.allKinds')}
          options={[
            { value: 'Deployment', label: 'Deployment' },
            { value: 'DaemonSet', label: 'DaemonSet' },
          ]}
          testId="filter-kind"
        />
        <ClearFilters onClear={clear} visible={hasFilters} />
        <ListTotal testId="workload-total">{list.loaded ? t('total', { count: list.total }) : null}</ListTotal>
      </FilterBar>

      <ListHubBanner hubs={list.hubs} />

      {notice ? (
        <div role="status" className="flex items-center gap-2 border-b border-border bg-success-soft px-3 py-2 text-[13px] text-fg" data-testid="workload-notice">
          <CircleCheck aria-hidden className="size-4 text-success" />
          <span className="flex-1">{notice}</span>
          <button type="button" onClick={() => setNotice(null)} className="rounded p-0.5 text-muted hover:text-fg" aria-label={t('dismiss')}>
            <X aria-hidden className="size-3.5" />
          </button>
        </div>
      ) : null}

      <PagedTable
        list={list}
        skeletonColumns={8}
        testId="workload-table"
        label={t('label')}
        columns={columns}
        rowKey={(w) => `${w.hub}/${w.namespace}/${w.kind}/${w.name}`}
        {...sortControls(filters, update)}
        rowTone={(w) => (w.stale ? 'opacity-70' : undefined)}
        className="h-[calc(100dvh-18rem)] min-h-96"
        empty={<ListEmptyState icon={Boxes} filtered={hasFilters} text={(key) => t(key)} />}
      />
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
