'use client';
import { useMemo } from 'react';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Building2, MapPin } from 'lucide-react';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { datacenterListQuery, hubListQuery, type DatacenterFilters } from '@/lib/client/fleet-api';
import { parseFilters } from '@/lib/client/fleet-filters';
import { datacenterListQuerySchema, type DatacenterDto } from '@/lib/contracts/fleet';
import { ClearFilters, FilterBar, FilterSelect } from '@/components/fleet/filter-bar';
import { formatBytes, formatCores, formatCount } from '@/components/fleet/format';
import { fleetHref } from '@/components/fleet/links';
import { HubFilter, ListEmptyState, ListHubBanner, ListQueryState, ListTotal, ParamSearchFilter } from '@/components/fleet/list/list-parts';
import { useListFilters } from '@/components/fleet/list/use-list-filters';
import { DatacenterHealthBadge } from '@/components/fleet/status-badges';
import { UsageBar } from '@/components/fleet/usage-bar';
import { ArchMix, AcceleratorSummary } from './datacenter-parts';

const parseDatacenterFilters = (params: URLSearchParams): DatacenterFilters => parseFilters(datacenterListQuerySchema, params);

/** Datacenters grouped by region, with health, nodes, pods, hardware mix, location and gateway. */
export function DatacenterList() {
  const t = useTranslations('datacenters.list');
  // Not sorted by the URL: any key at all is a filter.
  const url = useListFilters(parseDatacenterFilters, { ignoredKeys: [] });
  const { filters, clear, bind, hasFilters } = url;
  const query = useQuery(datacenterListQuery(filters));
  const hubs = useQuery(hubListQuery());

  const regions = useMemo(() => {
    const byRegion = new Map<string, DatacenterDto[]>();
    for (const dc of query.data?.items ?? []) byRegion.set(dc.region, [...(byRegion.get(dc.region) ?? []), dc]);
    return [...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [query.data]);
  const regionOptions = [...new Set((hubs.data?.items ?? []).map((hub) => hub.region))].sort();

  return (
    <Card>
      <FilterBar>
        <ParamSearchFilter url={url} param="q" value={filters.q} label={t('search')} placeholder={t('searchPlaceholder')} />
        <FilterSelect
          {...bind('region')}
          label={t('filters.region')}
          allLabel={t('filters.allRegions')}
          options={regionOptions.map((region) => ({ value: region, label: region }))}
          testId="filter-region"
        />
        <HubFilter {...bind('hub')} label={t('filters.hub')} allLabel={t('filters.allHubs')} />
        <FilterSelect
          {...bind('health')}
          label={t('filters.health')}
          allLabel={t('filters.anyHealth')}
          options={(['healthy', 'degraded', 'down', 'unknown'] as const).map((value) => ({ value, label: t(`healthOption.${value}`) }))}
          testId="filter-health"
        />
        <ClearFilters onClear={clear} visible={hasFilters} />
        <ListTotal testId="datacenter-total" live={false}>
          {query.data ? t('total', { count: query.data.items.length }) : null}
        </ListTotal>
      </FilterBar>

      <ListHubBanner hubs={query.data?.hubs} />

      <ListQueryState query={query} skeleton={{ columns: 9, rows: 10 }}>
        {() =>
          regions.length === 0 ? <ListEmptyState icon={Building2} filtered={hasFilters} text={(key) => t(key)} /> : <DatacenterTable regions={regions} />
        }
      </ListQueryState>
    </Card>
  );
}

function DatacenterTable({ regions }: { regions: Array<[string, DatacenterDto[]]> }) {
  const t = useTranslations('datacenters.columns');
  const list = useTranslations('datacenters.list');
  const headers = [
    t('name'), t('health'), t('nodes'), t('pods'), t('hardware'), t('cpu'), t('memory'), t('location'), t('cloudcore'),
  ];
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[64rem] border-collapse text-left text-[13px] tabular-nums" data-testid="datacenter-table">
        <thead className="sticky top-0 z-10 bg-panel-sunken">
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className="h-8 border-b border-border px-3 text-2xs font-medium tracking-wide whitespace-nowrap text-muted uppercase">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        {regions.map(([region, datacenters]) => (
          <tbody key={region} data-region={region}>
            <tr className="bg-panel-raised/50">
              <th colSpan={headers.length} scope="rowgroup" className="h-7 border-b border-border px-3 text-left text-xs font-semibold text-fg">
                {region}
                <span className="ml-2 font-normal text-faint">{list('regionCount', { count: datacenters.length })}</span>
              </th>
            </tr>
            {datacenters.map((dc) => (
              <tr key={dc.id} className={cn('border-b border-border transition-colors hover:bg-panel-raised/60', dc.stale && 'opacity-70')} data-testid="datacenter-row" data-datacenter={dc.id} data-health={dc.health}>
                <td className="h-11 px-3 whitespace-nowrap">
                  <Link href={fleetHref.datacenter(dc.id)} className="font-medium text-fg hover:text-accent hover:underline" data-testid="datacenter-link">
                    {dc.displayName}
                  </Link>
                  <div className="font-mono text-2xs text-faint">{dc.zone}</div>
                </td>
                <td className="px-3">
                  <DatacenterHealthBadge health={dc.health} />
                </td>
                <td className="px-3 whitespace-nowrap">
                  <span className={dc.nodes.ready < dc.nodes.total ? 'text-warning' : 'text-fg'}>{formatCount(dc.nodes.ready)}</span>
                  <span className="text-faint">/{formatCount(dc.nodes.total)}</span>
                  {dc.nodes.unknown ? <span className="ml-1.5 text-2xs text-danger">{list('offline', { count: dc.nodes.unknown })}</span> : null}
                  {dc.nodes.cordoned ? <span className="ml-1.5 text-2xs text-warning">{list('cordoned', { count: dc.nodes.cordoned })}</span> : null}
                </td>
                <td className="px-3 whitespace-nowrap">
                  <span className="text-fg">{formatCount(dc.pods.running)}</span>
                  <span className="text-faint">/{formatCount(dc.pods.total)}</span>
                  {dc.pods.crashLooping ? <span className="ml-1.5 text-2xs text-danger">{list('crashLooping', { count: dc.pods.crashLooping })}</span> : null}
                </td>
                <td className="px-3">
                  <div className="flex max-w-56 flex-wrap items-center gap-1">
                    <ArchMix architectures={dc.architectures} />
                    <AcceleratorSummary accelerators={dc.accelerators} />
                  </div>
                </td>
                <td className="w-28 px-3">
                  <UsageBar compact used={dc.usage?.cpuCores} total={dc.capacity.cpuCores} usedText="" totalText="" />
                  <div className="mt-0.5 text-2xs whitespace-nowrap text-muted">
                    {formatCores(dc.usage?.cpuCores)} / {formatCores(dc.capacity.cpuCores)}
                  </div>
                </td>
                <td className="w-28 px-3">
                  <UsageBar compact used={dc.usage?.memoryBytes} total={dc.capacity.memoryBytes} usedText="" totalText="" />
                  <div className="mt-0.5 text-2xs whitespace-nowrap text-muted">
                    {formatBytes(dc.usage?.memoryBytes, 0)} / {formatBytes(dc.capacity.memoryBytes, 0)}
                  </div>
                </td>
                <td className="px-3 whitespace-nowrap">
                  <div className="inline-flex items-center gap-1 text-fg/90">
                    <MapPin aria-hidden className="size-3 text-faint" />
                    {dc.city ?? '—'}
                  </div>
                  <div className="font-mono text-2xs text-faint" title={list('gateway')}>
                    {dc.gateway ?? '—'}
                  </div>
                </td>
                <td className="px-3 font-mono text-xs whitespace-nowrap text-muted" title={dc.cloudcore.join('\n')}>
                  {dc.cloudcore.length ? (
                    <>
                      {dc.cloudcore[0]}
                      {dc.cloudcore.length > 1 ? <span className="ml-1 text-faint">+{dc.cloudcore.length - 1}</span> : null}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
