'use client';
import { useCallback, useMemo } from 'react';
import { nextSort, useUrlFilterState } from '@/components/fleet/filter-bar';

type UrlParams = ReturnType<typeof useUrlFilterState>['searchParams'];
export type UrlFilters = Pick<ReturnType<typeof useUrlFilterState>, 'searchParams' | 'update'>;

/** URL keys that order a list rather than narrow it: they don't count as filters ("Clear" stays hidden). */
const SORT_KEYS = ['sort', 'order'];

/**
 * A list page's URL-held filters, parsed with the API's schema (`parse`), and what the filter controls
 * need to read and change them (`update` drops the paging cursor; `clear` empties the URL).
 */
export function useListFilters<F>(parse: (params: URLSearchParams) => F, { ignoredKeys = SORT_KEYS }: { ignoredKeys?: string[] } = {}) {
  const { searchParams, update, clear } = useUrlFilterState();
  const filters = useMemo(() => parse(searchParams), [parse, searchParams]);

  /** `{ value, onChange }` for a `FilterSelect` bound to one URL key. */
  const bind = useCallback((key: string) => ({ value: searchParams.get(key) ?? undefined, onChange: (value: string | null) => update({ [key]: value }) }), [searchParams, update]);
  const hasFilters = hasActiveFilters(searchParams, ignoredKeys);

  return { searchParams, filters, update, clear, bind, hasFilters };
}

export function hasActiveFilters(searchParams: UrlParams, ignoredKeys: string[]): boolean {
  return [...searchParams.keys()].some((key) => !ignoredKeys.includes(key));
}

/** The sort props of a server-sorted `VirtualTable`: the URL's sort (default name, ascending) and a header toggle. */
export function sortControls(
  filters: { sort?: string; order?: 'asc' | 'desc' },
  update: (changes: Record<string, string | null | undefined>) => void,
) {
  return {
    sort: filters.sort ?? 'name',
    order: filters.order ?? 'asc',
    onSort: (key: string) => update(nextSort(filters, key)),
  };
}
