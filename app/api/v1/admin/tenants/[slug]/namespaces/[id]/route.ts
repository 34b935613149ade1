import { TenantNamespaceParamsSchema, type TenantResponse } from '@/lib/contracts/tenancy';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';
import { authorizePlatform } from '@/lib/server/rbac/authorize';
import { unassignNamespace } from '@/lib/server/tenants/tenant-service';

export const dynamic = 'force-dynamic';

export const DELETE = defineRoute({ params: TenantNamespaceParamsSchema }, async ({ principal, params, audit }): Promise<TenantResponse> => {
  Object.assign(audit, { action: 'tenant.namespace.unassign', target: { kind: 'TenantNamespace', name: params.id }, tenant: params.slug });
  authorizePlatform(principal, 'tenant.manage');
  return { item: await unassignNamespace(await getDb(), params.slug, params.id) };
});
