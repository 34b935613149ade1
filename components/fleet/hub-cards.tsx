'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ChevronRight } from 'lucide-react';
import type { FleetSummary, HubDto } from '@/lib/contracts/fleet';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { cn } from '@/components/ui/cn';
import { formatCount } from './format';
import { fleetHref } from './links';
import { ClockTime, RelativeTime } from './relative-time';
import { HubStatusBadge } from './status-badges';

const borderByStatus: Record<HubDto['status'], string> = {
  connected: 'border-l-success',
  degraded: 'border-l-warning',
  unreachable: 'border-l-danger',
  connecting: 'border-l-info',
};

/** One card per regional hub: connection status and since when, CloudCore, last sync, counts. */
export function HubCards({ hubs, perHub }: { hubs: HubDto[]; perHub: FleetSummary['perHub'] | undefined }) {
  const t = useTranslations('fleet.overview.hubs');
  if (!hubs.length) {
    return <p className="px-4 py-6 text-center text-[13px] text-muted">{t('empty')}</p>;
  }
  const breakdown = new Map((perHub ?? []).map((entry) => [entry.hub, entry]));
  // Past six hubs the full cards would push the health grid and problems off the first screen.
  const compact = hubs.length > 6;
  return (
    <ul
      className={cn('grid gap-2.5 p-3', compact ? 'sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4 2xl:grid-cols-5' : 'md:grid-cols-2 xl:grid-cols-3')}
      data-testid="hub-cards"
    >
      {hubs.map((hub) => {
        const counts = breakdown.get(hub.hub);
        const cloudcoreTone =
          hub.cloudcore.total === 0 ? 'text-faint' : hub.cloudcore.ready === hub.cloudcore.total ? 'text-fg' : hub.cloudcore.ready === 0 ? 'text-danger' : 'text-warning';
        return (
          <li
            key={hub.hub}
            data-testid="hub-card"
            data-hub={hub.hub}
            data-status={hub.status}
            className={cn('rounded-md border border-l-[3px] border-border bg-panel-raised/40 px-3 py-2.5', borderByStatus[hub.status])}
          >
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <Link href={fleetHref.datacenters({ hub: hub.hub })} className="group inline-flex items-center gap-1 font-semibold text-fg hover:text-accent">
                  <span className="truncate">{hub.displayName || hub.hub}</span>
                  <ChevronRight aria-hidden className="size-3.5 text-faint group-hover:text-accent" />
                </Link>
                <div className="text-2xs text-faint">
                  {t('region', { region: hub.region })}
                  {hub.kubernetesVersion ? <span className="ml-1.5 font-mono">{hub.kubernetesVersion}</span> : null}
                </div>
              </div>
              <HubStatusBadge status={hub.status} title={hub.error ?? undefined} />
            </div>

            {hub.status !== 'connected' && (hub.since || hub.error) ? (
              <p
                className={cn('mt-2 text-xs', hub.status === 'unreachable' ? 'text-danger' : 'text-warning')}
                data-testid="hub-card-trouble"
              >
                {t.rich(hub.status === 'unreachable' ? 'unreachableSince' : hub.status === 'connecting' ? 'connectingSince' : 'degradedSince', {
                  since: () => <ClockTime value={hub.since} />,
                  hasSince: hub.since ? 'yes' : 'no',
                })}
                {hub.error ? <span className="text-muted"> — {hub.error}</span> : null}
              </p>
            ) : null}

            <dl className="mt-2.5 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
              <div className="flex justify-between gap-2">
                <dt className="text-muted">{t('cloudcore')}</dt>
                <dd className={cn('tabular-nums', cloudcoreTone)} title={hub.cloudcore.version ?? undefined}>
                  {hub.cloudcore.ready}/{hub.cloudcore.total}
                  {hub.cloudcore.version && !compact ? <span className="ml-1 font-mono text-2xs text-faint">{hub.cloudcore.version}</span> : null}
                </dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt className="text-muted">{t('lastSync')}</dt>
                <dd className={cn('tabular-nums', hub.stale ? 'text-warning' : 'text-fg')}>
                  <RelativeTime value={hub.lastSyncAt} fallback={t('never')} />
                </dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt className="text-muted">{t('datacenters')}</dt>
                <dd className="text-fg tabular-nums">{formatCount(hub.counts.datacenters)}</dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt className="text-muted">{t('edgeNodes')}</dt>
                <dd className="tabular-nums">
                  {counts ? (
                    <>
                      <span className={counts.edgeNodes.ready < counts.edgeNodes.total ? 'text-warning' : 'text-fg'}>{formatCount(counts.edgeNodes.ready)}</span>
                      <span className="text-faint">/{formatCount(counts.edgeNodes.total)}</span>
                    </>
                  ) : (
                    <span className="text-fg">{formatCount(hub.counts.edgeNodes)}</span>
                  )}
                </dd>
              </div>
              {!compact ? (
                <>
                  <div className="flex justify-between gap-2">
                    <dt className="text-muted">{t('pods')}</dt>
                    <dd className="text-fg tabular-nums">{formatCount(hub.counts.pods)}</dd>
                  </div>
                  <div className="flex justify-between gap-2">
                    <dt className="text-muted">{t('namespaces')}</dt>
                    <dd className="text-fg tabular-nums">{formatCount(hub.counts.namespaces)}</dd>
                  </div>
                </>
              ) : null}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

export function HubCardsSkeleton({ label }: { label: string }) {
  return (
    <SkeletonRegion name="hub-cards" label={label} className="grid gap-2.5 p-3 md:grid-cols-2 xl:grid-cols-3">
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className="rounded-md border border-border p-3">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="mt-1.5 h-3 w-16" />
          <div className="mt-3 grid grid-cols-2 gap-2">
            {Array.from({ length: 6 }, (_, j) => (
              <Skeleton key={j} className="h-3 w-full" />
            ))}
          </div>
        </div>
      ))}
    </SkeletonRegion>
  );
}
