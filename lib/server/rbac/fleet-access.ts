import 'server-only';

import type { Principal } from '@/lib/server/auth/principal';
import type { AuditNote } from '@/lib/server/audit/route-audit';
import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import type { HubManager } from '@/lib/server/hubs/hub-manager';
import { HttpError } from '@/lib/server/http/errors';
import { getTenantOwnership } from '@/lib/server/tenants/ownership';

import { can, scopeSeesHub, scopeSeesNamespace, scopeSeesNode, visibilityFor, type FleetMutationAction, type VisibilityScope } from './policy';

/**
 * The bridge between the pure policy and the fleet's watch caches: resolves ownership facts from the
 * caches (which tenant owns a namespace, which tenants have pods on a node) and answers visibility
 * questions for the query layer, and authorizes fleet mutations.
 */

export function tenantOfNamespace(hub: Pick<HubConnection, 'name'>, namespace: string): string | null {
  return getTenantOwnership().tenantOf(hub.name, namespace);
}

/** Tenants owning at least one existing namespace on the hub. */
export function tenantsOfHub(hub: HubConnection): Set<string> {
  const tenants = new Set<string>();
  for (const namespace of hub.store.namespaces.keys()) {
    const tenant = tenantOfNamespace(hub, namespace);
    if (tenant) tenants.add(tenant);
  }
  return tenants;
}

/** Tenants with at least one pod on the node (tenants see a node only through their pods). */
export function tenantsOnNode(hub: HubConnection, nodeName: string): Set<string> {
  const tenants = new Set<string>();
  const seen = new Set<string>();
  for (const key of hub.store.podsByNode.get(nodeName) ?? []) {
    const pod = hub.store.pods.get(key);
    if (!pod || seen.has(pod.namespace)) continue;
    seen.add(pod.namespace);
    const tenant = tenantOfNamespace(hub, pod.namespace);
    if (tenant) tenants.add(tenant);
  }
  return tenants;
}

export function visibilityForPrincipal(principal: Pick<Principal, 'bindings'>, narrowTo?: string | null): VisibilityScope {
  return visibilityFor(principal, narrowTo);
}

export function hubVisible(visibility: VisibilityScope, hub: HubConnection): boolean {
  return visibility.everything || scopeSeesHub(visibility, hub.name, hub.region, tenantsOfHub(hub));
}

export function namespaceVisible(visibility: VisibilityScope, hub: HubConnection, namespace: string): boolean {
  return visibility.everything || scopeSeesNamespace(visibility, hub.name, hub.region, tenantOfNamespace(hub, namespace));
}

export function nodeVisible(visibility: VisibilityScope, hub: HubConnection, nodeName: string): boolean {
  if (visibility.everything) return true;
  if (scopeSeesNamespace(visibility, hub.name, hub.region, null)) return true; // whole hub visible
  return scopeSeesNode(visibility, hub.name, hub.region, tenantsOnNode(hub, nodeName));
}

/** True when, on this hub, the caller sees only some namespaces (counts must be recomputed). */
export function hubPartiallyVisible(visibility: VisibilityScope, hub: HubConnection): boolean {
  return !visibility.everything && !scopeSeesNamespace(visibility, hub.name, hub.region, null);
}

const AUDIT_ACTIONS: Record<FleetMutationAction, string> = {
  'node.cordon': 'node.cordon',
  'node.uncordon': 'node.uncordon',
  'pod.restart': 'pod.restart',
  'deployment.restart': 'deployment.restart',
  'deployment.scale': 'deployment.scale',
};

/**
 * Authorizes a node mutation: fills the audit note, then 404 when the hub or node is invisible to
 * the caller (same words as an unknown one), 403 with the policy's reason when visible but refused.
 */
export function authorizeNodeMutation(
  manager: HubManager,
  principal: Principal,
  audit: AuditNote,
  action: 'node.cordon' | 'node.uncordon',
  hubName: string,
  nodeName: string,
): HubConnection {
  Object.assign(audit, { action: AUDIT_ACTIONS[action], target: { hub: hubName, kind: 'Node', name: nodeName } });
  const hub = manager.get(hubName);
  if (!hub) throw new HttpError(404, 'not_found', `Hub "${hubName}" is not configured`);
  const decision = can(principal, action, { kind: 'node', hub: hub.name, region: hub.region, name: nodeName, tenantsOnNode: tenantsOnNode(hub, nodeName) });
  if (decision.allowed) return hub;
  if (decision.status === 404) {
    // Out of scope looks exactly like an unknown hub / node.
    const hubSeen = hubVisible(visibilityFor(principal), hub);
    throw new HttpError(404, 'not_found', hubSeen ? `nodes "${nodeName}" not found` : `Hub "${hubName}" is not configured`);
  }
  throw new HttpError(403, 'forbidden', decision.reason);
}

/** Authorizes a pod/Deployment mutation in a namespace (tenant admins: their namespaces). */
export function authorizeNamespacedMutation(
  manager: HubManager,
  principal: Principal,
  audit: AuditNote,
  action: 'pod.restart' | 'deployment.restart' | 'deployment.scale',
  target: { hub: string; namespace: string; kind: 'Pod' | 'Deployment'; name: string },
): HubConnection {
  const hub = manager.get(target.hub);
  const tenant = hub ? tenantOfNamespace(hub, target.namespace) : null;
  Object.assign(audit, { action: AUDIT_ACTIONS[action], target: { ...target }, tenant });
  if (!hub) throw new HttpError(404, 'not_found', `Hub "${target.hub}" is not configured`);
  const decision = can(principal, action, { kind: 'namespaced', hub: hub.name, region: hub.region, namespace: target.namespace, tenant });
  if (decision.allowed) return hub;
  if (decision.status === 404) {
    const hubSeen = hubVisible(visibilityFor(principal), hub);
    const what = target.kind === 'Pod' ? 'pods' : 'deployments.apps';
    throw new HttpError(404, 'not_found', hubSeen ? `${what} "${target.name}" not found in namespace "${target.namespace}"` : `Hub "${target.hub}" is not configured`);
  }
  throw new HttpError(403, 'forbidden', decision.reason);
}

/** Pods on a node that the caller can see (a tenant's count on a shared node is its own pods only). */
export function visiblePodsOnNode(visibility: VisibilityScope, hub: HubConnection, nodeName: string): number {
  let count = 0;
  for (const key of hub.store.podsByNode.get(nodeName) ?? []) {
    const pod = hub.store.pods.get(key);
    if (pod && namespaceVisible(visibility, hub, pod.namespace)) count++;
  }
  return count;
}
