'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { DatacenterDto } from '@/lib/contracts/fleet';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { cn } from '@/components/ui/cn';
import { formatCount } from './format';
import { fleetHref } from './links';
import { healthTone } from './status-badges';
import { toneTextClass } from './status-pill';

export const healthCellClass: Record<DatacenterDto['health'], string> = {
  // Healthy stays quiet so trouble stands out: soft green, solid amber/red.
  healthy: 'bg-success-soft text-success ring-1 ring-inset ring-success/30 hover:bg-success/25',
  degraded: 'bg-warning text-black/80 hover:brightness-110',
  down: 'bg-danger text-white hover:brightness-110',
  unknown: 'bg-panel-raised text-muted ring-1 ring-inset ring-border-strong hover:bg-panel-sunken',
};

/**
 * Every datacenter as one coloured cell, grouped by region: a 100-site fleet fits on one screen and
 * a red cell is a click away from its nodes.
 */
export function DatacenterHealthGrid({ datacenters }: { datacenters: DatacenterDto[] }) {
  const t = useTranslations('fleet.overview.grid');
  const status = useTranslations('fleet.status.datacenter');
  if (!datacenters.length) return <p className="px-4 py-6 text-center text-[13px] text-muted">{t('empty')}</p>;

  const byRegion = new Map<string, DatacenterDto[]>();
  for (const dc of datacenters) {
    const list = byRegion.get(dc.region) ?? [];
    list.push(dc);
    byRegion.set(dc.region, list);
  }
  const regions = [...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b));
  // A small fleet gets named tiles; past a few dozen sites, compact cells keep it on one screen.
  const labeled = datacenters.length <= 60;

  return (
    <div className="space-y-3 p-4" data-testid="datacenter-grid">
      {regions.map(([region, list]) => {
        const sorted = [...list].sort((a, b) => a.zone.localeCompare(b.zone));
        const bad = sorted.filter((dc) => dc.health === 'down' || dc.health === 'degraded').length;
        return (
          <section key={region} aria-label={t('region', { region })} data-region={region}>
            <div className="mb-1.5 flex items-baseline gap-2 text-xs">
              <Link href={fleetHref.datacenters({ region })} className="font-medium text-fg hover:text-accent" data-testid="grid-region-link">
                {region}
              </Link>
              <span className="text-faint tabular-nums">
                {t('count', { count: sorted.length })}
                {bad ? <span className="ml-1.5 text-warning">{t('attention', { count: bad })}</span> : null}
              </span>
            </div>
            <ul className="flex flex-wrap gap-1">
              {sorted.map((dc) => (
                <li key={dc.id} className="group/cell relative">
                  <Link
                    href={fleetHref.datacenter(dc.id)}
                    data-testid="grid-cell"
                    data-datacenter={dc.id}
                    data-health={dc.health}
                    aria-label={`${dc.displayName}: ${status(dc.health)}`}
                    className={cn(
                      'flex items-center justify-center rounded-[3px] font-medium transition-[filter,background-color]',
                      'focus-visible:outline-2 focus-visible:outline-offset-1',
                      labeled ? 'h-7 w-[6.5rem] px-2 text-2xs' : 'size-5',
                      healthCellClass[dc.health],
                      dc.stale && 'opacity-60',
                    )}
                  >
                    {labeled ? <span className="truncate">{dc.displayName}</span> : null}
                  </Link>
                  <div
                    role="tooltip"
                    className={cn(
                      'pointer-events-none absolute bottom-full left-1/2 z-30 mb-1.5 w-max max-w-64 -translate-x-1/2 rounded-md border border-border-strong',
                      'bg-panel-raised px-2.5 py-2 text-xs text-fg opacity-0 shadow-pop transition-opacity delay-100',
                      'group-focus-within/cell:opacity-100 group-hover/cell:opacity-100',
                    )}
                  >
                    <div className="font-semibold">{dc.displayName}</div>
                    <div className="text-2xs text-muted">
                      {[dc.city, dc.hub].filter(Boolean).join(' · ')}
                    </div>
                    <div className={cn('mt-1 font-medium', toneTextClass[healthTone[dc.health]])}>
                      {status(dc.health)}
                      {dc.stale ? <span className="text-muted"> · {t('stale')}</span> : null}
                    </div>
                    <div className="mt-1 grid grid-cols-[auto_auto] gap-x-3 text-2xs tabular-nums">
                      <span className="text-muted">{t('nodes')}</span>
                      <span>
                        {formatCount(dc.nodes.ready)}/{formatCount(dc.nodes.total)}
                        {dc.nodes.notReady + dc.nodes.unknown ? (
                          <span className="ml-1 text-danger">{t('down', { count: dc.nodes.notReady + dc.nodes.unknown })}</span>
                        ) : null}
                      </span>
                      <span className="text-muted">{t('pods')}</span>
                      <span>
                        {formatCount(dc.pods.running)}/{formatCount(dc.pods.total)}
                        {dc.pods.crashLooping ? <span className="ml-1 text-danger">{t('crashLooping', { count: dc.pods.crashLooping })}</span> : null}
                      </span>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

export function DatacenterHealthGridSkeleton({ label }: { label: string }) {
  return (
    <SkeletonRegion name="datacenter-grid" label={label} className="space-y-4 p-4">
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i}>
          <Skeleton className="h-3 w-24" />
          <div className="mt-2 flex flex-wrap gap-1">
            {Array.from({ length: 14 }, (_, j) => (
              <Skeleton key={j} className="h-7 w-9" />
            ))}
          </div>
        </div>
      ))}
    </SkeletonRegion>
  );
}
