'use client';
import { useTranslations } from 'next-intl';
import { StatusDot } from '@/components/ui/status-dot';
import { cn } from '@/components/ui/cn';
import { useFleetStream } from '@/lib/client/fleet-stream';

/**
 * Shows the live stream's state and, by mounting, keeps the page subscribed to it: pages that render
 * this get live updates with no polling.
 */
export function LiveIndicator({ className }: { className?: string }) {
  const t = useTranslations('fleet.live');
  const { state, retryInMs } = useFleetStream();
  const tone = state === 'live' ? 'success' : state === 'reconnecting' ? 'warning' : 'neutral';
  const label =
    state === 'live' ? t('live') : state === 'reconnecting' ? t('reconnecting', { seconds: Math.ceil((retryInMs ?? 0) / 1000) }) : t('connecting');
  return (
    <span
      className={cn(
        'inline-flex h-7 items-center gap-2 rounded-md border border-border bg-panel px-2.5 text-xs text-muted',
        className,
      )}
      data-testid="live-indicator"
      data-state={state}
      title={t('hint')}
      aria-live="polite"
    >
      <StatusDot tone={tone} pulse={state === 'live'} />
      <span className={cn('font-medium', state === 'live' && 'text-fg')}>{label}</span>
    </span>
  );
}
