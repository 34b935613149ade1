import { ResetPasswordRequestSchema, UserParamsSchema, type AdminUserResponse } from '@/lib/contracts/admin';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';
import { resetPassword } from '@/lib/server/rbac/admin-service';
import { authorizePlatform } from '@/lib/server/rbac/authorize';

export const dynamic = 'force-dynamic';

/** Sets a new password (also activates an invited user and clears a sign-in lockout). */
export const POST = defineRoute({ params: UserParamsSchema, body: ResetPasswordRequestSchema }, async ({ principal, params, body, audit }): Promise<AdminUserResponse> => {
  Object.assign(audit, { action: 'user.password-reset', target: { kind: 'User', name: params.id } });
  authorizePlatform(principal, 'user.manage');
  const item = await resetPassword(await getDb(), params.id, body.password);
  audit.target = { kind: 'User', name: item.email };
  return { item };
});
