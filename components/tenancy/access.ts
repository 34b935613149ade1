/**
 * What the signed-in caller may do, as the UI needs it to decide which controls to offer. Built on
 * the server from the principal's role bindings (see consoleAccessOf) and handed to client leaves
 * through AccessProvider. This only hides controls the caller cannot use: the BFF decides every
 * request again (lib/server/rbac/policy.ts), so a stale or edited copy grants nothing.
 */
import type { RoleBinding } from '@/lib/contracts/auth';

export type OperatorReachDto = { hubs: string[] | null; regions: string[] | null };

export type ConsoleAccess = {
  platformAdmin: boolean;
  auditor: boolean;
  operators: OperatorReachDto[];
  /** Tenants the caller administers. */
  adminTenants: string[];
  /** Tenants the caller belongs to (admin or viewer). */
  memberTenants: string[];
};

export const NO_ACCESS: ConsoleAccess = { platformAdmin: false, auditor: false, operators: [], adminTenants: [], memberTenants: [] };

export function consoleAccessOf(bindings: ReadonlyArray<RoleBinding>): ConsoleAccess {
  const access: ConsoleAccess = { platformAdmin: false, auditor: false, operators: [], adminTenants: [], memberTenants: [] };
  for (const { role, scope } of bindings) {
    if (role === 'platform-admin') access.platformAdmin = true;
    else if (role === 'auditor') access.auditor = true;
    else if (role === 'operator') {
      access.operators.push({ hubs: scope.hubs?.length ? scope.hubs : null, regions: scope.regions?.length ? scope.regions : null });
    } else if (scope.tenant) {
      if (role === 'tenant-admin' && !access.adminTenants.includes(scope.tenant)) access.adminTenants.push(scope.tenant);
      if (!access.memberTenants.includes(scope.tenant)) access.memberTenants.push(scope.tenant);
    }
  }
  return access;
}

function operatorCovers(access: ConsoleAccess, hub: string, region: string): boolean {
  return access.operators.some((reach) => (!reach.hubs || reach.hubs.includes(hub)) && (!reach.regions || reach.regions.includes(region)));
}

/** Restart pods, restart/scale Deployments in a namespace. */
export function canMutateNamespaced(access: ConsoleAccess, target: { hub: string; region: string; tenant: string | null }): boolean {
  if (access.platformAdmin || operatorCovers(access, target.hub, target.region)) return true;
  return target.tenant !== null && access.adminTenants.includes(target.tenant);
}

/** Cordon/uncordon a node. */
export function canCordon(access: ConsoleAccess, target: { hub: string; region: string }): boolean {
  return access.platformAdmin || operatorCovers(access, target.hub, target.region);
}

/** The Admin section: platform admins (auditors read the lists through the API, but the section manages). */
export function canSeeAdmin(access: ConsoleAccess): boolean {
  return access.platformAdmin;
}

export function canSeeAudit(access: ConsoleAccess): boolean {
  return access.platformAdmin || access.auditor || access.adminTenants.length > 0;
}

/** "My tenant": anyone who belongs to a tenant. */
export function canSeeMyTenant(access: ConsoleAccess): boolean {
  return access.memberTenants.length > 0;
}

export function canManageMembers(access: ConsoleAccess, tenant: string): boolean {
  return access.platformAdmin || access.adminTenants.includes(tenant);
}
