import { UpdateUserRequestSchema, UserParamsSchema, type AdminUserResponse } from '@/lib/contracts/admin';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';
import { getUser, updateUser } from '@/lib/server/rbac/admin-service';
import { authorizePlatform } from '@/lib/server/rbac/authorize';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ params: UserParamsSchema }, async ({ principal, params }): Promise<AdminUserResponse> => {
  authorizePlatform(principal, 'admin.read');
  return { item: await getUser(await getDb(), params.id) };
});

/** Rename, change locale, disable or enable a user. */
export const PATCH = defineRoute({ params: UserParamsSchema, body: UpdateUserRequestSchema }, async ({ principal, params, body, audit }): Promise<AdminUserResponse> => {
  const action = body.disabled === true ? 'user.disable' : body.disabled === false ? 'user.enable' : 'user.update';
  Object.assign(audit, { action, target: { kind: 'User', name: params.id } });
  authorizePlatform(principal, 'user.manage');
  const item = await updateUser(await getDb(), params.id, body, principal.userId);
  audit.target = { kind: 'User', name: item.email };
  return { item };
});
