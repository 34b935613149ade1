import { cn } from './cn';

/** A pulsing placeholder block. Decorative: the surrounding region carries aria-busy and a label. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn('animate-pulse rounded bg-panel-raised', className)} />;
}

/**
 * Region wrapper for skeletons: announces what is loading ("Loading API tokens") to assistive tech and
 * gives tests a stable hook (`data-skeleton="tokens-table"`).
 */
export function SkeletonRegion({
  name,
  label,
  className,
  children,
}: {
  /** Widget name, e.g. "tokens-table". */
  name: string;
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div role="status" aria-busy="true" aria-label={label} data-skeleton={name} className={className}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}
