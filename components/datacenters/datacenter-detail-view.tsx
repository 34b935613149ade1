'use client';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { MapPin } from 'lucide-react';
import { datacenterQuery } from '@/lib/client/fleet-api';
import type { DatacenterDto, HubListStatus } from '@/lib/contracts/fleet';
import { Card } from '@/components/ui/card';
import { Breadcrumbs, KeyValues, Section } from '@/components/fleet/detail-parts';
import { isNotFoundError } from '@/components/fleet/list/detail-frame';
import { formatBytes, formatCores, formatCount } from '@/components/fleet/format';
import { HubStatusBanner } from '@/components/fleet/hub-status-banner';
import { fleetHref } from '@/components/fleet/links';
import { LiveIndicator } from '@/components/fleet/live-indicator';
import { NotFoundPanel } from '@/components/fleet/not-found-panel';
import { QueryErrorPanel } from '@/components/fleet/query-states';
import { DatacenterHealthBadge } from '@/components/fleet/status-badges';
import { toneDotClass, type StatusTone } from '@/components/fleet/status-pill';
import { UsageBar } from '@/components/fleet/usage-bar';
import { cn } from '@/components/ui/cn';
import { NodeList } from '@/components/nodes/node-list';
import { AcceleratorSummary, ArchMix } from './datacenter-parts';
import { DatacenterDetailSkeleton } from './datacenter-detail-skeleton';

export function DatacenterDetailView({ id }: { id: string }) {
  const t = useTranslations('datacenters.detail');
  const query = useQuery(datacenterQuery(id));
  if (query.isPending) return <DatacenterDetailSkeleton label={t('loading')} />;
  if (query.isError) {
    if (isNotFoundError(query.error)) {
      return <NotFoundPanel title={t('notFoundTitle')} description={t('notFoundDescription', { id })} href={fleetHref.datacenters()} linkLabel={t('backToDatacenters')} />;
    }
    return <QueryErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <DatacenterDetailBody dc={query.data} hubStatus={query.data.hubStatus} />;
}

function Count({ label, value, tone }: { label: string; value: number; tone: StatusTone }) {
  return (
    <div className="flex items-center gap-1.5 text-xs">
      <span aria-hidden className={cn('size-1.5 rounded-full', value ? toneDotClass[tone] : 'bg-border-strong')} />
      <span className="text-muted">{label}</span>
      <span className="font-semibold text-fg tabular-nums">{formatCount(value)}</span>
    </div>
  );
}

/** "12 / 14" with its breakdown (`Count`s) underneath. */
function CountCard({ testId, title, value, total, children }: { testId: string; title: string; value: number; total: number; children: ReactNode }) {
  return (
    <Card className="p-3.5" data-testid={testId}>
      <div className="text-xs font-medium text-muted">{title}</div>
      <div className="mt-1 text-2xl font-semibold text-fg tabular-nums">
        {formatCount(value)}
        <span className="text-sm text-faint"> / {formatCount(total)}</span>
      </div>
      <div className="mt-2 flex flex-wrap gap-x-3 gap-y-1">{children}</div>
    </Card>
  );
}

function DatacenterDetailBody({ dc, hubStatus }: { dc: DatacenterDto; hubStatus?: HubListStatus }) {
  const t = useTranslations('datacenters.detail');
  return (
    <div className="space-y-3" data-testid="datacenter-detail" data-health={dc.health}>
      <div className="flex flex-wrap items-end justify-between gap-4 pb-2">
        <div className="min-w-0">
          <Breadcrumbs items={[{ label: dc.region, href: fleetHref.datacenters({ region: dc.region }) }, { label: dc.displayName }]} />
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <h1 className="text-lg font-semibold tracking-tight text-fg">{dc.displayName}</h1>
            <DatacenterHealthBadge health={dc.health} size="md" />
            <span className="font-mono text-xs text-faint">{dc.id}</span>
          </div>
          {dc.city ? (
            <div className="mt-0.5 inline-flex items-center gap-1 text-xs text-muted">
              <MapPin aria-hidden className="size-3" />
              {dc.city}
            </div>
          ) : null}
        </div>
        <LiveIndicator />
      </div>

      {hubStatus ? <HubStatusBanner hubs={[hubStatus]} /> : null}

      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
        <CountCard testId="dc-nodes" title={t('nodes')} value={dc.nodes.ready} total={dc.nodes.total}>
          <Count label={t('ready')} value={dc.nodes.ready} tone="success" />
          <Count label={t('notReady')} value={dc.nodes.notReady} tone="warning" />
          <Count label={t('unknown')} value={dc.nodes.unknown} tone="danger" />
          <Count label={t('cordoned')} value={dc.nodes.cordoned} tone="warning" />
        </CountCard>
        <CountCard testId="dc-pods" title={t('pods')} value={dc.pods.running} total={dc.pods.total}>
          <Count label={t('running')} value={dc.pods.running} tone="success" />
          <Count label={t('pending')} value={dc.pods.pending} tone="warning" />
          <Count label={t('failed')} value={dc.pods.failed} tone="danger" />
          <Count label={t('crashLooping')} value={dc.pods.crashLooping} tone="danger" />
        </CountCard>
        <Card className="space-y-3 p-3.5" data-testid="dc-usage">
          <UsageBar
            label={t('cpu')}
            used={dc.usage?.cpuCores}
            total={dc.capacity.cpuCores}
            usedText={dc.usage ? formatCores(dc.usage.cpuCores) : '—'}
            totalText={t('cores', { value: formatCores(dc.capacity.cpuCores) })}
          />
          <UsageBar
            label={t('memory')}
            used={dc.usage?.memoryBytes}
            total={dc.capacity.memoryBytes}
            usedText={dc.usage ? formatBytes(dc.usage.memoryBytes) : '—'}
            totalText={formatBytes(dc.capacity.memoryBytes)}
          />
          {!dc.usage ? <p className="text-2xs text-faint">{t('noMetrics')}</p> : null}
        </Card>
        <Card className="p-3.5" data-testid="dc-hardware">
          <div className="text-xs font-medium text-muted">{t('hardware')}</div>
          <div className="mt-2 flex flex-wrap gap-1">
            <ArchMix architectures={dc.architectures} />
            <AcceleratorSummary accelerators={dc.accelerators} />
          </div>
        </Card>
      </div>

      <Section title={t('site')} testId="dc-site">
        <KeyValues
          columns={2}
          items={[
            { label: t('hub'), value: dc.hub },
            { label: t('region'), value: dc.region },
            { label: t('zone'), value: dc.zone, mono: true },
            { label: t('city'), value: dc.city },
            { label: t('location'), value: dc.location ? `${dc.location.lat.toFixed(3)}, ${dc.location.lon.toFixed(3)}` : null, mono: true },
            { label: t('gateway'), value: dc.gateway, mono: true },
            { label: t('cloudcore'), value: dc.cloudcore.length ? dc.cloudcore.join(', ') : null, mono: true },
          ]}
        />
      </Section>

      <div>
        <h2 className="mb-2 text-[13px] font-semibold text-fg">{t('nodeTable')}</h2>
        <NodeList fixedFilters={{ datacenter: dc.id }} hideColumns={['datacenter']} hideHubBanner />
      </div>
    </div>
  );
}
