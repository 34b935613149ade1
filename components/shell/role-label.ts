import type { RoleBinding } from '@/lib/contracts/auth';

/** Most to least privileged: the menu shows the strongest role a user holds. */
const roleRank: RoleBinding['role'][] = ['platform-admin', 'operator', 'auditor', 'tenant-admin', 'tenant-viewer'];

/** The binding to show in the user menu, or null for a user without roles. */
export function primaryBinding(bindings: RoleBinding[]): RoleBinding | null {
  let best: RoleBinding | null = null;
  for (const binding of bindings) {
    if (!best || roleRank.indexOf(binding.role) < roleRank.indexOf(best.role)) best = binding;
  }
  return best;
}

/** "Platform admin", "Tenant admin · acme", "Operator · cn-east" — `roleName` translates the role. */
export function describeRole(bindings: RoleBinding[], roleName: (role: RoleBinding['role'] | 'none') => string): string {
  const binding = primaryBinding(bindings);
  if (!binding) return roleName('none');
  const scope = binding.scope.tenant ?? binding.scope.regions?.join(', ') ?? binding.scope.hubs?.join(', ');
  return scope ? `${roleName(binding.role)} · ${scope}` : roleName(binding.role);
}
