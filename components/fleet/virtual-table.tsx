'use client';
import { memo, useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslations } from 'next-intl';
import { ArrowDown, ArrowUp, ArrowUpDown, LoaderCircle } from 'lucide-react';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/components/ui/cn';

export interface VirtualColumn<T> {
  id: string;
  header: ReactNode;
  /** A CSS grid track: `minmax(14rem,2fr)`, `6rem`. */
  width: string;
  /** Server-side sort key, when the column is sortable. */
  sortKey?: string;
  align?: 'right';
  cell: (row: T) => ReactNode;
}

const ROW_HEIGHT = 36;
/** Start fetching the next page this many rows before the end, so scrolling rarely hits the spinner. */
const PREFETCH_ROWS = 60;

/**
 * A dense table that renders only the rows in view (so 10,000 rows scroll like 50) and asks for the
 * next server page as the user nears the end. Sorting is the server's: headers report a sort key.
 * Rows are CSS grid, not <table>, because virtualised rows are absolutely positioned; ARIA table roles
 * keep it a table for assistive tech.
 */
export function VirtualTable<T>({
  columns,
  rows,
  rowKey,
  total,
  label,
  sort,
  order,
  onSort,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  rowTone,
  empty,
  testId,
  className,
}: {
  columns: VirtualColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  total: number;
  label: string;
  sort?: string;
  order?: 'asc' | 'desc';
  onSort?: (sortKey: string) => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** Extra row classes (e.g. a tint for offline nodes). */
  rowTone?: (row: T) => string | undefined;
  empty?: ReactNode;
  testId?: string;
  className?: string;
}) {
  const t = useTranslations('fleet.table');
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridTemplateColumns = columns.map((column) => column.width).join(' ');
  // Narrow screens scroll sideways instead of crushing columns below their minimum (`minmax(13rem,…)` → 13).
  const minWidthRem = columns.reduce((sum, column) => sum + Number(/([\d.]+)rem/.exec(column.width)?.[1] ?? 4), 0);

  // TanStack Virtual returns fresh functions each render; the React compiler lint knows it cannot memoise them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - PREFETCH_ROWS) fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <div
      ref={scrollRef}
      role="table"
      aria-label={label}
      aria-rowcount={total + 1}
      data-testid={testId}
      data-total={total}
      data-loaded={rows.length}
      className={cn('relative overflow-auto overscroll-contain', className)}
    >
      <div style={{ minWidth: `${minWidthRem}rem` }}>
        <div
          role="row"
          className="sticky top-0 z-10 grid border-b border-border bg-panel-sunken"
          style={{ gridTemplateColumns }}
        >
          {columns.map((column) => {
            const active = column.sortKey !== undefined && column.sortKey === sort;
            const ariaSort = active ? (order === 'desc' ? 'descending' : 'ascending') : undefined;
            const content = (
              <>
                <span className="truncate">{column.header}</span>
                {column.sortKey ? (
                  active ? (
                    order === 'desc' ? (
                      <ArrowDown aria-hidden className="size-3 shrink-0 text-accent" />
                    ) : (
                      <ArrowUp aria-hidden className="size-3 shrink-0 text-accent" />
                    )
                  ) : (
                    <ArrowUpDown aria-hidden className="size-3 shrink-0 opacity-0 transition-opacity group-hover/th:opacity-60" />
                  )
                ) : null}
              </>
            );
            return (
              <div
                key={column.id}
                role="columnheader"
                aria-sort={ariaSort}
                className={cn(
                  'flex h-8 min-w-0 items-center px-3 text-2xs font-medium tracking-wide text-muted uppercase',
                  column.align === 'right' && 'justify-end',
                )}
              >
                {column.sortKey && onSort ? (
                  <button
                    type="button"
                    onClick={() => onSort(column.sortKey!)}
                    className={cn(
                      'group/th inline-flex min-w-0 items-center gap-1 uppercase hover:text-fg',
                      active && 'text-fg',
                      column.align === 'right' && 'flex-row-reverse',
                    )}
                    title={t('sortBy', { column: typeof column.header === 'string' ? column.header : column.id })}
                  >
                    {content}
                  </button>
                ) : (
                  content
                )}
              </div>
            );
          })}
        </div>

        {rows.length === 0 ? (
          empty
        ) : (
          <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rows[item.index];
              return (
                <div
                  key={rowKey(row)}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-testid="table-row"
                  data-key={rowKey(row)}
                  className={cn(
                    'absolute inset-x-0 top-0 grid items-center border-b border-border text-[13px] tabular-nums transition-colors hover:bg-panel-raised/70',
                    rowTone?.(row),
                  )}
                  style={{ gridTemplateColumns, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  <RowCells row={row} columns={columns as VirtualColumn<unknown>[]} />
                </div>
              );
            })}
          </div>
        )}
        {isFetchingNextPage ? (
          <div className="flex items-center justify-center gap-2 py-2 text-xs text-muted" role="status">
            <LoaderCircle aria-hidden className="size-3.5 animate-spin" />
            {t('loadingMore')}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/**
 * A row's cells, memoised on (row, columns): scrolling only moves rows (a transform on the wrapper), so
 * rows already on screen skip re-rendering; a stream patch replaces the row object and re-renders just it.
 */
const RowCells = memo(function RowCells({ row, columns }: { row: unknown; columns: VirtualColumn<unknown>[] }) {
  return (
    <>
      {columns.map((column) => (
        <div
          key={column.id}
          role="cell"
          className={cn('flex min-w-0 items-center overflow-hidden px-3 whitespace-nowrap', column.align === 'right' && 'justify-end')}
        >
          {column.cell(row)}
        </div>
      ))}
    </>
  );
});

/** Placeholder rows for a virtual table (used by loading.tsx and while the first page loads). */
export function VirtualTableSkeleton({ columns = 7, rows = 14 }: { columns?: number; rows?: number }) {
  return (
    <div aria-hidden>
      <div className="flex h-8 items-center gap-6 border-b border-border bg-panel-sunken px-3">
        {Array.from({ length: columns }, (_, i) => (
          <Skeleton key={i} className="h-2.5 w-16" />
        ))}
      </div>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex h-9 items-center gap-6 border-b border-border px-3">
          <Skeleton className="h-3 w-48" />
          {Array.from({ length: columns - 1 }, (_, j) => (
            <Skeleton key={j} className={cn('h-3', j % 2 ? 'w-14' : 'w-20')} />
          ))}
        </div>
      ))}
    </div>
  );
}
