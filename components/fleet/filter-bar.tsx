'use client';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Search, X } from 'lucide-react';
import { Select } from '@/components/ui/select';
import { inputClasses } from '@/components/ui/input';
import { cn } from '@/components/ui/cn';

/**
 * Filters live in the URL (shareable views). Setting one replaces the history entry rather than
 * pushing, so Back leaves the page instead of undoing keystrokes.
 */
export function useUrlFilterState() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  const update = useCallback(
    (changes: Record<string, string | null | undefined>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === '') next.delete(key);
        else next.set(key, value);
      }
      next.delete('cursor');
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname, searchParams],
  );

  const clear = useCallback(() => router.replace(pathname, { scroll: false }), [router, pathname]);

  return { searchParams, update, clear };
}

/** Toggles server sort: same column flips the order, a new column starts ascending. */
export function nextSort(current: { sort?: string; order?: 'asc' | 'desc' }, key: string, defaultKey = 'name') {
  const activeKey = current.sort ?? defaultKey;
  if (activeKey === key) return { sort: key, order: current.order === 'desc' ? 'asc' : 'desc' } as const;
  return { sort: key, order: 'asc' } as const;
}

export function FilterBar({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div className={cn('flex flex-wrap items-center gap-2 border-b border-border px-3 py-2.5', className)} role="search">
      {children}
    </div>
  );
}

export interface FilterOption {
  value: string;
  label: string;
}

export function FilterSelect({
  label,
  value,
  options,
  allLabel,
  onChange,
  testId,
}: {
  label: string;
  value: string | undefined;
  options: FilterOption[];
  allLabel: string;
  onChange: (value: string | null) => void;
  testId?: string;
}) {
  // A shared URL may name several values (`hub=a,b`); keep it selectable instead of silently dropping it.
  const all = value && !options.some((option) => option.value === value) ? [...options, { value, label: value.replaceAll(',', ', ') }] : options;
  return (
    <Select
      aria-label={label}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value || null)}
      wrapperClassName="w-auto"
      className={cn('h-7 min-w-28 text-xs', value && 'border-accent/60 text-fg')}
      data-testid={testId}
    >
      <option value="">{allLabel}</option>
      {all.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </Select>
  );
}

/** Free text, applied 300 ms after the last keystroke so typing does not refetch per letter. */
export function SearchFilter({
  value,
  onChange,
  placeholder,
  label,
  testId = 'filter-search',
  className,
  icon = true,
}: {
  value: string | undefined;
  onChange: (value: string | null) => void;
  placeholder: string;
  label: string;
  testId?: string;
  className?: string;
  icon?: boolean;
}) {
  const [text, setText] = useState(value ?? '');
  const [lastValue, setLastValue] = useState(value);
  // The URL changed from outside (Back, a shared link, Clear): show what it says.
  if (value !== lastValue) {
    setLastValue(value);
    setText(value ?? '');
  }
  useEffect(() => {
    if ((value ?? '') === text) return;
    const timer = setTimeout(() => onChange(text.trim() || null), 300);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);

  return (
    <div className={cn('relative w-64 max-w-full', className)}>
      {icon ? <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-faint" /> : null}
      <input
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        onChange={(event) => setText(event.target.value)}
        className={cn(inputClasses, 'h-7 text-xs', icon && 'pl-7', value && !icon && 'border-accent/60')}
        data-testid={testId}
      />
    </div>
  );
}

export function ClearFilters({ onClear, visible }: { onClear: () => void; visible: boolean }) {
  const t = useTranslations('fleet.filters');
  if (!visible) return null;
  return (
    <button type="button" onClick={onClear} className="inline-flex h-7 items-center gap-1 rounded-md px-2 text-xs text-muted hover:bg-panel-raised hover:text-fg">
      <X aria-hidden className="size-3.5" />
      {t('clear')}
    </button>
  );
}
