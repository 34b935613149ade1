'use client';
import { useId, type ReactNode } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { Boxes, Building2, Cpu, History, MemoryStick, Network, Server, type LucideIcon } from 'lucide-react';
import type { FleetSummary } from '@/lib/contracts/fleet';
import { Card } from '@/components/ui/card';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { Tooltip } from '@/components/ui/tooltip';
import { cn } from '@/components/ui/cn';
import { formatBytes, formatCores, formatCount, percentOf } from './format';
import { toneDotClass, toneTextClass, type StatusTone } from './status-pill';
import { UsageBar } from './usage-bar';

type Part = { key: string; label: string; value: number; tone: StatusTone };

/** A hub whose numbers in a tile are last-known rather than live. */
type StaleHub = { hub: string; lastSyncAt: string | null };

/**
 * Hubs that contribute to a KPI while stale (unreachable, or otherwise serving last-known data):
 * the tile's total then mixes live and last-known numbers, and says so.
 */
export function staleContributors(summary: FleetSummary, contributes: (entry: FleetSummary['perHub'][number]) => boolean): StaleHub[] {
  const perHub = new Map(summary.perHub.map((entry) => [entry.hub, entry]));
  return summary.hubStatus
    .filter((status) => status.stale)
    .filter((status) => {
      const entry = perHub.get(status.hub);
      return entry ? contributes(entry) : false;
    })
    .map((status) => ({ hub: status.hub, lastSyncAt: status.lastSyncAt }));
}

/** The small "stale" marker of a tile, with the hubs and since when in a tooltip (also its accessible name). */
function StaleMarker({ tile, hubs }: { tile: string; hubs: StaleHub[] }) {
  const t = useTranslations('fleet.overview.kpi');
  const format = useFormatter();
  const id = useId();
  const names = hubs
    .map((hub) =>
      hub.lastSyncAt
        ? t('staleHub', { hub: hub.hub, time: format.dateTime(new Date(hub.lastSyncAt), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) })
        : hub.hub,
    )
    .join('; ');
  const text = t('staleTooltip', { hubs: names, count: hubs.length });
  return (
    <Tooltip id={`${id}-stale`} content={text} side="bottom" align="start">
      <span
        tabIndex={0}
        aria-label={`${t('stale')}: ${text}`}
        data-testid={`kpi-${tile}-stale`}
        data-hubs={hubs.map((hub) => hub.hub).join(',')}
        className="inline-flex items-center gap-0.5 rounded px-1 text-2xs font-medium text-warning outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <History aria-hidden className="size-3" />
        {t('stale')}
      </span>
    </Tooltip>
  );
}

function Tile({
  id,
  icon: Icon,
  title,
  value,
  total,
  parts,
  stale,
  children,
}: {
  id: string;
  icon: LucideIcon;
  title: string;
  value: ReactNode;
  total?: ReactNode;
  parts?: Part[];
  /** Contributing hubs whose data is last-known (empty or omitted: all live). */
  stale?: StaleHub[];
  children?: ReactNode;
}) {
  return (
    <Card className="flex min-w-0 flex-col p-3.5" data-testid={`kpi-${id}`} data-stale={stale?.length ? 'true' : undefined}>
      <div className="flex items-center justify-between gap-2 text-xs text-muted">
        <span className="flex min-w-0 items-center gap-1.5">
          <span className="truncate font-medium">{title}</span>
          {stale?.length ? <StaleMarker tile={id} hubs={stale} /> : null}
        </span>
        <Icon aria-hidden className="size-4 shrink-0 text-faint" />
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
  const stale = {
    datacenters: staleContributors(summary, (entry) => entry.datacenters.total > 0),
    edgeNodes: staleContributors(summary, (entry) => entry.edgeNodes.total > 0),
    pods: staleContributors(summary, (entry) => entry.pods.total > 0),
    cpu: staleContributors(summary, (entry) => entry.capacity.cpuCores > 0),
    memory: staleContributors(summary, (entry) => entry.capacity.memoryBytes > 0),
  };
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
        stale={stale.datacenters}
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
        stale={stale.edgeNodes}
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
        stale={stale.pods}
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
        stale={stale.cpu}
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
      <Tile id="memory" icon={MemoryStick} title={t('memory')} value={memoryPercent === null ? '—' : `${memoryPercent}%`} stale={stale.memory}>
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
