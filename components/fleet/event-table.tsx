'use client';
import { useTranslations } from 'next-intl';
import { TriangleAlert, Info } from 'lucide-react';
import type { EventDto } from '@/lib/contracts/fleet';
import { cn } from '@/components/ui/cn';
import { RelativeTime } from './relative-time';
import { SimpleTable, Td } from './detail-parts';

/** Kubernetes events for one object, newest first; Warning rows stand out. */
export function EventTable({ events, empty }: { events: EventDto[]; empty: string }) {
  const t = useTranslations('fleet.events');
  if (!events.length) return <p className="px-4 py-3 text-[13px] text-muted">{empty}</p>;
  const sorted = [...events].sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''));
  return (
    <SimpleTable
      testId="event-table"
      headers={[{ label: t('type') }, { label: t('reason') }, { label: t('message') }, { label: t('count'), align: 'right' }, { label: t('last'), align: 'right' }]}
    >
      {sorted.map((event, index) => {
        const warning = event.type === 'Warning';
        return (
          <tr key={index}>
            <Td>
              <span className={cn('inline-flex items-center gap-1 text-xs font-medium', warning ? 'text-warning' : 'text-muted')}>
                {warning ? <TriangleAlert aria-hidden className="size-3.5" /> : <Info aria-hidden className="size-3.5" />}
                {event.type}
              </span>
            </Td>
            <Td className="font-medium whitespace-nowrap">{event.reason}</Td>
            <Td className="max-w-[32rem] truncate text-muted" title={event.message}>
              {event.message}
            </Td>
            <Td align="right">{event.count}</Td>
            <Td align="right" className="whitespace-nowrap text-muted">
              <RelativeTime value={event.lastSeen ?? event.firstSeen} />
            </Td>
          </tr>
        );
      })}
    </SimpleTable>
  );
}
