import 'server-only';

import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import type { HubManager } from '@/lib/server/hubs/hub-manager';
import { hubVisible, namespaceVisible, nodeVisible, visibilityForPrincipal } from '@/lib/server/rbac/fleet-access';
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
