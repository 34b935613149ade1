import { CircleAlert } from 'lucide-react';

/** A form-level error (the server refused for a reason that belongs to no single field). */
export function FormAlert({ message }: { message: string }) {
  return (
    <p role="alert" className="flex items-start gap-2 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] text-danger" data-testid="form-alert">
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{message}</span>
    </p>
  );
}
