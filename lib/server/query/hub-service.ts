import 'server-only';

import type { HubListResponse, HubListStatus } from '@/lib/contracts/fleet';
import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import type { HubManager } from '@/lib/server/hubs/hub-manager';
import { badRequest, notFound } from '@/lib/server/http/errors';
import { hubDto } from '@/lib/server/query/dto';
import { hubsInScope, scopeAllowsNamespace, scopeAllowsNode, type FleetScope } from '@/lib/server/query/scope';
import { hubPartiallyVisible } from '@/lib/server/rbac/fleet-access';

/**
 * The hubs a request covers: those in scope, narrowed by `hub` and `region` filters. An unknown hub
 * name is a 400 naming `hub` (a hub outside the caller's scope is reported the same way, so scopes
 * don't reveal which hubs exist).
 */
export function selectHubs(
  manager: HubManager,
  scope: FleetScope,
  filters: { hub?: string[]; region?: string[] },
): HubConnection[] {
  const visible = hubsInScope(manager, scope);
  let selected = visible;
  if (filters.hub && filters.hub.length > 0) {
    const names = new Set(visible.map((hub) => hub.name));
    const unknown = filters.hub.filter((name) => !names.has(name));
    if (unknown.length > 0) {
      throw badRequest('hub', `Unknown hub ${unknown.map((name) => `"${name}"`).join(', ')}. Known hubs: ${[...names].join(', ') || 'none'}`);
    }
    const wanted = new Set(filters.hub);
    selected = selected.filter((hub) => wanted.has(hub.name));
  }
  if (filters.region && filters.region.length > 0) {
    const wanted = new Set(filters.region);
    selected = selected.filter((hub) => wanted.has(hub.region));
  }
  return selected;
}

/** One hub by name for detail/mutation routes; 404 when unknown or out of scope. */
export function requireHub(manager: HubManager, scope: FleetScope, name: string): HubConnection {
  const hub = hubsInScope(manager, scope).find((candidate) => candidate.name === name);
  if (!hub) throw notFound(`Hub "${name}" is not configured`);
  return hub;
}

export function hubStatuses(hubs: HubConnection[]): HubListStatus[] {
  return hubs.map((hub) => hub.listStatus());
}

export function listHubs(manager: HubManager, scope: FleetScope): HubListResponse {
  return {
    items: hubsInScope(manager, scope).map((hub) => {
      const dto = hubDto(hub);
      if (scope.kind !== 'limited' || !scope.visibility || !hubPartiallyVisible(scope.visibility, hub)) return dto;
      // Tenants: counts of what they can see on this hub, never the hub's totals.
      const store = hub.store;
      const nodes = [...store.nodes.values()].filter((node) => scopeAllowsNode(scope, hub, node.name));
      const namespaces = [...store.namespaces.keys()].filter((name) => scopeAllowsNamespace(scope, hub, name));
      const zones = new Set(nodes.map((node) => node.zone).filter((zone) => zone !== null));
      let pods = 0;
      for (const name of namespaces) pods += store.podsByNamespace.get(name)?.size ?? 0;
      dto.counts = { datacenters: zones.size, nodes: nodes.length, edgeNodes: nodes.filter((node) => node.role === 'edge').length, pods, namespaces: namespaces.length };
      return dto;
    }),
  };
}
