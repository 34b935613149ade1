import { NextResponse } from 'next/server';

import {
  AddTenantMemberRequestSchema,
  RemoveTenantMemberQuerySchema,
  TenantParamsSchema,
  UpdateTenantMemberRequestSchema,
  type AddTenantMemberResponse,
  type ListTenantMembersResponse,
  type TenantMemberResponse,
} from '@/lib/contracts/tenancy';
import type { Principal } from '@/lib/server/auth/principal';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';
import { authorize } from '@/lib/server/rbac/authorize';
import { grantOf, type PolicyAction } from '@/lib/server/rbac/policy';
import { addMember, listMembers, removeMember, updateMember } from '@/lib/server/tenants/member-service';

export const dynamic = 'force-dynamic';

function authorizeTenant(principal: Principal, action: PolicyAction, slug: string): void {
  authorize(principal, action, { kind: 'tenant', tenant: slug }, { notFoundMessage: `Tenant "${slug}" not found` });
}

/** Tenant admins must leave their tenant with an admin; platform admins may not need to. */
const keepLastAdmin = (principal: Principal) => !grantOf(principal).platformAdmin;

export const GET = defineRoute({ params: TenantParamsSchema }, async ({ principal, params }): Promise<ListTenantMembersResponse> => {
  authorizeTenant(principal, 'tenant.members.read', params.slug);
  return { items: await listMembers(await getDb(), params.slug) };
});

/** Adds an existing user or invites a new email (an account without a password, plus a one-time invitation link) as admin or viewer. */
export const POST = defineRoute({ params: TenantParamsSchema, body: AddTenantMemberRequestSchema }, async ({ principal, params, body, audit }) => {
  Object.assign(audit, { action: 'member.add', target: { kind: 'TenantMember', name: body.email }, tenant: params.slug });
  authorizeTenant(principal, 'tenant.members.manage', params.slug);
  const result = await addMember(await getDb(), params.slug, body, { invitedBy: principal.userId });
  audit.reason = `${result.invited ? 'invited' : 'added'} ${result.item.email} as ${result.item.role}`;
  return NextResponse.json(result satisfies AddTenantMemberResponse, { status: 201 });
});

export const PATCH = defineRoute({ params: TenantParamsSchema, body: UpdateTenantMemberRequestSchema }, async ({ principal, params, body, audit }): Promise<TenantMemberResponse> => {
  Object.assign(audit, { action: 'member.update', target: { kind: 'TenantMember', name: body.userId }, tenant: params.slug });
  authorizeTenant(principal, 'tenant.members.manage', params.slug);
  const item = await updateMember(await getDb(), params.slug, body.userId, body.role, { keepLastAdmin: keepLastAdmin(principal) });
  Object.assign(audit, { target: { kind: 'TenantMember', name: item.email }, reason: `${item.email} is now ${item.role}` });
  return { item };
});

/** `?userId=` — removes the member's tenant bindings (204). */
export const DELETE = defineRoute({ params: TenantParamsSchema, query: RemoveTenantMemberQuerySchema }, async ({ principal, params, query, audit }) => {
  Object.assign(audit, { action: 'member.remove', target: { kind: 'TenantMember', name: query.userId }, tenant: params.slug });
  authorizeTenant(principal, 'tenant.members.manage', params.slug);
  const member = await removeMember(await getDb(), params.slug, query.userId, { keepLastAdmin: keepLastAdmin(principal) });
  audit.target = { kind: 'TenantMember', name: member.email };
});
