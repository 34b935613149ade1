/**
 * Browser data layer for the fleet views: one queryOptions per query, every key carrying its scope
 * (hub filters, tenant, the whole filter set) so caches for different views never mix.
 * Pages and the live stream share these keys: the stream patches or invalidates exactly what it names.
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  DatacenterDto,
  DatacenterListQuery,
  DatacenterListResponse,
  FleetSummary,
  HubListResponse,
  HubListStatus,
  MutationResult,
  NodeDetail,
  NodeListItem,
  NodeListQuery,
  PagedResponse,
  PodDetail,
  PodListItem,
  PodListQuery,
  WorkloadListItem,
  WorkloadListQuery,
} from '@/lib/contracts/fleet';
import { apiFetch, ApiClientError } from './api';

/**
 * Fetches JSON from the BFF through the shell's `apiFetch`, so errors arrive as `ApiClientError`
 * carrying the server's plain message (shown as-is, e.g. the 403 on a cordon).
 */
export function fleetFetch<T>(path: string, init: { method?: 'GET' | 'POST' | 'DELETE'; body?: unknown } = {}, signal?: AbortSignal): Promise<T> {
  return apiFetch<T>(path, { ...init, signal });
}

export { ApiClientError as FleetApiError };

// ---------------------------------------------------------------------------------------------
// Filters: the parsed query shapes minus paging, serialised back to the API's query-string form
// ---------------------------------------------------------------------------------------------

export type NodeFilters = Partial<Omit<NodeListQuery, 'limit' | 'cursor'>>;
export type PodFilters = Partial<Omit<PodListQuery, 'limit' | 'cursor'>>;
export type WorkloadFilters = Partial<Omit<WorkloadListQuery, 'limit' | 'cursor'>>;
export type DatacenterFilters = Partial<DatacenterListQuery>;

type FilterValue = string | number | boolean | readonly string[] | undefined | null;

/** Lists are comma-separated, booleans `true|false`; empty values are dropped so keys stay canonical. */
export function toSearchParams(filters: Record<string, FilterValue>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(filters).sort()) {
    const value = filters[key];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  return params;
}

/** A canonical, order-independent copy of a filter object, so equal filters produce equal query keys. */
export function canonicalFilters<T extends Record<string, FilterValue>>(filters: T): Record<string, string> {
  return Object.fromEntries(toSearchParams(filters));
}

function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Rows per page for the virtualised lists: big enough to fill a tall screen twice, small enough to stay fast. */
export const FLEET_PAGE_SIZE = 200;

// ---------------------------------------------------------------------------------------------
// Query keys: ['fleet', resource, scope…]. Prefixes let the stream invalidate whole families.
// ---------------------------------------------------------------------------------------------

export const fleetKeys = {
  all: ['fleet'] as const,
  summary: () => ['fleet', 'summary'] as const,
  hubs: () => ['fleet', 'hubs'] as const,
  datacenterLists: () => ['fleet', 'datacenters'] as const,
  datacenters: (filters: DatacenterFilters) => ['fleet', 'datacenters', canonicalFilters(filters)] as const,
  datacenter: (id: string) => ['fleet', 'datacenter', id] as const,
  nodeLists: () => ['fleet', 'nodes'] as const,
  nodes: (filters: NodeFilters) => ['fleet', 'nodes', canonicalFilters(filters)] as const,
  node: (hub: string, name: string) => ['fleet', 'node', hub, name] as const,
  podLists: () => ['fleet', 'pods'] as const,
  pods: (filters: PodFilters) => ['fleet', 'pods', canonicalFilters(filters)] as const,
  pod: (hub: string, namespace: string, name: string) => ['fleet', 'pod', hub, namespace, name] as const,
  workloadLists: () => ['fleet', 'workloads'] as const,
  workloads: (filters: WorkloadFilters) => ['fleet', 'workloads', canonicalFilters(filters)] as const,
};

// ---------------------------------------------------------------------------------------------
// queryOptions — one per query
// ---------------------------------------------------------------------------------------------

/** The stream keeps these fresh; a refetch on focus would only duplicate it. */
const streamed = { staleTime: 60_000, refetchOnWindowFocus: false } as const;

export const fleetSummaryQuery = () =>
  queryOptions({
    queryKey: fleetKeys.summary(),
    queryFn: ({ signal }) => fleetFetch<FleetSummary>('/api/v1/fleet/summary', {}, signal),
    ...streamed,
  });

export const hubListQuery = () =>
  queryOptions({
    queryKey: fleetKeys.hubs(),
    queryFn: ({ signal }) => fleetFetch<HubListResponse>('/api/v1/hubs', {}, signal),
    ...streamed,
  });

export const datacenterListQuery = (filters: DatacenterFilters = {}) =>
  queryOptions({
    queryKey: fleetKeys.datacenters(filters),
    queryFn: ({ signal }) => fleetFetch<DatacenterListResponse>(withQuery('/api/v1/datacenters', toSearchParams(filters)), {}, signal),
    ...streamed,
  });

/** A datacenter; the API may embed its nodes, but the detail view lists them through the nodes query. */
export const datacenterQuery = (id: string) =>
  queryOptions({
    queryKey: fleetKeys.datacenter(id),
    queryFn: ({ signal }) =>
      fleetFetch<DatacenterDto & { hubStatus?: HubListStatus }>(
        `/api/v1/datacenters/${encodeURIComponent(id)}`,
        {},
        signal,
      ),
    ...streamed,
  });

function pagedQuery<TItem>(path: string, key: readonly unknown[], filters: Record<string, FilterValue>, pageSize: number) {
  return infiniteQueryOptions({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => {
      const params = toSearchParams({ ...filters, limit: pageSize, cursor: pageParam ?? undefined });
      return fleetFetch<PagedResponse<TItem>>(withQuery(path, params), {}, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    ...streamed,
  });
}

export const nodeListQuery = (filters: NodeFilters, pageSize = FLEET_PAGE_SIZE) =>
  pagedQuery<NodeListItem>('/api/v1/nodes', fleetKeys.nodes(filters), filters, pageSize);

export const podListQuery = (filters: PodFilters, pageSize = FLEET_PAGE_SIZE) =>
  pagedQuery<PodListItem>('/api/v1/pods', fleetKeys.pods(filters), filters, pageSize);

export const workloadListQuery = (filters: WorkloadFilters, pageSize = FLEET_PAGE_SIZE) =>
  pagedQuery<WorkloadListItem>('/api/v1/workloads', fleetKeys.workloads(filters), filters, pageSize);

export const nodeDetailQuery = (hub: string, name: string) =>
  queryOptions({
    queryKey: fleetKeys.node(hub, name),
    queryFn: ({ signal }) =>
      fleetFetch<NodeDetail>(`/api/v1/hubs/${encodeURIComponent(hub)}/nodes/${encodeURIComponent(name)}`, {}, signal),
    ...streamed,
  });

export const podDetailQuery = (hub: string, namespace: string, name: string) =>
  queryOptions({
    queryKey: fleetKeys.pod(hub, namespace, name),
    queryFn: ({ signal }) =>
      fleetFetch<PodDetail>(
        `/api/v1/hubs/${encodeURIComponent(hub)}/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`,
        {},
        signal,
      ),
    ...streamed,
  });

// ---------------------------------------------------------------------------------------------
// Mutations: the hub accepts (202); the change itself arrives through the stream
// ---------------------------------------------------------------------------------------------

const seg = encodeURIComponent;

export const fleetMutations = {
  cordon: (hub: string, name: string) =>
    fleetFetch<MutationResult>(`/api/v1/hubs/${seg(hub)}/nodes/${seg(name)}/cordon`, { method: 'POST' }),
  uncordon: (hub: string, name: string) =>
    fleetFetch<MutationResult>(`/api/v1/hubs/${seg(hub)}/nodes/${seg(name)}/uncordon`, { method: 'POST' }),
  deletePod: (hub: string, namespace: string, name: string) =>
    fleetFetch<MutationResult>(`/api/v1/hubs/${seg(hub)}/namespaces/${seg(namespace)}/pods/${seg(name)}`, { method: 'DELETE' }),
  restartDeployment: (hub: string, namespace: string, name: string) =>
    fleetFetch<MutationResult>(`/api/v1/hubs/${seg(hub)}/namespaces/${seg(namespace)}/deployments/${seg(name)}/restart`, {
      method: 'POST',
    }),
  scaleDeployment: (hub: string, namespace: string, name: string, replicas: number) =>
    fleetFetch<MutationResult>(`/api/v1/hubs/${seg(hub)}/namespaces/${seg(namespace)}/deployments/${seg(name)}/scale`, {
      method: 'POST',
      body: { replicas },
    }),
};
