import { TenantPreviewQuerySchema, type TenantPreviewResponse } from '@/lib/contracts/tenancy';
import { getDb } from '@/lib/server/db/client';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { defineRoute } from '@/lib/server/http/route';
import { authorizePlatform } from '@/lib/server/rbac/authorize';
import { ensureTenantOwnership } from '@/lib/server/tenants/ownership';
import { previewAssignment } from '@/lib/server/tenants/tenant-service';

export const dynamic = 'force-dynamic';

/** Namespaces a hub/pattern matches right now (from the watch caches), with their current owner. */
export const GET = defineRoute({ query: TenantPreviewQuerySchema }, async ({ principal, query }): Promise<TenantPreviewResponse> => {
  authorizePlatform(principal, 'admin.read');
  await ensureTenantOwnership(await getDb());
  return previewAssignment(getHubManager(), query);
});
