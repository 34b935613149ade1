import 'server-only';

import type { Principal } from '@/lib/server/auth/principal';
import { grantOf } from '@/lib/server/rbac/policy';

import { actorOf, recordAuditEvent, requestInfoOf } from './audit-log';

/**
 * What a route handler says about the request it serves, for the audit trail. Handlers fill it in
 * as soon as they know (before authorizing), so a denial is recorded with the right action and target.
 */
export type AuditNote = {
  action?: string;
  target?: { hub?: string | null; namespace?: string | null; kind?: string | null; name?: string | null };
  tenant?: string | null;
  /** Description for a successful outcome (errors record their message). */
  reason?: string;
  /** Set false to skip the automatic record (the handler recorded its own events). */
  record?: boolean;
};

/**
 * The tenant an event is filed under (its tenant admins read it). A refused attempt by someone who
 * is not a member of that tenant is not filed there: it would show the tenant another tenant's user.
 * Platform admins and auditors see every event regardless.
 */
function tenantForEvent(principal: Principal | null, tenant: string | null, outcome: 'allowed' | 'denied' | 'failed'): string | null {
  if (!tenant) return null;
  if (outcome === 'allowed') return tenant;
  return principal && grantOf(principal).memberTenants.has(tenant) ? tenant : null;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Called by defineRoute for every answered request: records every mutation (allowed, denied or
 * failed) and every denied read (403). Successful and not-found reads are not audited.
 */
export async function recordRouteOutcome(input: {
  req: Request;
  method: string;
  path: string;
  principal: Principal | null;
  requestId: string;
  status: number;
  errorMessage: string | null;
  note: AuditNote;
}): Promise<void> {
  const { method, status, note } = input;
  if (note.record === false) return;
  const read = READ_METHODS.has(method);
  if (read && status !== 403) return;
  // An anonymous caller of a mutation (401) is not an actor we can name; the next-auth layer audits sign-ins.
  if (status === 401) return;
  const outcome = status < 400 ? 'allowed' : status === 403 || status === 404 ? 'denied' : 'failed';
  await recordAuditEvent({
    actor: actorOf(input.principal),
    action: note.action ?? 'request',
    outcome,
    status,
    target: note.target ?? { kind: 'Route', name: `${method} ${input.path}` },
    tenant: tenantForEvent(input.principal, note.tenant ?? null, outcome),
    reason: input.errorMessage ?? note.reason ?? null,
    request: requestInfoOf(input.req.headers, input.requestId),
  });
}
