import { NextResponse } from 'next/server';

import { CreateTenantRequestSchema, type ListTenantsResponse, type TenantResponse } from '@/lib/contracts/tenancy';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';
import { authorizePlatform } from '@/lib/server/rbac/authorize';
import { createTenant, listTenants } from '@/lib/server/tenants/tenant-service';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({}, async ({ principal }): Promise<ListTenantsResponse> => {
  authorizePlatform(principal, 'admin.read');
  return { items: await listTenants(await getDb()) };
});

/** Creates a tenant, optionally with namespace assignments (409 when one overlaps another tenant's). */
export const POST = defineRoute({ body: CreateTenantRequestSchema }, async ({ principal, body, audit }) => {
  Object.assign(audit, { action: 'tenant.create', target: { kind: 'Tenant', name: body.slug }, tenant: body.slug });
  authorizePlatform(principal, 'tenant.manage');
  const item = await createTenant(await getDb(), body);
  return NextResponse.json({ item } satisfies TenantResponse, { status: 201 });
});
