import 'server-only';

import type { Principal } from '@/lib/server/auth/principal';
import { forbidden } from '@/lib/server/http/errors';
import { auditScopeFor } from '@/lib/server/rbac/policy';

import type { AuditReadScope } from './audit-log';

/** The events the caller may read; 403 for roles without audit access. */
export function resolveAuditScope(principal: Principal, tenant?: string): AuditReadScope {
  const scope = auditScopeFor(principal);
  if (scope.kind === 'none') throw forbidden('Only platform admins, auditors and tenant admins can read the audit log');
  if (scope.kind === 'tenants' && tenant && !scope.tenants.has(tenant)) {
    // Not theirs: the same answer as a tenant with no events, so no tenant's existence leaks.
    return { kind: 'tenants', tenants: new Set() };
  }
  return scope;
}
