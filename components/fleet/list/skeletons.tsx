import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { PageContainer } from '@/components/shell/page-header';
import { VirtualTableSkeleton } from '@/components/fleet/virtual-table';

/** A list's skeleton: its filter bar (search box plus `filters` controls) and table rows, in the list's card. */
export function ListSkeleton({
  name,
  label,
  filters,
  filterWidth = 'w-32',
  columns,
  rows,
}: {
  /** `data-skeleton`, e.g. "node-table". */
  name: string;
  label: string;
  filters: number;
  filterWidth?: 'w-28' | 'w-32';
  columns: number;
  rows?: number;
}) {
  return (
    <SkeletonRegion name={name} label={label}>
      <Card>
        <div className="flex items-center gap-2 border-b border-border px-3 py-2.5">
          <Skeleton className="h-7 w-64" />
          {Array.from({ length: filters }, (_, i) => (
            <Skeleton key={i} className={cn('h-7', filterWidth)} />
          ))}
        </div>
        <VirtualTableSkeleton columns={columns} rows={rows} />
      </Card>
    </SkeletonRegion>
  );
}

/** A list route's `loading.tsx`: the page title and description placeholders above the list's skeleton. */
export function ListPageSkeleton({ titleWidth = 'w-32', children }: { titleWidth?: 'w-32' | 'w-40'; children: ReactNode }) {
  return (
    <PageContainer>
      <div className="pb-5">
        <Skeleton className={cn('h-6', titleWidth)} />
        <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      </div>
      {children}
    </PageContainer>
  );
}

/**
 * A detail page's skeleton: breadcrumbs and title, a row of three cards with `cardRows` lines each, and
 * one wide card of `tableRows` rows (`tableRowClass` sets their height).
 */
export function DetailSkeleton({
  name,
  label,
  crumbWidth,
  titleWidth,
  cardRows,
  tableRows,
  tableRowClass,
}: {
  name: string;
  label: string;
  crumbWidth: 'w-40' | 'w-56';
  titleWidth: 'w-72' | 'w-80';
  cardRows: number;
  tableRows: number;
  tableRowClass: 'h-4' | 'h-8';
}) {
  return (
    <SkeletonRegion name={name} label={label} className="space-y-3">
      <div className="pb-2">
        <Skeleton className={cn('h-3', crumbWidth)} />
        <Skeleton className={cn('mt-2 h-6', titleWidth)} />
      </div>
      <div className="grid gap-3 lg:grid-cols-3">
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className="rounded-lg border border-border bg-panel p-4">
            <Skeleton className="h-4 w-24" />
            <div className="mt-4 space-y-2.5">
              {Array.from({ length: cardRows }, (_, j) => (
                <Skeleton key={j} className="h-3.5 w-full" />
              ))}
            </div>
          </div>
        ))}
      </div>
      <div className="rounded-lg border border-border bg-panel p-4">
        <Skeleton className="h-4 w-32" />
        <div className="mt-4 space-y-2.5">
          {Array.from({ length: tableRows }, (_, j) => (
            <Skeleton key={j} className={cn(tableRowClass, 'w-full')} />
          ))}
        </div>
      </div>
    </SkeletonRegion>
  );
}
