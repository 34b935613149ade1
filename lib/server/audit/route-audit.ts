import 'server-only';

import type { Principal } from '@/lib/server/auth/principal';

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
    // An out-of-scope attempt (404) is not shown to the target's tenant: the actor is someone the
    // tenant must not learn about (another tenant's user). Admins and auditors still see it.
    tenant: status === 404 ? null : (note.tenant ?? null),
    reason: input.errorMessage ?? note.reason ?? null,
    request: requestInfoOf(input.req.headers, input.requestId),
  });
}
