import 'server-only';

import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import type { HubManager } from '@/lib/server/hubs/hub-manager';
import { hubPartiallyVisible, hubVisible, namespaceVisible, nodeVisible, visibilityForPrincipal } from '@/lib/server/rbac/fleet-access';
import type { VisibilityScope } from '@/lib/server/rbac/policy';

/**
 * What a caller may see. Every service takes one and applies it before filtering and paging, so
 * totals and cursors never leak hidden objects. Today every signed-in user reads `ALL_FLEET`; the
 * tenancy work will build limited scopes from role bindings.
 */
export type FleetScope =
  | { readonly kind: 'all' }
  | {
      readonly kind: 'limited';
      /** Hubs visible at all; null = every hub. */
      readonly hubs: ReadonlySet<string> | null;
      /** Regions visible; null = every region. */
      readonly regions: ReadonlySet<string> | null;
      /** Tenants whose namespaces are visible; null = every namespace. */
      readonly tenants: ReadonlySet<string> | null;
      /** The caller's visibility from its role bindings (lib/server/rbac/policy); decides when set. */
      readonly visibility?: VisibilityScope;
      /** Cache key of this scope (result-cache). */
      readonly key?: string;
    };

export const ALL_FLEET: FleetScope = Object.freeze({ kind: 'all' });

export function scopeAllowsHub(scope: FleetScope, hub: HubConnection): boolean {
  if (scope.kind === 'all') return true;
  if (scope.visibility) return hubVisible(scope.visibility, hub);
  if (scope.hubs && !scope.hubs.has(hub.name)) return false;
  if (scope.regions && !scope.regions.has(hub.region)) return false;
  return true;
}

/** The hubs a scope can see, in a stable order (by name). */
export function hubsInScope(manager: HubManager, scope: FleetScope): HubConnection[] {
  return manager
    .list()
    .filter((hub) => scopeAllowsHub(scope, hub))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Whether a namespace of a visible hub is visible (tenant-limited scopes see only their namespaces). */
export function scopeAllowsNamespace(scope: FleetScope, hub: HubConnection, namespace: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.visibility) return namespaceVisible(scope.visibility, hub, namespace);
  if (scope.tenants === null) return true;
  const tenant = hub.store.tenantOf(namespace);
  return tenant !== null && scope.tenants.has(tenant);
}

/** True when the scope hides some namespaces (aggregates must then be counted, not read). */
export function scopeLimitsNamespaces(scope: FleetScope): boolean {
  return scope.kind === 'limited' && (scope.visibility ? !scope.visibility.everything : scope.tenants !== null);
}

/** Whether a node is visible: whole-hub access, or the caller's tenants have a pod on it. */
export function scopeAllowsNode(scope: FleetScope, hub: HubConnection, nodeName: string): boolean {
  if (scope.kind === 'all' || !scope.visibility) return true;
  return nodeVisible(scope.visibility, hub, nodeName);
}

/**
 * The read scope of a caller. Reads are open to every signed-in user until the tenancy work lands;
 * then this builds a limited scope from the caller's role bindings, and every service already honours it.
 */
export function scopeForPrincipal(principal: Parameters<typeof visibilityForPrincipal>[0], narrowTo?: string | null): FleetScope {
  const visibility = visibilityForPrincipal(principal, narrowTo);
  if (visibility.everything) return ALL_FLEET;
  const { grant } = visibility;
  const reach = grant.operators.map((op) => `${[...(op.hubs ?? ['*'])].sort().join('+')}@${[...(op.regions ?? ['*'])].sort().join('+')}`).sort();
  const key = `v;admin=${grant.platformAdmin};aud=${grant.auditor};op=${reach.join(',')};t=${[...visibility.tenants].sort().join(',')}`;
  return { kind: 'limited', hubs: null, regions: null, tenants: visibility.tenants, visibility, key };
}

/**
 * Pod counts per node as the scope sees them. Whole-hub callers read the store's incremental
 * aggregate (O(1)); on a hub the caller sees only partly (tenants), the count comes from the
 * namespace index — pods of the visible namespaces, grouped by node — computed once per hub and
 * request, so sorting thousands of nodes by `pods` stays O(the caller's pods).
 */
export type ScopedPodCounter = (hub: HubConnection, nodeName: string) => number;

export function podCounterFor(scope: FleetScope): ScopedPodCounter {
  if (scope.kind === 'all') return (hub, nodeName) => hub.store.podCountOn(nodeName);
  const perHub = new Map<HubConnection, Map<string, number> | null>();
  return (hub, nodeName) => {
    let counts = perHub.get(hub);
    if (counts === undefined) {
      counts = scopeLimitsNamespacesOn(scope, hub) ? visiblePodsByNode(scope, hub) : null;
      perHub.set(hub, counts);
    }
    return counts === null ? hub.store.podCountOn(nodeName) : (counts.get(nodeName) ?? 0);
  };
}

/** True when, on this hub, the scope hides some namespaces. */
function scopeLimitsNamespacesOn(scope: FleetScope, hub: HubConnection): boolean {
  if (scope.kind === 'all') return false;
  if (scope.visibility) return hubPartiallyVisible(scope.visibility, hub);
  return scope.tenants !== null;
}

function visiblePodsByNode(scope: FleetScope, hub: HubConnection): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [namespace, keys] of hub.store.podsByNamespace) {
    if (!scopeAllowsNamespace(scope, hub, namespace)) continue;
    for (const key of keys) {
      const nodeName = hub.store.pods.get(key)?.nodeName;
      if (nodeName) counts.set(nodeName, (counts.get(nodeName) ?? 0) + 1);
    }
  }
  return counts;
}
