'use client';
import type { ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { FleetApiError } from '@/lib/client/fleet-api';
import { Breadcrumbs, Td } from '@/components/fleet/detail-parts';
import { LiveIndicator } from '@/components/fleet/live-indicator';
import { RelativeTime } from '@/components/fleet/relative-time';
import { cn } from '@/components/ui/cn';

/** The object is gone (or never existed, or is another tenant's): show the 404 panel, not an error. */
export function isNotFoundError(error: unknown): boolean {
  return error instanceof FleetApiError && error.status === 404;
}

/** A node or pod detail page's title row: breadcrumbs, the object's name with its badges, live state and actions. */
export function DetailHeader({
  crumbs,
  title,
  badges,
  actions,
}: {
  crumbs: Array<{ label: ReactNode; href?: string }>;
  title: string;
  badges: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4 pb-2">
      <div className="min-w-0">
        <Breadcrumbs items={crumbs} />
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <h1 className="font-mono text-lg font-semibold tracking-tight text-fg">{title}</h1>
          {badges}
        </div>
      </div>
      <div className="flex items-center gap-2">
        <LiveIndicator />
        {actions}
      </div>
    </div>
  );
}

const ALERT_TONES = {
  danger: { box: 'border-danger/30 bg-danger-soft', icon: 'text-danger' },
  warning: { box: 'border-warning/30 bg-warning-soft', icon: 'text-warning' },
} as const;

/** The banner under a detail title that explains why the object is in trouble (node offline, …). */
export function DetailAlert({
  tone,
  icon: Icon,
  title,
  children,
  testId,
}: {
  tone: keyof typeof ALERT_TONES;
  icon: LucideIcon;
  title: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  return (
    <div role="alert" className={cn('flex items-start gap-3 rounded-lg border px-4 py-3', ALERT_TONES[tone].box)} data-testid={testId}>
      <Icon aria-hidden className={cn('mt-0.5 size-4 shrink-0', ALERT_TONES[tone].icon)} />
      <div className="min-w-0 text-[13px]">
        <div className="font-semibold text-fg">{title}</div>
        {children}
      </div>
    </div>
  );
}

const STATUS_TONES = { success: 'text-success', warning: 'text-warning', danger: 'text-danger' } as const;

/** A condition's or container's status word ("True", "Yes"), green when it is the healthy value. */
export function StatusText({ tone, children }: { tone: keyof typeof STATUS_TONES; children: ReactNode }) {
  return <span className={cn('text-xs font-semibold', STATUS_TONES[tone])}>{children}</span>;
}

/** A right-aligned "3 min ago" table cell (the absolute time on hover). */
export function TimeCell({ value }: { value: string | null | undefined }) {
  return (
    <Td align="right" className="whitespace-nowrap text-muted">
      <RelativeTime value={value} />
    </Td>
  );
}
