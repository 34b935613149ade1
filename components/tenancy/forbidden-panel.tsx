import { ShieldAlert } from 'lucide-react';

/** A section the caller's roles do not open: says so plainly instead of an empty page. */
export function ForbiddenPanel({ title, description }: { title: string; description: string }) {
  return (
    <div className="flex flex-col items-center justify-center px-6 py-20 text-center" data-testid="forbidden">
      <div className="mb-4 flex size-12 items-center justify-center rounded-xl border border-border bg-panel text-muted">
        <ShieldAlert aria-hidden className="size-6" />
      </div>
      <h1 className="text-lg font-semibold text-fg">{title}</h1>
      <p className="mt-2 max-w-md text-[13px] text-muted">{description}</p>
    </div>
  );
}
