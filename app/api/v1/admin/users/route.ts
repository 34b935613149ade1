import { NextResponse } from 'next/server';

import { CreateUserRequestSchema, ListUsersQuerySchema, type AdminUserResponse, type ListUsersResponse } from '@/lib/contracts/admin';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';
import { createUser, listUsers } from '@/lib/server/rbac/admin-service';
import { authorizePlatform } from '@/lib/server/rbac/authorize';

export const dynamic = 'force-dynamic';

/** Users with their role bindings (platform admins and auditors). */
export const GET = defineRoute({ query: ListUsersQuerySchema }, async ({ principal, query }): Promise<ListUsersResponse> => {
  authorizePlatform(principal, 'admin.read');
  return listUsers(await getDb(), query);
});

/** Creates a user with an initial password and optional bindings (platform admins). */
export const POST = defineRoute({ body: CreateUserRequestSchema }, async ({ principal, body, audit }) => {
  Object.assign(audit, { action: 'user.create', target: { kind: 'User', name: body.email } });
  authorizePlatform(principal, 'user.manage');
  const item = await createUser(await getDb(), body);
  audit.reason = `created user ${item.email}`;
  return NextResponse.json({ item } satisfies AdminUserResponse, { status: 201 });
});
