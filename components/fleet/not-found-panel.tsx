import Link from 'next/link';
import { Compass } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button';

/** A 404 for one fleet object ("node x on hub y"), with the way back to its list. */
export function NotFoundPanel({ title, description, href, linkLabel }: { title: string; description: string; href: string; linkLabel: string }) {
  return (
    <div className="flex flex-col items-center justify-center px-6 py-20 text-center" data-testid="not-found">
      <div className="mb-4 flex size-12 items-center justify-center rounded-xl border border-border bg-panel text-muted">
        <Compass aria-hidden className="size-6" />
      </div>
      <h1 className="text-lg font-semibold text-fg">{title}</h1>
      <p className="mt-2 max-w-md text-[13px] text-muted">{description}</p>
      <Link href={href} className={buttonClasses('secondary', 'md', 'mt-6')}>
        {linkLabel}
      </Link>
    </div>
  );
}
