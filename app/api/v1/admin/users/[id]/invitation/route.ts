import { NextResponse } from 'next/server';

import { UserParamsSchema } from '@/lib/contracts/admin';
import { type CreateInvitationResponse } from '@/lib/contracts/invitations';
import { createInvitation } from '@/lib/server/auth/invitations';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';
import { authorizePlatform } from '@/lib/server/rbac/authorize';

export const dynamic = 'force-dynamic';

/** A one-time invitation link for a user without a password (409 otherwise); older links stop working. */
export const POST = defineRoute({ params: UserParamsSchema }, async ({ principal, params, audit }) => {
  Object.assign(audit, { action: 'invitation.create', target: { kind: 'User', name: params.id } });
  authorizePlatform(principal, 'user.manage');
  const { email, path, expiresAt } = await createInvitation(await getDb(), params.id, principal.userId);
  Object.assign(audit, { target: { kind: 'User', name: email }, reason: `invitation link for ${email}, expires ${expiresAt}` });
  return NextResponse.json({ path, expiresAt } satisfies CreateInvitationResponse, { status: 201 });
});
