import type { ReactNode } from 'react';
import { cn } from './cn';

/**
 * CSS-only tooltip shown on hover and keyboard focus of its trigger. The text is also exposed as the
 * trigger's accessible description via aria-describedby, so it is not hover-only information.
 */
export function Tooltip({
  id,
  content,
  side = 'bottom',
  align = 'center',
  children,
  className,
}: {
  /** Unique id used to link the tooltip to its trigger. */
  id: string;
  content: ReactNode;
  side?: 'top' | 'bottom' | 'right';
  /** For top/bottom: centred on the trigger, or starting at its left edge (near a container's left edge). */
  align?: 'center' | 'start';
  children: ReactNode;
  className?: string;
}) {
  return (
    <span className={cn('group/tooltip relative inline-flex', className)} aria-describedby={id}>
      {children}
      <span
        role="tooltip"
        id={id}
        className={cn(
          'pointer-events-none absolute z-50 w-max max-w-64 rounded-md border border-border-strong bg-panel-raised px-2 py-1.5',
          'text-xs leading-4 font-normal text-fg opacity-0 shadow-pop transition-opacity delay-150',
          'group-focus-within/tooltip:opacity-100 group-hover/tooltip:opacity-100',
          side === 'bottom' && 'top-full mt-1.5',
          side === 'top' && 'bottom-full mb-1.5',
          side !== 'right' && (align === 'start' ? 'left-0' : 'left-1/2 -translate-x-1/2'),
          side === 'right' && 'top-1/2 left-full ml-2 -translate-y-1/2',
        )}
      >
        {content}
      </span>
    </span>
  );
}
