'use client';
import { useMemo } from 'react';
import Link from 'next/link';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Ban, Server } from 'lucide-react';
import { Card } from '@/components/ui/card';
import { datacenterListQuery, nodeListQuery } from '@/lib/client/fleet-api';
import { parseNodeFilters } from '@/lib/client/fleet-filters';
import type { NodeListItem } from '@/lib/contracts/fleet';
import { ClearFilters, FilterBar, FilterSelect } from '@/components/fleet/filter-bar';
import { formatBytes, formatCores, formatCount, splitDatacenterId } from '@/components/fleet/format';
import { fleetHref } from '@/components/fleet/links';
import { HubFilter, ListEmptyState, ListHubBanner, ListTotal, ParamSearchFilter } from '@/components/fleet/list/list-parts';
import { PagedTable, usePagedRows } from '@/components/fleet/list/paged-table';
import { sortControls, useListFilters } from '@/components/fleet/list/use-list-filters';
import { RelativeTime } from '@/components/fleet/relative-time';
import { NodeStatusBadge } from '@/components/fleet/status-badges';
import { UsageBar } from '@/components/fleet/usage-bar';
import type { VirtualColumn } from '@/components/fleet/virtual-table';
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
  const url = useListFilters(parseNodeFilters);
  const { filters: urlFilters, update, clear, bind, hasFilters } = url;
  const fixedDatacenter = fixedFilters?.datacenter;
  const filters = useMemo(
    () => (fixedDatacenter ? { ...urlFilters, datacenter: [fixedDatacenter] } : urlFilters),
    [urlFilters, fixedDatacenter],
  );
  const query = useInfiniteQuery(nodeListQuery(filters));
  const list = usePagedRows(query);
  const datacenters = useQuery({ ...datacenterListQuery(filters.hub ? { hub: filters.hub } : {}), enabled: !fixedDatacenter });
  const columns = useNodeColumns().filter((column) => !hideColumns.includes(column.id));

  return (
    <Card className={className}>
      <FilterBar>
        <ParamSearchFilter url={url} param="q" value={urlFilters.q} label={t('search')} placeholder={t('searchPlaceholder')} />
        {!fixedDatacenter ? (
          <HubFilter label={t('filters.hub')} allLabel={t('filters.allHubs')} value={bind('hub').value} onChange={(value) => update({ hub: value, datacenter: null })} />
        ) : null}
        {!fixedDatacenter ? (
          <FilterSelect
            {...bind('datacenter')}
            label={t('filters.datacenter')}
            allLabel={t('filters.allDatacenters')}
            options={(datacenters.data?.items ?? []).map((dc) => ({ value: dc.id, label: `${dc.displayName} (${dc.hub})` }))}
            testId="filter-datacenter"
          />
        ) : null}
        <FilterSelect
          {...bind('status')}
          label={t('filters.status')}
          allLabel={t('filters.allStatuses')}
          options={(['ready', 'not-ready', 'unknown'] as const).map((value) => ({ value, label: t(`statusOption.${value}`) }))}
          testId="filter-status"
        />
        <FilterSelect
          {...bind('role')}
          label={t('filters.role')}
          allLabel={t('filters.allRoles')}
          options={(['edge', 'cloud'] as const).map((value) => ({ value, label: t(`roleOption.${value}`) }))}
          testId="filter-role"
        />
        <FilterSelect {...bind('arch')} label={t('filters.arch')} allLabel={t('filters.allArches')} options={ARCHES.map((value) => ({ value, label: value }))} testId="filter-arch" />
        <FilterSelect
          {...bind('cordoned')}
          label={t('filters.cordoned')}
          allLabel={t('filters.anySchedulable')}
          options={[
            { value: 'true', label: t('filters.cordonedOnly') },
            { value: 'false', label: t('filters.schedulableOnly') },
          ]}
        />
        <ClearFilters onClear={clear} visible={hasFilters} />
        <ListTotal testId="node-total">{list.loaded ? t('total', { count: list.total }) : null}</ListTotal>
      </FilterBar>

      {!hideHubBanner ? <ListHubBanner hubs={list.hubs} /> : null}

      <PagedTable
        list={list}
        skeletonColumns={9}
        testId="node-table"
        label={t('label')}
        columns={columns}
        rowKey={(node) => `${node.hub}/${node.name}`}
        {...sortControls(urlFilters, update)}
        rowTone={(node) => (node.status === 'unknown' ? 'bg-danger-soft/40' : node.stale ? 'opacity-70' : undefined)}
        className="h-[calc(100dvh-15.5rem)] min-h-96"
        empty={<ListEmptyState icon={Server} filtered={hasFilters} text={(key) => t(key)} />}
      />
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
