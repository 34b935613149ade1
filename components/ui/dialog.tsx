'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { cn } from './cn';

/**
 * Modal dialog on the native <dialog> element: the browser provides the focus trap, Esc to close,
 * inert background and top-layer stacking, so there is no portal or focus library to get wrong.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  closeLabel,
  children,
  footer,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  /** Accessible label of the × button (pass the translated "Close"). */
  closeLabel: string;
  children?: ReactNode;
  footer?: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onCancel={(event) => {
        // Let React state drive closing so the parent stays the source of truth.
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> element itself.
        if (event.target === event.currentTarget) onClose();
      }}
      aria-labelledby={titleId}
      className={cn(
        'm-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-border-strong bg-panel p-0 text-fg shadow-pop',
        'open:animate-fade-in',
        className,
      )}
    >
      <div className="flex items-start justify-between gap-4 px-5 pt-4">
        <div>
          <h2 id={titleId} className="text-sm font-semibold">
            {title}
          </h2>
          {description ? <p className="mt-1 text-[13px] text-muted">{description}</p> : null}
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label={closeLabel}
          className="-mr-1.5 rounded-md p-1 text-faint transition-colors hover:bg-panel-raised hover:text-fg"
        >
          <X className="size-4" aria-hidden />
        </button>
      </div>
      {children ? <div className="px-5 py-4">{children}</div> : null}
      {footer ? (
        <div className="flex justify-end gap-2 rounded-b-xl border-t border-border bg-panel-sunken px-5 py-3">
          {footer}
        </div>
      ) : null}
    </dialog>
  );
}
