import 'server-only';

import type { NodeDetail, NodeListItem, NodeListQuery, PagedResponse } from '@/lib/contracts/fleet';
import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import type { HubManager } from '@/lib/server/hubs/hub-manager';
import type { NodeRecord } from '@/lib/server/hubs/records';
import { notFound } from '@/lib/server/http/errors';
import { datacenterId, nodeDetail, nodeListItem } from '@/lib/server/query/dto';
import { fleetPage } from '@/lib/server/query/fleet-page';
import { requireHub, selectHubs } from '@/lib/server/query/hub-service';
import { decodeCursor, type SortValue } from '@/lib/server/query/paging';
import { cachedResult, scopeKey, versionOf } from '@/lib/server/query/result-cache';
import { podCounterFor, scopeAllowsNamespace, scopeAllowsNode, type FleetScope, type ScopedPodCounter } from '@/lib/server/query/scope';

interface NodeRow {
  hub: HubConnection;
  node: NodeRecord;
}

const READINESS_RANK = { ready: 0, 'not-ready': 1, unknown: 2 } as const;

/** Sort value per key, from the record (no DTO is built for rows that don't make the page). */
function sortValueOf(sort: NodeListQuery['sort'], row: NodeRow, podCount: ScopedPodCounter): SortValue {
  const { hub, node } = row;
  switch (sort) {
    case 'name':
      return node.name;
    case 'hub':
      return hub.name;
    case 'datacenter':
      return node.zone === null ? null : datacenterId(hub.name, node.zone);
    case 'status':
      return READINESS_RANK[node.readiness];
    case 'role':
      return node.role;
    case 'arch':
      return node.arch;
    case 'kubeletVersion':
      return node.kubeletVersion;
    case 'cpu':
      // Live usage when metrics exist; nodes without metrics sort last.
      return hub.store.nodeUsage.get(node.name)?.cpuCores ?? null;
    case 'memory':
      return hub.store.nodeUsage.get(node.name)?.memoryBytes ?? null;
    case 'pods':
      // The caller's own pods only: sorting by the hub-wide count would leak other tenants' numbers.
      return podCount(hub, node.name);
    case 'lastHeartbeat':
      return hub.store.lastHeartbeatMs(node);
    case 'createdAt':
      return node.createdMs;
  }
}

function matchesText(row: NodeRow, needle: string): boolean {
  const { node, hub } = row;
  if (node.name.toLowerCase().includes(needle)) return true;
  if (node.internalIP?.includes(needle)) return true;
  if (node.zone && datacenterId(hub.name, node.zone).toLowerCase().includes(needle)) return true;
  if (node.site.displayName?.toLowerCase().includes(needle) || node.site.city?.toLowerCase().includes(needle)) return true;
  for (const [key, value] of Object.entries(node.labels)) {
    if (key.toLowerCase().includes(needle) || value.toLowerCase().includes(needle)) return true;
  }
  return false;
}

function* rows(hubs: HubConnection[]): Iterable<NodeRow> {
  // One reusable row object would be faster still, but the heap keeps references: allocate.
  for (const hub of hubs) for (const node of hub.store.nodes.values()) yield { hub, node };
}

/** A node row with the pod count the scope may see (tenants: their own pods on a shared node). */
export function scopedNodeListItem(hub: HubConnection, node: NodeRecord, podCount: ScopedPodCounter): NodeListItem {
  const item = nodeListItem(hub, node);
  item.pods = podCount(hub, node.name);
  return item;
}

/** GET /api/v1/nodes: filter, sort, page over the watch caches of the selected hubs. */
export function listNodes(manager: HubManager, scope: FleetScope, query: NodeListQuery): PagedResponse<NodeListItem> {
  const hubs = selectHubs(manager, scope, query);
  const after = decodeCursor(query.cursor, query.sort, query.order);
  // Node rows show pod counts, so pod changes count as node-list changes too.
  const version = versionOf(manager, hubs, (hub) => hub.store.nodesVersion + hub.store.podsVersion);
  return cachedResult(manager, `nodes|${scopeKey(scope)}|${JSON.stringify(query)}`, version, () => computeNodePage(hubs, scope, query, after));
}

function computeNodePage(hubs: HubConnection[], scope: FleetScope, query: NodeListQuery, after: ReturnType<typeof decodeCursor>): PagedResponse<NodeListItem> {
  const datacenters = query.datacenter ? new Set(query.datacenter) : null;
  const statuses = query.status ? new Set(query.status) : null;
  const arches = query.arch ? new Set(query.arch) : null;
  const needle = query.q ? query.q.toLowerCase() : null;
  // Namespace filter via the pods-by-namespace index: the set of nodes hosting those namespaces.
  let nodesWithNamespaces: Map<HubConnection, Set<string>> | null = null;
  if (query.namespace) {
    nodesWithNamespaces = new Map();
    for (const hub of hubs) {
      const names = new Set<string>();
      for (const namespace of query.namespace) {
        for (const key of hub.store.podsByNamespace.get(namespace) ?? []) {
          const nodeName = hub.store.pods.get(key)?.nodeName;
          if (nodeName) names.add(nodeName);
        }
      }
      nodesWithNamespaces.set(hub, names);
    }
  }
  const filter = (row: NodeRow): boolean => {
    const { node, hub } = row;
    if (!scopeAllowsNode(scope, hub, node.name)) return false;
    if (query.role && node.role !== query.role) return false;
    if (statuses && !statuses.has(node.readiness)) return false;
    if (query.cordoned !== undefined && node.unschedulable !== query.cordoned) return false;
    if (arches && !arches.has(node.arch)) return false;
    if (datacenters && (node.zone === null || !datacenters.has(datacenterId(hub.name, node.zone)))) return false;
    if (nodesWithNamespaces && !nodesWithNamespaces.get(hub)?.has(node.name)) return false;
    if (needle && !matchesText(row, needle)) return false;
    return true;
  };
  const podCount = podCounterFor(scope);
  return fleetPage(hubs, query, {
    items: rows(hubs),
    filter,
    sortValue: (row) => sortValueOf(query.sort, row, podCount),
    id: (row) => `${row.hub.name}/${row.node.name}`,
    order: query.order,
    limit: query.limit,
    after,
  }, (row) => scopedNodeListItem(row.hub, row.node, podCount));
}

/** GET /api/v1/hubs/{hub}/nodes/{name}. */
export function getNode(manager: HubManager, scope: FleetScope, hubName: string, name: string): NodeDetail {
  const hub = requireHub(manager, scope, hubName);
  const node = hub.store.nodes.get(name);
  if (!node || !scopeAllowsNode(scope, hub, name)) {
    throw notFound(
      hub.store.nodes.size === 0 && hub.currentStatus !== 'connected'
        ? `Node "${name}" is not known yet: hub ${hub.name} is ${hub.currentStatus}`
        : `nodes "${name}" not found`,
    );
  }
  const detail = nodeDetail(hub, node);
  // Other tenants' pods on a shared node stay invisible (names and counts).
  if (scope.kind === 'limited') {
    detail.podList = detail.podList.filter((pod) => scopeAllowsNamespace(scope, hub, pod.namespace));
    detail.pods = detail.podList.length;
  }
  return detail;
}
