'use client';
import { useCallback, type ComponentProps, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { LucideIcon } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterSelect, SearchFilter } from '@/components/fleet/filter-bar';
import { HubStatusBanner } from '@/components/fleet/hub-status-banner';
import { QueryErrorPanel } from '@/components/fleet/query-states';
import { VirtualTableSkeleton } from '@/components/fleet/virtual-table';
import { hubListQuery } from '@/lib/client/fleet-api';
import type { HubListStatus } from '@/lib/contracts/fleet';
import type { UrlFilters } from './use-list-filters';

/** The hub filter every fleet list has; its options are the hubs the caller can see. */
export function HubFilter({
  label,
  allLabel,
  value,
  onChange,
}: {
  label: string;
  allLabel: string;
  value: string | undefined;
  onChange: (value: string | null) => void;
}) {
  const hubs = useQuery(hubListQuery());
  return (
    <FilterSelect
      label={label}
      allLabel={allLabel}
      value={value}
      options={(hubs.data?.items ?? []).map((hub) => ({ value: hub.hub, label: hub.hub }))}
      onChange={onChange}
      testId="filter-hub"
    />
  );
}

/**
 * A debounced text filter on one URL key. Its change handler keeps its identity while the URL stays
 * the same, so unrelated re-renders (stream patches) do not restart the debounce.
 */
export function ParamSearchFilter({
  url,
  param,
  value = url.searchParams.get(param) ?? undefined,
  ...props
}: { url: UrlFilters; param: string; value?: string } & Omit<ComponentProps<typeof SearchFilter>, 'value' | 'onChange'>) {
  const { update } = url;
  const onChange = useCallback((next: string | null) => update({ [param]: next }), [update, param]);
  return <SearchFilter {...props} value={value} onChange={onChange} />;
}

/** The row count at the right end of a filter bar ("1,234 nodes"), blank until the first answer. */
export function ListTotal({ testId, live = true, children }: { testId: string; live?: boolean; children: ReactNode }) {
  return (
    <div className="ml-auto text-xs text-muted tabular-nums" data-testid={testId} aria-live={live ? 'polite' : undefined}>
      {children}
    </div>
  );
}

/** One banner per hub that is not connected, between the filter bar and the rows (partial failure). */
export function ListHubBanner({ hubs }: { hubs: HubListStatus[] | undefined }) {
  return <HubStatusBanner hubs={hubs} className="border-b border-border px-3 py-2" />;
}

type EmptyKey = 'empty' | 'emptyHint' | 'emptyFiltered' | 'emptyFilteredHint';

/** "Nothing here yet" vs "nothing matches these filters", from the list's own catalog keys. */
export function ListEmptyState({ icon, filtered, text }: { icon: LucideIcon; filtered: boolean; text: (key: EmptyKey) => string }) {
  return <EmptyState icon={icon} title={filtered ? text('emptyFiltered') : text('empty')} description={filtered ? text('emptyFilteredHint') : text('emptyHint')} />;
}

interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** Skeleton rows while the first answer is on its way, the server's error with a retry, else the list. */
export function ListQueryState({
  query,
  skeleton,
  children,
}: {
  query: ListQuery;
  skeleton: { columns: number; rows?: number };
  children: () => ReactNode;
}) {
  if (query.isPending) return <VirtualTableSkeleton columns={skeleton.columns} rows={skeleton.rows} />;
  if (query.isError) return <QueryErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  return children();
}
