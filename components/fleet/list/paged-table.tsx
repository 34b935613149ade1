'use client';
import { useCallback, useMemo, type ReactNode } from 'react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { VirtualTable, type VirtualColumn } from '@/components/fleet/virtual-table';
import type { PagedResponse } from '@/lib/contracts/fleet';
import { ListQueryState } from './list-parts';

/** What `useInfiniteQuery(nodeListQuery(…))` and its pod/workload siblings return. */
export type PagedQuery<T> = UseInfiniteQueryResult<InfiniteData<PagedResponse<T>, unknown>, Error>;

/** The loaded server pages of a cursor-paged list, flattened: rows, the total, the hubs' status, "load more"; and the query itself. */
export function usePagedRows<T>(query: PagedQuery<T>) {
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const pages = query.data?.pages;
  const { fetchNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  return {
    query,
    rows,
    total: pages?.[0]?.total ?? 0,
    /** The newest page's view of the hubs (the banner above the rows). */
    hubs: pages?.[pages.length - 1]?.hubs,
    /** The first page has arrived (the total is meaningful). */
    loaded: query.data !== undefined,
    loadMore,
  };
}

export type PagedRows<T> = ReturnType<typeof usePagedRows<T>>;

/** A server-sorted, cursor-paged virtual table with its loading and error states. */
export function PagedTable<T>({
  list,
  skeletonColumns,
  testId,
  label,
  columns,
  rowKey,
  sort,
  order,
  onSort,
  rowTone,
  className,
  empty,
}: {
  list: PagedRows<T>;
  skeletonColumns: number;
  testId: string;
  label: string;
  columns: VirtualColumn<T>[];
  rowKey: (row: T) => string;
  sort: string;
  order: 'asc' | 'desc';
  onSort: (sortKey: string) => void;
  rowTone?: (row: T) => string | undefined;
  className: string;
  empty: ReactNode;
}) {
  const { query } = list;
  return (
    <ListQueryState query={query} skeleton={{ columns: skeletonColumns }}>
      {() => (
        <VirtualTable
          testId={testId}
          label={label}
          columns={columns}
          rows={list.rows}
          rowKey={rowKey}
          total={list.total}
          sort={sort}
          order={order}
          onSort={onSort}
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={list.loadMore}
          rowTone={rowTone}
          className={className}
          empty={empty}
        />
      )}
    </ListQueryState>
  );
}
