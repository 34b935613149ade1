import 'server-only';

import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import type { HubManager } from '@/lib/server/hubs/hub-manager';

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
    };

export const ALL_FLEET: FleetScope = Object.freeze({ kind: 'all' });

export function scopeAllowsHub(scope: FleetScope, hub: HubConnection): boolean {
  if (scope.kind === 'all') return true;
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
  if (scope.kind === 'all' || scope.tenants === null) return true;
  const tenant = hub.store.tenantOf(namespace);
  return tenant !== null && scope.tenants.has(tenant);
}

/** True when the scope hides some namespaces (aggregates must then be counted, not read). */
export function scopeLimitsNamespaces(scope: FleetScope): boolean {
  return scope.kind === 'limited' && scope.tenants !== null;
}

/**
 * The read scope of a caller. Reads are open to every signed-in user until the tenancy work lands;
 * then this builds a limited scope from the caller's role bindings, and every service already honours it.
 */
export function scopeForPrincipal(principal: { bindings: ReadonlyArray<{ role: string }> }): FleetScope {
  void principal;
  return ALL_FLEET;
}
