'use client';
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Boxes, Building2, Cpu, MemoryStick, Network, Server, type LucideIcon } from 'lucide-react';
import type { FleetSummary } from '@/lib/contracts/fleet';
import { Card } from '@/components/ui/card';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { cn } from '@/components/ui/cn';
import { formatBytes, formatCores, formatCount, percentOf } from './format';
import { toneDotClass, toneTextClass, type StatusTone } from './status-pill';
import { UsageBar } from './usage-bar';

type Part = { key: string; label: string; value: number; tone: StatusTone };

function Tile({
  id,
  icon: Icon,
  title,
  value,
  total,
  parts,
  children,
}: {
  id: string;
  icon: LucideIcon;
  title: string;
  value: ReactNode;
  total?: ReactNode;
  parts?: Part[];
  children?: ReactNode;
}) {
  return (
    <Card className="flex min-w-0 flex-col p-3.5" data-testid={`kpi-${id}`}>
      <div className="flex items-center justify-between text-xs text-muted">
        <span className="font-medium">{title}</span>
        <Icon aria-hidden className="size-4 text-faint" />
      </div>
      <div className="mt-1.5 flex items-baseline gap-1.5">
        <span className="text-2xl font-semibold tracking-tight text-fg tabular-nums" data-testid={`kpi-${id}-value`}>
          {value}
        </span>
        {total !== undefined ? <span className="text-sm text-faint tabular-nums">/ {total}</span> : null}
      </div>
      {parts ? (
        <dl className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-2xs">
          {parts.map((part) => (
            <div key={part.key} className="flex items-center gap-1" data-testid={`kpi-${id}-${part.key}`} data-value={part.value}>
              <span aria-hidden className={cn('size-1.5 rounded-full', part.value ? toneDotClass[part.tone] : 'bg-border-strong')} />
              <dt className="text-muted">{part.label}</dt>
              <dd className={cn('font-semibold tabular-nums', part.value && part.tone !== 'success' ? toneTextClass[part.tone] : 'text-fg')}>
                {formatCount(part.value)}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {children}
    </Card>
  );
}

/** The fleet at a glance: hubs, datacenters, edge nodes, pods, CPU and memory. */
export function KpiTiles({ summary }: { summary: FleetSummary }) {
  const t = useTranslations('fleet.overview.kpi');
  const { hubs, datacenters, edgeNodes, pods, capacity, usage } = summary;
  const cpuPercent = percentOf(usage?.cpuCores, capacity.cpuCores);
  const memoryPercent = percentOf(usage?.memoryBytes, capacity.memoryBytes);
  return (
    <section aria-label={t('label')} className="grid grid-cols-2 gap-3 md:grid-cols-3 2xl:grid-cols-6" data-testid="kpi-tiles">
      <Tile
        id="hubs"
        icon={Network}
        title={t('hubs')}
        value={formatCount(hubs.connected)}
        total={formatCount(hubs.total)}
        parts={[
          { key: 'connected', label: t('connected'), value: hubs.connected, tone: 'success' },
          { key: 'degraded', label: t('degraded'), value: hubs.degraded, tone: 'warning' },
          { key: 'unreachable', label: t('unreachable'), value: hubs.unreachable, tone: 'danger' },
        ]}
      />
      <Tile
        id="datacenters"
        icon={Building2}
        title={t('datacenters')}
        value={formatCount(datacenters.total)}
        parts={[
          { key: 'healthy', label: t('healthy'), value: datacenters.healthy, tone: 'success' },
          { key: 'degraded', label: t('degraded'), value: datacenters.degraded, tone: 'warning' },
          { key: 'down', label: t('down'), value: datacenters.down, tone: 'danger' },
        ]}
      />
      <Tile
        id="edge-nodes"
        icon={Server}
        title={t('edgeNodes')}
        value={formatCount(edgeNodes.total)}
        parts={[
          { key: 'ready', label: t('ready'), value: edgeNodes.ready, tone: 'success' },
          { key: 'not-ready', label: t('notReady'), value: edgeNodes.notReady, tone: 'warning' },
          { key: 'unknown', label: t('unknown'), value: edgeNodes.unknown, tone: 'danger' },
        ]}
      />
      <Tile
        id="pods"
        icon={Boxes}
        title={t('pods')}
        value={formatCount(pods.total)}
        parts={[
          { key: 'running', label: t('running'), value: pods.running, tone: 'success' },
          { key: 'pending', label: t('pending'), value: pods.pending, tone: 'warning' },
          { key: 'failed', label: t('failed'), value: pods.failed, tone: 'danger' },
          { key: 'crash-looping', label: t('crashLooping'), value: pods.crashLooping, tone: 'danger' },
        ]}
      />
      <Tile
        id="cpu"
        icon={Cpu}
        title={t('cpu')}
        value={cpuPercent === null ? '—' : `${cpuPercent}%`}
      >
        <UsageBar
          hidePercent
          className="mt-2.5"
          used={usage?.cpuCores}
          total={capacity.cpuCores}
          usedText={usage ? t('cores', { value: formatCores(usage.cpuCores) }) : t('noMetrics')}
          totalText={t('cores', { value: formatCores(capacity.cpuCores) })}
        />
      </Tile>
      <Tile id="memory" icon={MemoryStick} title={t('memory')} value={memoryPercent === null ? '—' : `${memoryPercent}%`}>
        <UsageBar
          hidePercent
          className="mt-2.5"
          used={usage?.memoryBytes}
          total={capacity.memoryBytes}
          usedText={usage ? formatBytes(usage.memoryBytes) : t('noMetrics')}
          totalText={formatBytes(capacity.memoryBytes)}
        />
      </Tile>
    </section>
  );
}

export function KpiTilesSkeleton({ label }: { label: string }) {
  return (
    <SkeletonRegion name="kpi-tiles" label={label} className="grid grid-cols-2 gap-3 md:grid-cols-3 2xl:grid-cols-6">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="rounded-lg border border-border bg-panel p-3.5">
          <Skeleton className="h-3 w-20" />
          <Skeleton className="mt-2.5 h-7 w-16" />
          <Skeleton className="mt-2.5 h-3 w-full" />
        </div>
      ))}
    </SkeletonRegion>
  );
}
