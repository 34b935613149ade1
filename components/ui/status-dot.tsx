import { cn } from './cn';
import type { Tone } from './badge';

const dotClasses: Record<Tone, string> = {
  neutral: 'bg-faint',
  accent: 'bg-accent',
  success: 'bg-success',
  warning: 'bg-warning',
  danger: 'bg-danger',
  info: 'bg-info',
};

/**
 * A small coloured status indicator. Colour is never the only signal: pass `label` (read by screen
 * readers and shown as a tooltip) and, in tables, print the status text beside it.
 */
export function StatusDot({
  tone = 'neutral',
  pulse = false,
  label,
  className,
}: {
  tone?: Tone;
  /** Animate a halo for live / attention states (e.g. a hub reconnecting). */
  pulse?: boolean;
  label?: string;
  className?: string;
}) {
  return (
    <span
      className={cn('relative inline-flex size-2 shrink-0', className)}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      title={label}
    >
      {pulse ? (
        <span className={cn('absolute inset-0 animate-ping rounded-full opacity-60', dotClasses[tone])} />
      ) : null}
      <span className={cn('relative inline-flex size-2 rounded-full', dotClasses[tone])} />
    </span>
  );
}
