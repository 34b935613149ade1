'use client';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Card, CardHeader } from '@/components/ui/card';
import { datacenterListQuery, fleetSummaryQuery, hubListQuery } from '@/lib/client/fleet-api';
import { DatacenterHealthGrid, DatacenterHealthGridSkeleton, healthCellClass } from './datacenter-health-grid';
import { cn } from '@/components/ui/cn';
import { HubCards, HubCardsSkeleton } from './hub-cards';
import { HubStatusBanner } from './hub-status-banner';
import { KpiTiles, KpiTilesSkeleton } from './kpi-tiles';
import { ProblemList, ProblemListSkeleton } from './problem-list';
import { QueryErrorPanel } from './query-states';
import { RelativeTime } from './relative-time';

/**
 * The overview's live widgets. Each has its own query, skeleton and error, so a slow or failing
 * widget never blanks the others; the stream (mounted by the page's LiveIndicator) keeps them fresh.
 */
export function FleetOverview() {
  const t = useTranslations('fleet.overview');
  const summary = useQuery(fleetSummaryQuery());
  const hubs = useQuery(hubListQuery());
  const datacenters = useQuery(datacenterListQuery());

  return (
    <div className="space-y-3">
      <HubStatusBanner hubs={summary.data?.hubStatus} />

      {summary.isPending ? (
        <KpiTilesSkeleton label={t('loading.kpi')} />
      ) : summary.isError ? (
        <Card>
          <QueryErrorPanel compact error={summary.error} onRetry={() => void summary.refetch()} />
        </Card>
      ) : (
        <KpiTiles summary={summary.data} />
      )}

      <Card>
        <CardHeader
          title={t('hubs.title')}
          description={t('hubs.description')}
          actions={
            summary.data ? (
              <span className="text-2xs text-faint">{t.rich('updated', { time: () => <RelativeTime value={summary.data.generatedAt} /> })}</span>
            ) : null
          }
        />
        {hubs.isPending ? (
          <HubCardsSkeleton label={t('loading.hubs')} />
        ) : hubs.isError ? (
          <QueryErrorPanel compact error={hubs.error} onRetry={() => void hubs.refetch()} />
        ) : (
          <HubCards hubs={hubs.data.items} perHub={summary.data?.perHub} />
        )}
      </Card>

      <div className="grid gap-3 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="min-w-0 self-start">
          <CardHeader title={t('grid.title')} description={t('grid.description')} actions={<GridLegend />} />
          {datacenters.isPending ? (
            <DatacenterHealthGridSkeleton label={t('loading.grid')} />
          ) : datacenters.isError ? (
            <QueryErrorPanel compact error={datacenters.error} onRetry={() => void datacenters.refetch()} />
          ) : (
            <DatacenterHealthGrid datacenters={datacenters.data.items} />
          )}
        </Card>

        <Card className="min-w-0 self-start">
          <CardHeader
            title={t('problems.title')}
            description={t('problems.description')}
            actions={
              summary.data?.problems.length ? (
                <span className="rounded bg-danger-soft px-1.5 text-2xs font-semibold text-danger tabular-nums">{summary.data.problems.length}</span>
              ) : null
            }
          />
          {summary.isPending ? (
            <ProblemListSkeleton label={t('loading.problems')} />
          ) : summary.isError ? (
            <QueryErrorPanel compact error={summary.error} onRetry={() => void summary.refetch()} />
          ) : (
            <div className="max-h-[32rem] overflow-y-auto">
              <ProblemList problems={summary.data.problems} />
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}

function GridLegend() {
  const t = useTranslations('fleet.status.datacenter');
  const items = ['healthy', 'degraded', 'down', 'unknown'] as const;
  return (
    <ul className="flex items-center gap-2.5 text-2xs text-muted">
      {items.map((key) => (
        <li key={key} className="flex items-center gap-1">
          <span aria-hidden className={cn('size-2.5 rounded-[2px]', healthCellClass[key])} />
          {t(key)}
        </li>
      ))}
    </ul>
  );
}
