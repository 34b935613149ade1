import { RoleBindingParamsSchema, type AdminRoleBindingResponse } from '@/lib/contracts/admin';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';
import { deleteRoleBinding } from '@/lib/server/rbac/admin-service';
import { authorizePlatform } from '@/lib/server/rbac/authorize';

export const dynamic = 'force-dynamic';

export const DELETE = defineRoute({ params: RoleBindingParamsSchema }, async ({ principal, params, audit }): Promise<AdminRoleBindingResponse> => {
  Object.assign(audit, { action: 'role-binding.delete', target: { kind: 'RoleBinding', name: params.id } });
  authorizePlatform(principal, 'role-binding.manage');
  const item = await deleteRoleBinding(await getDb(), params.id);
  Object.assign(audit, { target: { kind: 'RoleBinding', name: `${item.userEmail} ${item.role}` }, tenant: item.scope.tenant });
  return { item };
});
