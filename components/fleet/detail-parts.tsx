/** Building blocks for detail pages: key/value lists, label chips, section cards, small tables. */
import type { ReactNode } from 'react';
import Link from 'next/link';
import { Card, CardHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';

export function Section({
  title,
  actions,
  children,
  className,
  testId,
  flush,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** Children draw their own padding (tables). */
  flush?: boolean;
}) {
  return (
    <Card className={cn('min-w-0', className)} data-testid={testId}>
      <CardHeader title={title} actions={actions} className="py-2.5" />
      {flush ? children : <div className="px-4 py-3">{children}</div>}
    </Card>
  );
}

export function KeyValues({ items, columns = 1 }: { items: Array<{ label: ReactNode; value: ReactNode; mono?: boolean; testId?: string }>; columns?: 1 | 2 }) {
  return (
    <dl className={cn('grid gap-x-6 gap-y-1.5 text-[13px]', columns === 2 && 'sm:grid-cols-2')}>
      {items.map((item, index) => (
        <div key={index} className="flex min-w-0 items-baseline justify-between gap-3 border-b border-border/60 pb-1.5 last:border-0" data-testid={item.testId}>
          <dt className="shrink-0 text-muted">{item.label}</dt>
          <dd className={cn('min-w-0 truncate text-right text-fg tabular-nums', item.mono && 'font-mono text-xs')}>{item.value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Labels as `key=value` chips; long values truncate with the whole pair on hover. */
export function LabelChips({ labels, empty }: { labels: Record<string, string>; empty: ReactNode }) {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return <p className="text-[13px] text-muted">{empty}</p>;
  return (
    <ul className="flex flex-wrap gap-1">
      {entries.map(([key, value]) => (
        <li
          key={key}
          title={`${key}=${value}`}
          className="inline-flex max-w-full items-center overflow-hidden rounded border border-border bg-panel-sunken font-mono text-2xs"
        >
          <span className="truncate px-1.5 py-0.5 text-muted">{key}</span>
          {value ? <span className="truncate border-l border-border px-1.5 py-0.5 text-fg">{value}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function SimpleTable({
  headers,
  children,
  testId,
}: {
  headers: Array<{ label: ReactNode; align?: 'right'; className?: string }>;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="overflow-x-auto" data-testid={testId}>
      <table className="w-full border-collapse text-left text-[13px] tabular-nums">
        <thead className="bg-panel-sunken">
          <tr>
            {headers.map((header, index) => (
              <th
                key={index}
                scope="col"
                className={cn(
                  'h-8 border-b border-border px-3 text-2xs font-medium tracking-wide whitespace-nowrap text-muted uppercase',
                  header.align === 'right' && 'text-right',
                  header.className,
                )}
              >
                {header.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, className, align, title }: { children: ReactNode; className?: string; align?: 'right'; title?: string }) {
  return (
    <td className={cn('h-9 px-3 align-middle', align === 'right' && 'text-right', className)} title={title}>
      {children}
    </td>
  );
}

/** region → datacenter → node → pod, each a link except the last. */
export function Breadcrumbs({ items }: { items: Array<{ label: ReactNode; href?: string }> }) {
  return (
    <nav aria-label="Breadcrumb" className="flex flex-wrap items-center gap-1 text-xs text-faint">
      {items.map((item, index) => (
        <span key={index} className="inline-flex items-center gap-1">
          {index > 0 ? <span aria-hidden>/</span> : null}
          {item.href ? (
            <Link href={item.href} className="hover:text-accent hover:underline">
              {item.label}
            </Link>
          ) : (
            <span className="text-muted">{item.label}</span>
          )}
        </span>
      ))}
    </nav>
  );
}
