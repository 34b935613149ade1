import 'server-only';

import type { RoleBinding } from '@/lib/contracts/auth';
import type { TokenScope } from '@/lib/contracts/tokens';

/**
 * The one place that decides what a caller may see and do. Everything here is pure: callers resolve
 * facts (which tenant owns a namespace, which tenants have pods on a node) and pass them in, so the
 * decision table can be unit-tested exhaustively (policy.test.ts) and every route shares it.
 *
 * Roles (see docs/tenancy.md):
 * - platform-admin: everything.
 * - auditor: reads everything (fleet, admin lists, audit log); never mutates.
 * - operator: reads everything on its hubs/regions (all when unscoped); cordons nodes, restarts pods,
 *   restarts and scales Deployments there; no administration.
 * - tenant-admin: reads its tenant's namespaces and the nodes/datacenters its pods run on; restarts
 *   pods, restarts/scales Deployments in its namespaces; manages its members; reads its audit events.
 * - tenant-viewer: reads what its tenant-admin reads.
 * Bindings add up: the caller may do what any one of its bindings allows.
 */

/** What a caller wants to do. */
export type PolicyAction =
  /** Read fleet objects (hubs, datacenters, nodes, pods, workloads, events, stream). */
  | 'fleet.read'
  | 'node.cordon'
  | 'node.uncordon'
  | 'pod.restart'
  | 'deployment.restart'
  | 'deployment.scale'
  /** Register/change/remove hubs. */
  | 'hub.manage'
  /** Read the admin lists: users, tenants, role bindings, namespace preview. */
  | 'admin.read'
  | 'user.manage'
  | 'tenant.manage'
  | 'role-binding.manage'
  /** Read the audit log (resource: audit, optionally of one tenant). */
  | 'audit.read'
  /** A tenant's overview (GET /api/v1/tenants/{slug}). */
  | 'tenant.read'
  | 'tenant.members.read'
  | 'tenant.members.manage';

export const FLEET_MUTATIONS = ['node.cordon', 'node.uncordon', 'pod.restart', 'deployment.restart', 'deployment.scale'] as const;
export type FleetMutationAction = (typeof FLEET_MUTATIONS)[number];

/** What the action is applied to. Facts the policy cannot know (ownership) are resolved by the caller. */
export type PolicyResource =
  /** The platform itself (admin actions). */
  | { kind: 'platform' }
  | { kind: 'hub'; hub: string; region: string; /** Tenants owning at least one namespace on this hub. */ tenants?: ReadonlySet<string> }
  | {
      kind: 'node';
      hub: string;
      region: string;
      name: string;
      /** Tenants with at least one pod on this node (tenants see a node only through their pods). */
      tenantsOnNode: ReadonlySet<string>;
    }
  | {
      kind: 'namespaced';
      hub: string;
      region: string;
      namespace: string;
      /** The tenant owning the namespace (TenantNamespace assignments), or null. */
      tenant: string | null;
    }
  | { kind: 'tenant'; tenant: string }
  /** The audit log; `tenant` set when asking about one tenant's events. */
  | { kind: 'audit'; tenant?: string | null };

/** Who is asking. A Principal fits. */
export type PolicySubject = {
  kind: 'user' | 'token';
  bindings: ReadonlyArray<RoleBinding>;
  /** For tokens: 'read' → reads only. */
  tokenScopes?: ReadonlyArray<TokenScope>;
};

/**
 * allowed, or refused with the HTTP status to answer: 404 when the caller may not even see the
 * object (no existence leak), 403 when it sees it but may not do this. `reason` is a plain sentence.
 */
export type Decision = { allowed: true } | { allowed: false; status: 403 | 404; reason: string };

const ALLOW: Decision = Object.freeze({ allowed: true });

const ACTION_PHRASES: Record<PolicyAction, string> = {
  'fleet.read': 'see this',
  'node.cordon': 'cordon nodes',
  'node.uncordon': 'uncordon nodes',
  'pod.restart': 'restart pods',
  'deployment.restart': 'restart deployments',
  'deployment.scale': 'scale deployments',
  'hub.manage': 'manage hubs',
  'admin.read': 'see the administration pages',
  'user.manage': 'manage users',
  'tenant.manage': 'manage tenants',
  'role-binding.manage': 'manage role bindings',
  'audit.read': 'read the audit log',
  'tenant.read': 'see this tenant',
  'tenant.members.read': 'see this tenant’s members',
  'tenant.members.manage': 'manage this tenant’s members',
};

const MUTATING_ACTIONS = new Set<PolicyAction>([
  ...FLEET_MUTATIONS,
  'hub.manage',
  'user.manage',
  'tenant.manage',
  'role-binding.manage',
  'tenant.members.manage',
]);

export function isMutation(action: PolicyAction): boolean {
  return MUTATING_ACTIONS.has(action);
}

export function actionPhrase(action: PolicyAction): string {
  return ACTION_PHRASES[action];
}

// ------------------------------------------------------------------------------------------------
// Grants: the caller's bindings folded into what they add up to
// ------------------------------------------------------------------------------------------------

/** An operator binding's reach; null = unlimited in that dimension. */
export type OperatorReach = { hubs: ReadonlySet<string> | null; regions: ReadonlySet<string> | null };

/** The union of a caller's bindings, precomputed once per request. */
export type AccessGrant = {
  platformAdmin: boolean;
  auditor: boolean;
  operators: ReadonlyArray<OperatorReach>;
  /** Tenants the caller is tenant-admin of. */
  adminTenants: ReadonlySet<string>;
  /** Tenants the caller is tenant-viewer or tenant-admin of. */
  memberTenants: ReadonlySet<string>;
};

function nonEmptySet(values: ReadonlyArray<string> | undefined): ReadonlySet<string> | null {
  return values && values.length > 0 ? new Set(values) : null;
}

export function grantOf(subject: Pick<PolicySubject, 'bindings'>): AccessGrant {
  const operators: OperatorReach[] = [];
  const adminTenants = new Set<string>();
  const memberTenants = new Set<string>();
  let platformAdmin = false;
  let auditor = false;
  for (const { role, scope } of subject.bindings) {
    switch (role) {
      case 'platform-admin':
        platformAdmin = true;
        break;
      case 'auditor':
        auditor = true;
        break;
      case 'operator':
        operators.push({ hubs: nonEmptySet(scope.hubs), regions: nonEmptySet(scope.regions) });
        break;
      case 'tenant-admin':
        // A tenant binding without a tenant is malformed and grants nothing.
        if (scope.tenant) {
          adminTenants.add(scope.tenant);
          memberTenants.add(scope.tenant);
        }
        break;
      case 'tenant-viewer':
        if (scope.tenant) memberTenants.add(scope.tenant);
        break;
    }
  }
  return { platformAdmin, auditor, operators, adminTenants, memberTenants };
}

function operatorCovers(reach: OperatorReach, hub: string, region: string): boolean {
  if (reach.hubs && !reach.hubs.has(hub)) return false;
  if (reach.regions && !reach.regions.has(region)) return false;
  return true;
}

/** True when the grant sees everything on the hub (all namespaces, all nodes). */
export function seesWholeHub(grant: AccessGrant, hub: string, region: string): boolean {
  return grant.platformAdmin || grant.auditor || grant.operators.some((reach) => operatorCovers(reach, hub, region));
}

/** True when the grant sees the whole fleet with no filtering at all. */
export function seesEverything(grant: AccessGrant): boolean {
  return grant.platformAdmin || grant.auditor || grant.operators.some((reach) => reach.hubs === null && reach.regions === null);
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const value of small) if (large.has(value)) return true;
  return false;
}

/** Whether the grant sees a resource at all (the 404 line). */
export function isVisible(grant: AccessGrant, resource: PolicyResource): boolean {
  switch (resource.kind) {
    case 'platform':
      return true;
    case 'hub':
      return seesWholeHub(grant, resource.hub, resource.region) || (resource.tenants !== undefined && intersects(grant.memberTenants, resource.tenants));
    case 'node':
      return seesWholeHub(grant, resource.hub, resource.region) || intersects(grant.memberTenants, resource.tenantsOnNode);
    case 'namespaced':
      return (
        seesWholeHub(grant, resource.hub, resource.region) || (resource.tenant !== null && grant.memberTenants.has(resource.tenant))
      );
    case 'tenant':
      // Ops roles may look at any tenant; tenant members only at their own.
      return grant.platformAdmin || grant.auditor || grant.operators.length > 0 || grant.memberTenants.has(resource.tenant);
    case 'audit':
      return true;
  }
}

function deny(status: 403 | 404, reason: string): Decision {
  return { allowed: false, status, reason };
}

const NOT_FOUND_REASON = 'Not found';

/**
 * The decision. Pure: same inputs, same answer. Order: visibility (404) → token scope (403) →
 * role (403).
 */
export function can(subject: PolicySubject, action: PolicyAction, resource: PolicyResource, grant: AccessGrant = grantOf(subject)): Decision {
  if (!isVisible(grant, resource)) return deny(404, NOT_FOUND_REASON);
  if (isMutation(action) && subject.kind === 'token' && !(subject.tokenScopes ?? []).includes('write')) {
    return deny(403, 'This API token is read-only: it cannot change anything');
  }
  const phrase = ACTION_PHRASES[action];
  switch (action) {
    case 'fleet.read':
      return ALLOW;

    case 'node.cordon':
    case 'node.uncordon': {
      if (resource.kind !== 'node') return deny(403, `You cannot ${phrase} here`);
      if (grant.platformAdmin) return ALLOW;
      if (grant.operators.some((reach) => operatorCovers(reach, resource.hub, resource.region))) return ALLOW;
      if (grant.operators.length > 0) return deny(403, `Your operator role does not cover hub ${resource.hub}, so you cannot ${phrase} there`);
      return deny(403, `Only platform admins and operators can ${phrase}`);
    }

    case 'pod.restart':
    case 'deployment.restart':
    case 'deployment.scale': {
      if (resource.kind !== 'namespaced') return deny(403, `You cannot ${phrase} here`);
      if (grant.platformAdmin) return ALLOW;
      if (grant.operators.some((reach) => operatorCovers(reach, resource.hub, resource.region))) return ALLOW;
      if (resource.tenant !== null && grant.adminTenants.has(resource.tenant)) return ALLOW;
      if (resource.tenant !== null && grant.memberTenants.has(resource.tenant)) {
        return deny(403, `Tenant viewers cannot ${phrase}; ask a tenant admin of ${resource.tenant}`);
      }
      if (grant.auditor) return deny(403, `Auditors have read-only access and cannot ${phrase}`);
      return deny(403, `Only platform admins, operators and tenant admins can ${phrase}`);
    }

    case 'hub.manage':
    case 'user.manage':
    case 'tenant.manage':
    case 'role-binding.manage':
      if (grant.platformAdmin) return ALLOW;
      if (grant.auditor) return deny(403, `Auditors have read-only access and cannot ${phrase}`);
      return deny(403, `Only platform admins can ${phrase}`);

    case 'admin.read':
      // Auditors review who may do what, so they read the admin lists too.
      if (grant.platformAdmin || grant.auditor) return ALLOW;
      return deny(403, `Only platform admins and auditors can ${phrase}`);

    case 'audit.read': {
      if (grant.platformAdmin || grant.auditor) return ALLOW;
      const tenant = resource.kind === 'audit' ? resource.tenant : null;
      if (tenant && grant.adminTenants.has(tenant)) return ALLOW;
      if (!tenant && grant.adminTenants.size > 0) return ALLOW; // filtered to their tenants by auditScopeFor
      return deny(403, `Only platform admins, auditors and tenant admins can ${phrase}`);
    }

    case 'tenant.read':
    case 'tenant.members.read':
      return ALLOW; // visibility decided above

    case 'tenant.members.manage': {
      if (resource.kind !== 'tenant') return deny(403, `You cannot ${phrase}`);
      if (grant.platformAdmin || grant.adminTenants.has(resource.tenant)) return ALLOW;
      if (grant.memberTenants.has(resource.tenant)) return deny(403, `Tenant viewers cannot ${phrase}; ask a tenant admin of ${resource.tenant}`);
      return deny(403, `Only platform admins and tenant admins of ${resource.tenant} can ${phrase}`);
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Scope filters for lists (used by every list query, count, summary and stream)
// ------------------------------------------------------------------------------------------------

/**
 * What a caller sees of the fleet, for list filtering before paging. `everything` → no filtering.
 * Otherwise: a hub is fully visible if `seesWholeHub`; elsewhere only namespaces of `tenants` and
 * the nodes running their pods.
 */
export type VisibilityScope = {
  readonly everything: boolean;
  readonly grant: AccessGrant;
  /** Tenants whose namespaces are visible (after narrowing). */
  readonly tenants: ReadonlySet<string>;
  /** Set when the caller narrowed the view to one tenant (tenant switcher). */
  readonly narrowedTo: string | null;
};

/**
 * The caller's visibility, optionally narrowed to one tenant (`?tenant=` / cookie). Narrowing to a
 * tenant the caller cannot see yields an empty scope (the caller then sees nothing, never more).
 */
export function visibilityFor(subject: Pick<PolicySubject, 'bindings'>, narrowTo?: string | null): VisibilityScope {
  const grant = grantOf(subject);
  if (narrowTo) {
    const allowed = isVisible(grant, { kind: 'tenant', tenant: narrowTo });
    // Narrowed: behave as a viewer of that one tenant (ops roles included), nothing else.
    const narrowed: AccessGrant = {
      platformAdmin: false,
      auditor: false,
      operators: [],
      adminTenants: allowed && (grant.platformAdmin || grant.adminTenants.has(narrowTo)) ? new Set([narrowTo]) : new Set(),
      memberTenants: allowed ? new Set([narrowTo]) : new Set(),
    };
    return { everything: false, grant: narrowed, tenants: narrowed.memberTenants, narrowedTo: narrowTo };
  }
  return { everything: seesEverything(grant), grant, tenants: grant.memberTenants, narrowedTo: null };
}

/** Whether a namespace is visible under a scope. */
export function scopeSeesNamespace(scope: VisibilityScope, hub: string, region: string, tenantOfNamespace: string | null): boolean {
  if (scope.everything) return true;
  if (seesWholeHub(scope.grant, hub, region)) return true;
  return tenantOfNamespace !== null && scope.tenants.has(tenantOfNamespace);
}

/** Whether a hub is visible at all (fully, or because a visible tenant has namespaces there). */
export function scopeSeesHub(scope: VisibilityScope, hub: string, region: string, tenantsOnHub: ReadonlySet<string>): boolean {
  if (scope.everything || seesWholeHub(scope.grant, hub, region)) return true;
  return intersects(scope.tenants, tenantsOnHub);
}

/** Whether a node is visible: whole-hub access, or one of the visible tenants has a pod on it. */
export function scopeSeesNode(scope: VisibilityScope, hub: string, region: string, tenantsOnNode: ReadonlySet<string>): boolean {
  if (scope.everything || seesWholeHub(scope.grant, hub, region)) return true;
  return intersects(scope.tenants, tenantsOnNode);
}

/**
 * Which audit events a caller may read: all, those of some tenants, or none.
 * Tenant admins read their tenants' events only.
 */
export function auditScopeFor(subject: Pick<PolicySubject, 'bindings'>): { kind: 'all' } | { kind: 'tenants'; tenants: ReadonlySet<string> } | { kind: 'none' } {
  const grant = grantOf(subject);
  if (grant.platformAdmin || grant.auditor) return { kind: 'all' };
  if (grant.adminTenants.size > 0) return { kind: 'tenants', tenants: grant.adminTenants };
  return { kind: 'none' };
}

/** The tenants a caller belongs to, with its strongest role in each (for /api/v1/me). */
export function tenantRolesOf(subject: Pick<PolicySubject, 'bindings'>): Map<string, 'tenant-admin' | 'tenant-viewer'> {
  const grant = grantOf(subject);
  const roles = new Map<string, 'tenant-admin' | 'tenant-viewer'>();
  for (const tenant of grant.memberTenants) roles.set(tenant, grant.adminTenants.has(tenant) ? 'tenant-admin' : 'tenant-viewer');
  return roles;
}
