import 'server-only';

import type { DatacenterDto, DatacenterListQuery, DatacenterListResponse, HubListStatus, NodeListItem } from '@/lib/contracts/fleet';
import type { HubManager } from '@/lib/server/hubs/hub-manager';
import { notFound } from '@/lib/server/http/errors';
import { datacenterDto } from '@/lib/server/query/dto';
import { scopedNodeListItem } from '@/lib/server/query/node-service';
import { hubStatuses, requireHub, selectHubs } from '@/lib/server/query/hub-service';
import { addPod, addReadiness, emptyPodCounts, emptyReadiness } from '@/lib/server/hubs/aggregates';
import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import type { DatacenterAggregate } from '@/lib/server/hubs/hub-store';
import { podCounterFor, scopeAllowsNamespace, scopeAllowsNode, type FleetScope } from '@/lib/server/query/scope';
import { hubPartiallyVisible } from '@/lib/server/rbac/fleet-access';

/**
 * A datacenter as a tenant sees it: only the nodes running its pods and only its own pods (so its
 * numbers are its own, never other tenants'). Whole-hub callers get the aggregate unchanged.
 */
function scopedDatacenterDto(hub: HubConnection, aggregate: DatacenterAggregate, scope: FleetScope): DatacenterDto {
  const dto = datacenterDto(hub, aggregate);
  if (scope.kind !== 'limited' || !scope.visibility || !hubPartiallyVisible(scope.visibility, hub)) return dto;
  const nodes = { ...emptyReadiness(), cordoned: 0 };
  const pods = emptyPodCounts();
  const architectures: Record<string, number> = {};
  const accelerators: Record<string, number> = {};
  let cpuCores = 0;
  let memoryBytes = 0;
  for (const name of aggregate.nodeNames) {
    const node = hub.store.nodes.get(name);
    if (!node || !scopeAllowsNode(scope, hub, name)) continue;
    addReadiness(nodes, node.readiness, 1);
    if (node.unschedulable) nodes.cordoned++;
    architectures[node.arch] = (architectures[node.arch] ?? 0) + 1;
    for (const [accelerator, amount] of Object.entries(node.accelerators)) accelerators[accelerator] = (accelerators[accelerator] ?? 0) + amount;
    cpuCores += node.cpuCapacityCores;
    memoryBytes += node.memoryCapacityBytes;
    for (const key of hub.store.podsByNode.get(name) ?? []) {
      const pod = hub.store.pods.get(key);
      if (pod && scopeAllowsNamespace(scope, hub, pod.namespace)) addPod(pods, pod, 1);
    }
  }
  return { ...dto, nodes, pods, architectures, accelerators, capacity: { cpuCores, memoryBytes }, usage: null };
}

function matchesText(dc: DatacenterDto, q: string): boolean {
  const needle = q.toLowerCase();
  return [dc.id, dc.zone, dc.displayName, dc.city ?? '', dc.gateway ?? '', dc.region].some((field) => field.toLowerCase().includes(needle));
}

/** Every datacenter of the selected hubs (hundreds at most: no paging), sorted by hub then zone. */
export function listDatacenters(manager: HubManager, scope: FleetScope, query: DatacenterListQuery): DatacenterListResponse {
  const hubs = selectHubs(manager, scope, query);
  const health = query.health ? new Set(query.health) : null;
  const items: DatacenterDto[] = [];
  for (const hub of hubs) {
    const zones = [...hub.store.datacenters.keys()].sort();
    for (const zone of zones) {
      const aggregate = hub.store.datacenters.get(zone)!;
      if (![...aggregate.nodeNames].some((name) => scopeAllowsNode(scope, hub, name))) continue;
      const dc = scopedDatacenterDto(hub, aggregate, scope);
      if (health && !health.has(dc.health)) continue;
      if (query.q && !matchesText(dc, query.q)) continue;
      items.push(dc);
    }
  }
  return { items, hubs: hubStatuses(hubs) };
}

export type DatacenterDetail = DatacenterDto & { nodeList: NodeListItem[]; hubStatus: HubListStatus };

/** Parses `<hub>:<zone>`; 404 when the hub or the zone is unknown. */
export function getDatacenter(manager: HubManager, scope: FleetScope, id: string): DatacenterDetail {
  const separator = id.indexOf(':');
  if (separator <= 0 || separator === id.length - 1) throw notFound(`Datacenter "${id}" not found; ids look like <hub>:<zone>`);
  const hubName = id.slice(0, separator);
  const zone = id.slice(separator + 1);
  let hub;
  try {
    hub = requireHub(manager, scope, hubName);
  } catch {
    throw notFound(`Datacenter "${id}" not found: hub "${hubName}" is not configured`);
  }
  const dc = hub.store.datacenters.get(zone);
  if (!dc || ![...dc.nodeNames].some((name) => scopeAllowsNode(scope, hub, name))) throw notFound(`Datacenter "${id}" not found`);
  // Node rows inside a datacenter show the caller's own pod counts, like the node list.
  const podCount = podCounterFor(scope);
  const nodeList = [...dc.nodeNames]
    .sort()
    .map((name) => hub.store.nodes.get(name))
    .filter((node): node is NonNullable<typeof node> => node !== undefined && scopeAllowsNode(scope, hub, node.name))
    .map((node) => scopedNodeListItem(hub, node, podCount));
  return { ...scopedDatacenterDto(hub, dc, scope), nodeList, hubStatus: hub.listStatus() };
}
