'use client';
import { useCallback, useMemo } from 'react';
import Link from 'next/link';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Ban, Server } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { Card } from '@/components/ui/card';
import { datacenterListQuery, hubListQuery, nodeListQuery } from '@/lib/client/fleet-api';
import { parseNodeFilters } from '@/lib/client/fleet-filters';
import type { NodeListItem } from '@/lib/contracts/fleet';
import { ClearFilters, FilterBar, FilterSelect, SearchFilter, nextSort, useUrlFilterState } from '@/components/fleet/filter-bar';
import { formatBytes, formatCores, formatCount, splitDatacenterId } from '@/components/fleet/format';
import { HubStatusBanner } from '@/components/fleet/hub-status-banner';
import { fleetHref } from '@/components/fleet/links';
import { QueryErrorPanel } from '@/components/fleet/query-states';
import { RelativeTime } from '@/components/fleet/relative-time';
import { NodeStatusBadge } from '@/components/fleet/status-badges';
import { UsageBar } from '@/components/fleet/usage-bar';
import { VirtualTable, VirtualTableSkeleton, type VirtualColumn } from '@/components/fleet/virtual-table';
import { AcceleratorChips, ArchChip, RoleChip } from './node-chips';

const ARCHES = ['amd64', 'arm64'];

/** The fleet's nodes: URL-driven filters, server-side sort and cursor paging, virtualised rows. */
export function NodeList({
  fixedFilters,
  hideColumns = [],
  hideHubBanner,
  className,
}: {
  /** Filters imposed by the page (e.g. a datacenter's own nodes); not shown as controls. */
  fixedFilters?: { datacenter?: string };
  hideColumns?: string[];
  /** The page already shows the hub's status above (datacenter detail). */
  hideHubBanner?: boolean;
  className?: string;
}) {
  const t = useTranslations('nodes.list');
  const { searchParams, update, clear } = useUrlFilterState();
  const urlFilters = useMemo(() => parseNodeFilters(searchParams), [searchParams]);
  const fixedDatacenter = fixedFilters?.datacenter;
  const filters = useMemo(
    () => (fixedDatacenter ? { ...urlFilters, datacenter: [fixedDatacenter] } : urlFilters),
    [urlFilters, fixedDatacenter],
  );
  const query = useInfiniteQuery(nodeListQuery(filters));
  const hubs = useQuery({ ...hubListQuery(), enabled: !fixedDatacenter });
  const datacenters = useQuery({ ...datacenterListQuery(filters.hub ? { hub: filters.hub } : {}), enabled: !fixedDatacenter });

  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const lastPage = query.data?.pages[query.data.pages.length - 1];
  const total = query.data?.pages[0]?.total ?? 0;
  const { fetchNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const setFilter = useCallback((key: string) => (value: string | null) => update({ [key]: value }), [update]);
  const onSearch = useCallback((value: string | null) => update({ q: value }), [update]);

  const columns = useNodeColumns().filter((column) => !hideColumns.includes(column.id));
  const hasFilters = [...searchParams.keys()].some((key) => key !== 'sort' && key !== 'order');

  return (
    <Card className={className}>
      <FilterBar>
        <SearchFilter value={urlFilters.q} onChange={onSearch} label={t('search')} placeholder={t('searchPlaceholder')} />
        {!fixedDatacenter ? (
          <FilterSelect
            label={t('filters.hub')}
            allLabel={t('filters.allHubs')}
            value={searchParams.get('hub') ?? undefined}
            options={(hubs.data?.items ?? []).map((hub) => ({ value: hub.hub, label: hub.hub }))}
            onChange={(value) => update({ hub: value, datacenter: null })}
            testId="filter-hub"
          />
        ) : null}
        {!fixedDatacenter ? (
          <FilterSelect
            label={t('filters.datacenter')}
            allLabel={t('filters.allDatacenters')}
            value={searchParams.get('datacenter') ?? undefined}
            options={(datacenters.data?.items ?? []).map((dc) => ({ value: dc.id, label: `${dc.displayName} (${dc.hub})` }))}
            onChange={setFilter('datacenter')}
            testId="filter-datacenter"
          />
        ) : null}
        <FilterSelect
          label={t('filters.status')}
          allLabel={t('filters.allStatuses')}
          value={searchParams.get('status') ?? undefined}
          options={(['ready', 'not-ready', 'unknown'] as const).map((value) => ({ value, label: t(`statusOption.${value}`) }))}
          onChange={setFilter('status')}
          testId="filter-status"
        />
        <FilterSelect
          label={t('filters.role')}
          allLabel={t('filters.allRoles')}
          value={searchParams.get('role') ?? undefined}
          options={(['edge', 'cloud'] as const).map((value) => ({ value, label: t(`roleOption.${value}`) }))}
          onChange={setFilter('role')}
          testId="filter-role"
        />
        <FilterSelect
          label={t('filters.arch')}
          allLabel={t('filters.allArches')}
          value={searchParams.get('arch') ?? undefined}
          options={ARCHES.map((value) => ({ value, label: value }))}
          onChange={setFilter('arch')}
          testId="filter-arch"
        />
        <FilterSelect
          label={t('filters.cordoned')}
          allLabel={t('filters.anySchedulable')}
          value={searchParams.get('cordoned') ?? undefined}
          options={[
            { value: 'true', label: t('filters.cordonedOnly') },
            { value: 'false', label: t('filters.schedulableOnly') },
          ]}
          onChange={setFilter('cordoned')}
        />
        <ClearFilters onClear={clear} visible={hasFilters} />
        <div className="ml-auto text-xs text-muted tabular-nums" data-testid="node-total" aria-live="polite">
          {query.data ? t('total', { count: total }) : null}
        </div>
      </FilterBar>

      {!hideHubBanner ? <HubStatusBanner hubs={lastPage?.hubs} className="border-b border-border px-3 py-2" /> : null}

      {query.isPending ? (
        <VirtualTableSkeleton columns={9} />
      ) : query.isError ? (
        <QueryErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <VirtualTable
          testId="node-table"
          label={t('label')}
          columns={columns}
          rows={rows}
          rowKey={(node) => `${node.hub}/${node.name}`}
          total={total}
          sort={urlFilters.sort ?? 'name'}
          order={urlFilters.order ?? 'asc'}
          onSort={(key) => update(nextSort(urlFilters, key))}
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={loadMore}
          rowTone={(node) => (node.status === 'unknown' ? 'bg-danger-soft/40' : node.stale ? 'opacity-70' : undefined)}
          className="h-[calc(100dvh-15.5rem)] min-h-96"
          empty={
            <EmptyState
              icon={Server}
              title={hasFilters ? t('emptyFiltered') : t('empty')}
              description={hasFilters ? t('emptyFilteredHint') : t('emptyHint')}
            />
          }
        />
      )}
    </Card>
  );
}

function useNodeColumns(): VirtualColumn<NodeListItem>[] {
  const t = useTranslations('nodes.columns');
  const status = useTranslations('fleet.status');
  return [
    {
      id: 'name',
      header: t('name'),
      width: 'minmax(13rem,2fr)',
      sortKey: 'name',
      cell: (node) => (
        <span className="flex min-w-0 items-center gap-1.5">
          <Link
            href={fleetHref.node(node.hub, node.name)}
            className="truncate font-medium text-fg hover:text-accent hover:underline"
            data-testid="node-link"
          >
            {node.name}
          </Link>
          {node.unschedulable ? (
            <span title={status('cordonedHint')} className="inline-flex items-center gap-0.5 text-2xs font-medium text-warning" data-testid="cordoned-marker">
              <Ban aria-hidden className="size-3" />
              {status('cordoned')}
            </span>
          ) : null}
          <AcceleratorChips accelerators={node.accelerators} />
        </span>
      ),
    },
    {
      id: 'status',
      header: t('status'),
      width: '6.5rem',
      sortKey: 'status',
      cell: (node) => (
        <span data-testid="node-status" data-status={node.status} className="min-w-0">
          <NodeStatusBadge status={node.status} reason={node.statusReason} message={node.statusMessage} />
        </span>
      ),
    },
    {
      id: 'datacenter',
      header: t('datacenter'),
      width: 'minmax(10rem,1.3fr)',
      sortKey: 'datacenter',
      cell: (node) => (
        <span className="flex min-w-0 flex-col leading-4">
          {node.datacenter ? (
            <Link href={fleetHref.datacenter(node.datacenter)} className="truncate text-fg/90 hover:text-accent hover:underline">
              {splitDatacenterId(node.datacenter).zone}
            </Link>
          ) : (
            <span className="text-faint">—</span>
          )}
          <span className="truncate text-2xs text-faint">{node.hub}</span>
        </span>
      ),
    },
    {
      id: 'type',
      header: t('type'),
      width: '8.5rem',
      sortKey: 'role',
      cell: (node) => (
        <span className="flex items-center gap-1">
          <RoleChip role={node.role} />
          <ArchChip arch={node.arch} />
        </span>
      ),
    },
    {
      id: 'version',
      header: t('version'),
      width: '6.5rem',
      sortKey: 'kubeletVersion',
      cell: (node) => (
        <span className="truncate font-mono text-xs text-muted" title={`kubelet ${node.kubeletVersion}`}>
          {node.kubeedgeVersion ?? node.kubeletVersion.replace(/-.*$/, '')}
        </span>
      ),
    },
    {
      id: 'cpu',
      header: t('cpu'),
      width: '6.5rem',
      sortKey: 'cpu',
      cell: (node) => <ResourceCell used={node.cpu.usageCores} total={node.cpu.capacityCores} text={`${formatCores(node.cpu.usageCores)} / ${formatCores(node.cpu.capacityCores)}`} />,
    },
    {
      id: 'memory',
      header: t('memory'),
      width: '7.5rem',
      sortKey: 'memory',
      cell: (node) => (
        <ResourceCell used={node.memory.usageBytes} total={node.memory.capacityBytes} text={`${formatBytes(node.memory.usageBytes, 0).replace(/ GiB$/, '')} / ${formatBytes(node.memory.capacityBytes, 0)}`} />
      ),
    },
    { id: 'pods', header: t('pods'), width: '4.5rem', sortKey: 'pods', align: 'right', cell: (node) => <span>{formatCount(node.pods)}</span> },
    {
      id: 'heartbeat',
      header: t('heartbeat'),
      width: '7rem',
      sortKey: 'lastHeartbeat',
      align: 'right',
      cell: (node) => <RelativeTime value={node.lastHeartbeat} className={node.status === 'ready' ? 'text-muted' : 'text-danger'} />,
    },
  ];
}

function ResourceCell({ used, total, text }: { used: number | null; total: number; text: string }) {
  return (
    <div className="w-full min-w-0">
      <div className="truncate text-2xs text-muted">{text}</div>
      <UsageBar compact used={used} total={total} usedText="" totalText="" />
    </div>
  );
}
