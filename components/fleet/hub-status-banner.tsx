'use client';
import { useTranslations } from 'next-intl';
import { ChevronDown, TriangleAlert, Unplug, LoaderCircle } from 'lucide-react';
import type { HubListStatus } from '@/lib/contracts/fleet';
import { cn } from '@/components/ui/cn';
import { ClockTime } from './relative-time';

/**
 * Per-hub partial failure, inline above a list: "cn-south is unreachable since 12:03 — showing
 * last-known data". Hubs that are fine say nothing; the rest of the page keeps working.
 */
export function HubStatusBanner({ hubs, className }: { hubs: HubListStatus[] | undefined; className?: string }) {
  const t = useTranslations('fleet.hubBanner');
  const troubled = (hubs ?? []).filter((hub) => hub.status !== 'connected');
  if (!troubled.length) return null;
  // Many hubs in trouble at once (a network partition, a restart): one summary line, details on demand,
  // so the banners never push the data itself off the screen.
  const collapsed = troubled.length > 2;
  const items = (
      troubled.map((hub) => {
        const unreachable = hub.status === 'unreachable';
        const Icon = unreachable ? Unplug : hub.status === 'connecting' ? LoaderCircle : TriangleAlert;
        return (
          <div
            key={hub.hub}
            role={unreachable ? 'alert' : 'status'}
            data-hub={hub.hub}
            data-status={hub.status}
            className={cn(
              'flex items-start gap-2.5 rounded-md border px-3 py-2 text-[13px]',
              unreachable ? 'border-danger/30 bg-danger-soft' : hub.status === 'connecting' ? 'border-info/30 bg-info-soft' : 'border-warning/30 bg-warning-soft',
            )}
          >
            <Icon
              aria-hidden
              className={cn(
                'mt-0.5 size-4 shrink-0',
                unreachable ? 'text-danger' : hub.status === 'connecting' ? 'animate-spin text-info' : 'text-warning',
              )}
            />
            <div className="min-w-0">
              <span className="font-medium text-fg">
                {t.rich(hub.status === 'connected' ? 'degraded' : hub.status, {
                  hub: hub.hub,
                  since: () => <ClockTime value={hub.since} />,
                  hasSince: hub.since ? 'yes' : 'no',
                })}
              </span>
              {hub.stale ? <span className="text-muted"> — {t('stale')}</span> : null}
              {hub.error ? <div className="mt-0.5 truncate font-mono text-xs text-muted" title={hub.error}>{hub.error}</div> : null}
            </div>
          </div>
        );
      })
  );
  if (!collapsed) {
    return (
      <div className={cn('space-y-1.5', className)} data-testid="hub-status-banner">
        {items}
      </div>
    );
  }
  const unreachable = troubled.filter((hub) => hub.status === 'unreachable').length;
  return (
    <div className={className} data-testid="hub-status-banner">
      <details
        className={cn(
          'group rounded-md border text-[13px]',
          unreachable ? 'border-danger/30 bg-danger-soft' : 'border-warning/30 bg-warning-soft',
        )}
      >
        <summary className="flex cursor-pointer list-none items-center gap-2.5 px-3 py-2" role="alert">
          {unreachable ? <Unplug aria-hidden className="size-4 shrink-0 text-danger" /> : <TriangleAlert aria-hidden className="size-4 shrink-0 text-warning" />}
          <span className="font-medium text-fg">{t('many', { count: troubled.length, unreachable })}</span>
          <span className="min-w-0 flex-1 truncate font-mono text-xs text-muted">{troubled.map((hub) => hub.hub).join(', ')}</span>
          <ChevronDown aria-hidden className="size-4 shrink-0 text-muted transition-transform group-open:rotate-180" />
        </summary>
        <div className="space-y-1.5 border-t border-border/60 p-2">{items}</div>
      </details>
    </div>
  );
}
