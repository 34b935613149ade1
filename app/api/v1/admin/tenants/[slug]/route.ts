import { TenantParamsSchema, UpdateTenantRequestSchema, type TenantResponse } from '@/lib/contracts/tenancy';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';
import { authorizePlatform } from '@/lib/server/rbac/authorize';
import { deleteTenant, getTenant, updateTenant } from '@/lib/server/tenants/tenant-service';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ params: TenantParamsSchema }, async ({ principal, params }): Promise<TenantResponse> => {
  authorizePlatform(principal, 'admin.read');
  return { item: await getTenant(await getDb(), params.slug) };
});

export const PATCH = defineRoute({ params: TenantParamsSchema, body: UpdateTenantRequestSchema }, async ({ principal, params, body, audit }): Promise<TenantResponse> => {
  Object.assign(audit, { action: 'tenant.update', target: { kind: 'Tenant', name: params.slug }, tenant: params.slug });
  authorizePlatform(principal, 'tenant.manage');
  return { item: await updateTenant(await getDb(), params.slug, body) };
});

/** Deletes the tenant, its namespace assignments and its members' tenant bindings (204). */
export const DELETE = defineRoute({ params: TenantParamsSchema }, async ({ principal, params, audit }) => {
  Object.assign(audit, { action: 'tenant.delete', target: { kind: 'Tenant', name: params.slug }, tenant: params.slug });
  authorizePlatform(principal, 'tenant.manage');
  await deleteTenant(await getDb(), params.slug);
});
