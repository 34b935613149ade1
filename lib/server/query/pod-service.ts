import 'server-only';

import type { PagedResponse, PodDetail, PodListItem, PodListQuery } from '@/lib/contracts/fleet';
import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import type { HubManager } from '@/lib/server/hubs/hub-manager';
import type { PodRecord } from '@/lib/server/hubs/records';
import { notFound } from '@/lib/server/http/errors';
import { datacenterId, podDetail, podListItem } from '@/lib/server/query/dto';
import { fleetPage, namespaceFilter } from '@/lib/server/query/fleet-page';
import { requireHub, selectHubs } from '@/lib/server/query/hub-service';
import { decodeCursor, type SortValue } from '@/lib/server/query/paging';
import { cachedResult, scopeKey, versionOf } from '@/lib/server/query/result-cache';
import { podCounterFor, scopeAllowsNamespace, type FleetScope } from '@/lib/server/query/scope';

interface PodRow {
  hub: HubConnection;
  key: string;
  pod: PodRecord;
}

function zoneOf(hub: HubConnection, pod: PodRecord): string | null {
  if (!pod.nodeName) return null;
  const zone = hub.store.nodes.get(pod.nodeName)?.zone ?? null;
  return zone === null ? null : datacenterId(hub.name, zone);
}

function sortValueOf(sort: PodListQuery['sort'], row: PodRow): SortValue {
  const { hub, pod } = row;
  switch (sort) {
    case 'name':
      return pod.name;
    case 'namespace':
      return pod.namespace;
    case 'hub':
      return hub.name;
    case 'node':
      return pod.nodeName;
    case 'datacenter':
      return zoneOf(hub, pod);
    case 'status':
      return pod.status;
    case 'restarts':
      return pod.restarts;
    case 'createdAt':
      return pod.createdMs;
  }
}

/**
 * The candidate keys of one hub, from the narrowest index the filters allow (node → namespace →
 * tenant → everything), so `?node=x` or `?namespace=y` never scans 200k pods.
 */
function* candidateRows(hub: HubConnection, query: PodListQuery): Iterable<PodRow> {
  const store = hub.store;
  let keySets: Iterable<Set<string>> | null = null;
  // Unique values: the index sets are disjoint, so each pod is yielded once.
  if (query.node) keySets = [...new Set(query.node)].map((name) => store.podsByNode.get(name) ?? new Set<string>());
  else if (query.namespace) keySets = [...new Set(query.namespace)].map((ns) => store.podsByNamespace.get(ns) ?? new Set<string>());
  else if (query.tenant) {
    const sets: Set<string>[] = [];
    const wanted = new Set(query.tenant);
    for (const ns of store.namespaces.keys()) {
      const tenant = store.tenantOf(ns);
      if (tenant !== null && wanted.has(tenant)) sets.push(store.podsByNamespace.get(ns) ?? new Set());
    }
    keySets = sets;
  }
  if (keySets === null) {
    for (const [key, pod] of store.pods) yield { hub, key, pod };
    return;
  }
  for (const keys of keySets) {
    for (const key of keys) {
      const pod = store.pods.get(key);
      if (pod) yield { hub, key, pod };
    }
  }
}

/** GET /api/v1/pods. */
export function listPods(manager: HubManager, scope: FleetScope, query: PodListQuery): PagedResponse<PodListItem> {
  const hubs = selectHubs(manager, scope, query);
  const after = decodeCursor(query.cursor, query.sort, query.order);
  // Pod rows show their node's readiness (nodeOffline) and datacenter: node changes count too.
  const version = versionOf(manager, hubs, (hub) => hub.store.podsVersion + hub.store.nodesVersion);
  return cachedResult(manager, `pods|${scopeKey(scope)}|${JSON.stringify(query)}`, version, () => computePodPage(hubs, scope, query, after));
}

function computePodPage(
  hubs: HubConnection[],
  scope: FleetScope,
  query: PodListQuery,
  after: ReturnType<typeof decodeCursor>,
): PagedResponse<PodListItem> {
  const inNamespaces = namespaceFilter(scope, query);
  const nodes = query.node ? new Set(query.node) : null;
  const datacenters = query.datacenter ? new Set(query.datacenter) : null;
  const statuses = query.status ? new Set(query.status.map((s) => s.toLowerCase())) : null;
  const needle = query.q ? query.q.toLowerCase() : null;
  const filter = (row: PodRow): boolean => {
    const { hub, pod } = row;
    if (!inNamespaces(hub, pod.namespace)) return false;
    if (nodes && (pod.nodeName === null || !nodes.has(pod.nodeName))) return false;
    if (statuses && !statuses.has(pod.status.toLowerCase()) && !statuses.has(pod.phase.toLowerCase()) && !(statuses.has('crashlooping') && pod.crashLooping)) {
      return false;
    }
    if (datacenters) {
      const dc = zoneOf(hub, pod);
      if (dc === null || !datacenters.has(dc)) return false;
    }
    if (needle && !pod.name.toLowerCase().includes(needle) && !pod.namespace.includes(needle) && !(pod.podIP ?? '').includes(needle) && !(pod.nodeName ?? '').includes(needle)) {
      return false;
    }
    return true;
  };
  function* allRows(): Iterable<PodRow> {
    for (const hub of hubs) yield* candidateRows(hub, query);
  }
  return fleetPage(hubs, query, {
    items: allRows(),
    filter,
    sortValue: (row) => sortValueOf(query.sort, row),
    id: (row) => `${row.hub.name}/${row.key}`,
    order: query.order,
    limit: query.limit,
    after,
  }, (row) => podListItem(row.hub, row.pod));
}

/** GET /api/v1/hubs/{hub}/namespaces/{ns}/pods/{name}. */
export function getPod(manager: HubManager, scope: FleetScope, hubName: string, namespace: string, name: string): PodDetail {
  const hub = requireHub(manager, scope, hubName);
  const pod = hub.store.pods.get(`${namespace}/${name}`);
  if (!pod || !scopeAllowsNamespace(scope, hub, namespace)) throw notFound(`pods "${name}" not found in namespace "${namespace}"`);
  const detail = podDetail(hub, pod);
  // The node card shows the caller's own pods on it, never other tenants'.
  if (detail.nodeInfo && pod.nodeName) detail.nodeInfo.pods = podCounterFor(scope)(hub, pod.nodeName);
  return detail;
}
