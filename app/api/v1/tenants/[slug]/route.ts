import { TenantParamsSchema, type TenantOverview } from '@/lib/contracts/tenancy';
import { getDb } from '@/lib/server/db/client';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { defineRoute } from '@/lib/server/http/route';
import { authorize } from '@/lib/server/rbac/authorize';
import { grantOf, seesWholeHub, tenantRolesOf } from '@/lib/server/rbac/policy';
import { ensureTenantOwnership } from '@/lib/server/tenants/ownership';
import { tenantOverview } from '@/lib/server/tenants/tenant-service';

export const dynamic = 'force-dynamic';

/** A tenant's overview: its namespaces and its own counts (members of the tenant, and ops roles). */
export const GET = defineRoute({ params: TenantParamsSchema }, async ({ principal, params }): Promise<TenantOverview> => {
  authorize(principal, 'tenant.read', { kind: 'tenant', tenant: params.slug }, { notFoundMessage: `Tenant "${params.slug}" not found` });
  const db = await getDb();
  await ensureTenantOwnership(db);
  const grant = grantOf(principal);
  const member = grant.memberTenants.has(params.slug);
  // Members see every hub the tenant is on; ops roles only the hubs their bindings cover.
  const hubVisible = (hub: { name: string; region: string }) => member || seesWholeHub(grant, hub.name, hub.region);
  return tenantOverview(db, getHubManager(), params.slug, tenantRolesOf(principal).get(params.slug) ?? null, hubVisible);
});
