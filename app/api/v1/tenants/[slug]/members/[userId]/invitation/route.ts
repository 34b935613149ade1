import { NextResponse } from 'next/server';

import { TenantMemberInvitationParamsSchema, type CreateInvitationResponse } from '@/lib/contracts/invitations';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';
import { authorize } from '@/lib/server/rbac/authorize';
import { createMemberInvitation } from '@/lib/server/tenants/member-service';

export const dynamic = 'force-dynamic';

/** A fresh one-time invitation link for an invited member (no password yet); older links stop working. */
export const POST = defineRoute({ params: TenantMemberInvitationParamsSchema }, async ({ principal, params, audit }) => {
  Object.assign(audit, { action: 'invitation.create', target: { kind: 'TenantMember', name: params.userId }, tenant: params.slug });
  authorize(principal, 'tenant.members.manage', { kind: 'tenant', tenant: params.slug }, { notFoundMessage: `Tenant "${params.slug}" not found` });
  const { email, path, expiresAt } = await createMemberInvitation(await getDb(), params.slug, params.userId, principal.userId);
  Object.assign(audit, { target: { kind: 'TenantMember', name: email }, reason: `invitation link for ${email}, expires ${expiresAt}` });
  return NextResponse.json({ path, expiresAt } satisfies CreateInvitationResponse, { status: 201 });
});
