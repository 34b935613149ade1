'use client';
import { useCallback, useMemo } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { Download, ShieldCheck } from 'lucide-react';
import { QueryErrorPanel } from '@/components/fleet/query-states';
import { RelativeTime } from '@/components/fleet/relative-time';
import { buttonClasses, Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { Tooltip } from '@/components/ui/tooltip';
import { auditExportHref, auditListQuery, auditSearchParams, parseAuditFilters, type AuditUrlFilters } from '@/lib/client/audit-api';
import type { AuditEventDto } from '@/lib/contracts/audit';
import { AuditFilters } from './audit-filters';
import { OutcomeBadge } from './outcome-badge';

export function AuditTableSkeleton() {
  const t = useTranslations('audit');
  return (
    <SkeletonRegion name="audit-table" label={t('loading')} className="divide-y divide-border">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="flex items-center gap-6 px-3 py-2.5">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-4 w-28" />
          <Skeleton className="h-4 w-48" />
          <Skeleton className="h-5 w-16" />
        </div>
      ))}
    </SkeletonRegion>
  );
}

/** The audit log: URL-driven filters, newest first, cursor paging ("load older"), CSV export with the same filters. */
export function AuditLog() {
  const t = useTranslations('audit');
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => parseAuditFilters(new URLSearchParams(searchParams.toString())), [searchParams]);
  const query = useInfiniteQuery(auditListQuery(filters));
  const events = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);

  const setFilters = useCallback(
    (next: AuditUrlFilters) => {
      const search = auditSearchParams(next).toString();
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [pathname, router],
  );

  return (
    <div className="space-y-3">
      {/* Keyed by the URL so Back/Forward and "clear" reset the text inputs too. */}
      <AuditFilters key={auditSearchParams(filters).toString()} filters={filters} onChange={setFilters} />
      <Card>
        <div className="flex items-center justify-between gap-3 border-b border-border px-3 py-2">
          <span className="text-xs text-muted" data-testid="audit-count">
            {query.isSuccess ? t('table.shown', { count: events.length }) : '\u00a0'}
          </span>
          <Tooltip id="audit-export-hint" content={t('exportHint')} side="top">
            <a href={auditExportHref(filters)} download className={buttonClasses('secondary', 'sm')} data-testid="audit-export">
              <Download aria-hidden />
              {t('export')}
            </a>
          </Tooltip>
        </div>
        {query.isPending ? (
          <AuditTableSkeleton />
        ) : query.isError ? (
          <QueryErrorPanel error={query.error} onRetry={() => void query.refetch()} />
        ) : events.length === 0 ? (
          <EmptyState icon={ShieldCheck} title={t('empty.title')} description={t('empty.description')} />
        ) : (
          <>
            <AuditTable events={events} />
            <div className="flex items-center justify-center gap-3 border-t border-border px-3 py-2 text-xs text-faint">
              {query.hasNextPage ? (
                <Button size="sm" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} data-testid="audit-load-more">
                  {query.isFetchingNextPage ? t('table.loadingMore') : t('table.loadMore')}
                </Button>
              ) : (
                <span>{t('table.end')}</span>
              )}
            </div>
          </>
        )}
      </Card>
    </div>
  );
}

function AuditTable({ events }: { events: AuditEventDto[] }) {
  const t = useTranslations('audit.table');
  return (
    <Table aria-label={t('label')} data-testid="audit-table">
      <TableHead>
        <tr>
          <TableHeaderCell>{t('time')}</TableHeaderCell>
          <TableHeaderCell>{t('actor')}</TableHeaderCell>
          <TableHeaderCell>{t('action')}</TableHeaderCell>
          <TableHeaderCell>{t('target')}</TableHeaderCell>
          <TableHeaderCell>{t('outcome')}</TableHeaderCell>
          <TableHeaderCell>{t('source')}</TableHeaderCell>
          <TableHeaderCell>{t('reason')}</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {events.map((event) => (
          <AuditRow key={event.id} event={event} />
        ))}
      </TableBody>
    </Table>
  );
}

function AuditRow({ event }: { event: AuditEventDto }) {
  const t = useTranslations('audit.table');
  const format = useFormatter();
  const time = new Date(event.time);
  const { target } = event;
  const place = [target.hub, target.namespace].filter(Boolean).join(' / ');
  return (
    <TableRow data-testid="audit-row" data-action={event.action} data-outcome={event.outcome} data-target-name={target.name ?? ''}>
      <TableCell className="align-top">
        <RelativeTime value={event.time} className="text-fg" />
        <div className="font-mono text-2xs text-faint" suppressHydrationWarning>
          {format.dateTime(time, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })}
        </div>
      </TableCell>
      <TableCell className="max-w-64 align-top">
        <div className="truncate text-fg" data-testid="audit-actor">
          {event.actor.email ?? (event.actor.kind === 'anonymous' ? t('anonymous') : event.actor.userId)}
        </div>
        {event.actor.kind === 'token' ? (
          <div className="font-mono text-2xs text-faint">{t('token', { prefix: `olk_${event.actor.tokenPrefix ?? '?'}_…` })}</div>
        ) : null}
      </TableCell>
      <TableCell className="align-top">
        <code className="rounded bg-panel-raised px-1.5 py-0.5 font-mono text-xs text-fg">{event.action}</code>
      </TableCell>
      <TableCell className="max-w-80 align-top">
        {target.name || place || event.tenant ? (
          <>
            <div className="truncate font-mono text-xs text-fg" title={[target.kind, target.name].filter(Boolean).join(' ')}>
              {target.kind ? <span className="text-muted">{target.kind} </span> : null}
              {target.name}
            </div>
            {place || event.tenant ? (
              <div className="flex items-center gap-1.5 truncate text-2xs text-faint">
                {place}
                {event.tenant ? <span className="rounded bg-accent-soft px-1 text-accent" title={t('tenant')}>{event.tenant}</span> : null}
              </div>
            ) : null}
          </>
        ) : (
          <span className="text-faint">{t('noTarget')}</span>
        )}
      </TableCell>
      <TableCell className="align-top">
        <OutcomeBadge outcome={event.outcome} />
        {event.status !== null ? <div className="mt-0.5 font-mono text-2xs text-faint">{t('status', { status: event.status })}</div> : null}
      </TableCell>
      <TableCell className="align-top">
        {event.clientIp || event.userAgent ? (
          <Tooltip id={`audit-ua-${event.id}`} side="right" content={<>
            <div className="font-medium">{t('userAgent')}</div>
            <div className="break-all text-muted">{event.userAgent ?? '—'}</div>
            {event.requestId ? <div className="mt-1 font-mono text-2xs text-faint">{t('request', { id: event.requestId })}</div> : null}
          </>}>
            <span tabIndex={0} className="cursor-help font-mono text-xs text-muted underline decoration-dotted underline-offset-2" data-testid="audit-ip">
              {event.clientIp ?? '—'}
            </span>
          </Tooltip>
        ) : (
          <span className="text-faint">—</span>
        )}
      </TableCell>
      <TableCell className="max-w-96 align-top whitespace-normal">
        <div className="line-clamp-2 text-xs text-muted" title={event.reason ?? undefined}>
          {event.reason ?? '—'}
        </div>
      </TableCell>
    </TableRow>
  );
}
