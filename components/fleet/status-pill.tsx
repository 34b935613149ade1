import type { Tone } from '@/components/ui/badge';
import type { LucideIcon } from 'lucide-react';
import { cn } from '@/components/ui/cn';

export type StatusTone = Exclude<Tone, 'accent'>;

const toneClass: Record<StatusTone, string> = {
  success: 'text-success bg-success-soft',
  warning: 'text-warning bg-warning-soft',
  danger: 'text-danger bg-danger-soft',
  info: 'text-info bg-info-soft',
  neutral: 'text-muted bg-panel-raised',
};

export const toneTextClass: Record<StatusTone, string> = {
  success: 'text-success',
  warning: 'text-warning',
  danger: 'text-danger',
  info: 'text-info',
  neutral: 'text-muted',
};

export const toneDotClass: Record<StatusTone, string> = {
  success: 'bg-success',
  warning: 'bg-warning',
  danger: 'bg-danger',
  info: 'bg-info',
  neutral: 'bg-faint',
};

/** A status as colour + icon + text (never colour alone, for colour-blind operators and greyscale walls). */
export function StatusPill({
  tone,
  icon: Icon,
  label,
  title,
  status,
  size = 'sm',
  spin,
}: {
  tone: StatusTone;
  icon: LucideIcon;
  label: string;
  /** Shown on hover: the reason behind the status. */
  title?: string;
  /** Machine-readable status for tests and styling hooks. */
  status?: string;
  size?: 'sm' | 'md';
  spin?: boolean;
}) {
  return (
    <span
      className={cn(
        'inline-flex max-w-full items-center gap-1 whitespace-nowrap rounded-full font-medium',
        size === 'sm' ? 'px-1.5 py-px text-2xs' : 'px-2 py-0.5 text-xs',
        toneClass[tone],
      )}
      title={title}
      data-status={status}
    >
      <Icon aria-hidden className={cn('shrink-0', size === 'sm' ? 'size-3' : 'size-3.5', spin && 'animate-spin')} strokeWidth={2.25} />
      <span className="truncate">{label}</span>
    </span>
  );
}
