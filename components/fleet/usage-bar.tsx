import { cn } from '@/components/ui/cn';
import { percentOf } from './format';

/** Used/total as a thin bar with the numbers beside it; amber from 75 %, red from 90 %. */
export function UsageBar({
  used,
  total,
  label,
  usedText,
  totalText,
  className,
  compact,
  hidePercent,
}: {
  used: number | null | undefined;
  total: number | null | undefined;
  label?: string;
  usedText: string;
  totalText: string;
  className?: string;
  compact?: boolean;
  /** The caller already shows the percentage prominently. */
  hidePercent?: boolean;
}) {
  const percent = percentOf(used, total);
  const tone = percent === null ? 'bg-faint' : percent >= 90 ? 'bg-danger' : percent >= 75 ? 'bg-warning' : 'bg-accent';
  return (
    <div className={cn('min-w-0', className)} title={label ? `${label}: ${usedText} / ${totalText}` : undefined}>
      {!compact ? (
        <div className="mb-1 flex items-baseline justify-between gap-2 text-xs tabular-nums">
          {label ? <span className="text-muted">{label}</span> : <span />}
          <span className="text-fg">
            {usedText}
            <span className="text-faint"> / {totalText}</span>
            {percent !== null && !hidePercent ? <span className="ml-1.5 text-muted">{percent}%</span> : null}
          </span>
        </div>
      ) : null}
      <div
        className={cn('overflow-hidden rounded-full bg-panel-sunken', compact ? 'h-1' : 'h-1.5')}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div className={cn('h-full rounded-full transition-[width] duration-500', tone)} style={{ width: `${percent ?? 0}%` }} />
      </div>
    </div>
  );
}
