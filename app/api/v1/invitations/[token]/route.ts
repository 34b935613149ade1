import { AcceptInvitationRequestSchema, InvitationParamsSchema, type InvitationInfo } from '@/lib/contracts/invitations';
import { recordAuditEvent, requestInfoOf } from '@/lib/server/audit/audit-log';
import { acceptInvitation, lookupInvitation } from '@/lib/server/auth/invitations';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * Public: whoever holds the link. The token is the secret, so it is never put in the audit trail
 * (the target is "Invitation", not the request path) nor in logs.
 */
export const GET = defineRoute({ auth: 'public', params: InvitationParamsSchema }, async ({ params }): Promise<InvitationInfo> => {
  return lookupInvitation(await getDb(), params.token);
});

/** Sets the invited account's password (and name): 204; 404 unknown/used, 410 expired. */
// The link is the credential: whatever API token the caller may also send does not matter (tokenScope 'read').
export const POST = defineRoute({ auth: 'public', tokenScope: 'read', params: InvitationParamsSchema, body: AcceptInvitationRequestSchema }, async ({ req, params, body, audit, requestId }) => {
  Object.assign(audit, { action: 'invitation.accept', target: { kind: 'Invitation', name: null } });
  const db = await getDb();
  const accepted = await acceptInvitation(db, params.token, body);
  // Recorded here rather than by defineRoute, so the actor is the invited user, not "anonymous".
  audit.record = false;
  await recordAuditEvent(
    {
      actor: { kind: 'user', userId: accepted.userId, email: accepted.email },
      action: 'invitation.accept',
      outcome: 'allowed',
      status: 204,
      target: { kind: 'User', name: accepted.email },
      tenant: accepted.tenants[0] ?? null,
      reason: `${accepted.email} set their password with an invitation link`,
      request: requestInfoOf(req.headers, requestId),
    },
    db,
  );
});
