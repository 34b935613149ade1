import { NextResponse } from 'next/server';

import { CreateRoleBindingRequestSchema, ListRoleBindingsQuerySchema, type AdminRoleBindingResponse, type ListRoleBindingsResponse } from '@/lib/contracts/admin';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';
import { createRoleBinding, listRoleBindings } from '@/lib/server/rbac/admin-service';
import { authorizePlatform } from '@/lib/server/rbac/authorize';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ query: ListRoleBindingsQuerySchema }, async ({ principal, query }): Promise<ListRoleBindingsResponse> => {
  authorizePlatform(principal, 'admin.read');
  return { items: await listRoleBindings(await getDb(), query) };
});

export const POST = defineRoute({ body: CreateRoleBindingRequestSchema }, async ({ principal, body, audit }) => {
  Object.assign(audit, { action: 'role-binding.create', target: { kind: 'RoleBinding', name: `${body.email ?? body.userId} ${body.role}` }, tenant: body.scope.tenant ?? null });
  authorizePlatform(principal, 'role-binding.manage');
  const item = await createRoleBinding(await getDb(), body);
  audit.target = { kind: 'RoleBinding', name: `${item.userEmail} ${item.role}` };
  return NextResponse.json({ item } satisfies AdminRoleBindingResponse, { status: 201 });
});
