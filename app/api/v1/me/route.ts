import { toMeResponse } from '@/lib/server/auth/me';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';
import { tenantRolesOf } from '@/lib/server/rbac/policy';
import { tenantDisplayNames } from '@/lib/server/tenants/member-service';

export const dynamic = 'force-dynamic';

/** The caller's identity, role bindings and tenants (session or API token). */
export const GET = defineRoute({}, async ({ principal }) => {
  const roles = tenantRolesOf(principal);
  const names = await tenantDisplayNames(await getDb(), [...roles.keys()]);
  const tenants = [...roles]
    .filter(([slug]) => names.has(slug))
    .map(([slug, role]) => ({ slug, displayName: names.get(slug) ?? slug, role }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
  return { ...toMeResponse(principal), tenants };
});
