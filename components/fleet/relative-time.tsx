'use client';
import { useSyncExternalStore } from 'react';
import { useFormatter } from 'next-intl';

/** One shared one-second clock for every relative time on the page (not a timer per cell). */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** Current time that re-renders each second; 0 during server render and hydration (no mismatch). */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, () => 0);
}

/**
 * "12 s ago", live, with the absolute time on hover. Until hydrated it shows the absolute time,
 * so the server and first client render agree.
 */
export function RelativeTime({ value, fallback = '—', className }: { value: string | null | undefined; fallback?: string; className?: string }) {
  const format = useFormatter();
  const current = useNow();
  if (!value) return <span className={className}>{fallback}</span>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span className={className}>{fallback}</span>;
  const absolute = format.dateTime(date, { dateStyle: 'medium', timeStyle: 'medium' });
  const seconds = current ? Math.max(0, Math.round((current - date.getTime()) / 1000)) : null;
  let text: string;
  if (seconds === null) text = format.dateTime(date, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  else if (seconds < 60) text = format.relativeTime(date, { now: current, unit: 'second', style: 'narrow' });
  else if (seconds < 3600) text = format.relativeTime(date, { now: current, unit: 'minute', style: 'narrow' });
  else if (seconds < 86_400 * 2) text = format.relativeTime(date, { now: current, unit: 'hour', style: 'narrow' });
  else text = format.relativeTime(date, { now: current, unit: 'day', style: 'narrow' });
  return (
    <time dateTime={date.toISOString()} title={absolute} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}

/** Clock time ("12:03") for "unreachable since 12:03", absolute date on hover. */
export function ClockTime({ value, className }: { value: string | null | undefined; className?: string }) {
  const format = useFormatter();
  if (!value) return <span className={className}>—</span>;
  const date = new Date(value);
  const sameDay = new Date().toDateString() === date.toDateString();
  return (
    <time
      dateTime={date.toISOString()}
      title={format.dateTime(date, { dateStyle: 'medium', timeStyle: 'medium' })}
      className={className}
      suppressHydrationWarning
    >
      {/* 24-hour clock: ops timelines read "since 14:03", never "2:03 PM". */}
      {sameDay
        ? format.dateTime(date, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        : format.dateTime(date, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}
    </time>
  );
}
