import { NextResponse } from 'next/server';

import { AssignNamespaceRequestSchema, TenantParamsSchema, type TenantResponse } from '@/lib/contracts/tenancy';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';
import { authorizePlatform } from '@/lib/server/rbac/authorize';
import { assignNamespace } from '@/lib/server/tenants/tenant-service';

export const dynamic = 'force-dynamic';

/** Assigns a namespace or pattern on a hub (or `*`) to the tenant; 409 when it overlaps another tenant's. */
export const POST = defineRoute({ params: TenantParamsSchema, body: AssignNamespaceRequestSchema }, async ({ principal, params, body, audit }) => {
  Object.assign(audit, {
    action: 'tenant.namespace.assign',
    target: { kind: 'TenantNamespace', hub: body.hub, namespace: body.pattern, name: body.pattern },
    tenant: params.slug,
  });
  authorizePlatform(principal, 'tenant.manage');
  const item = await assignNamespace(await getDb(), params.slug, body);
  return NextResponse.json({ item } satisfies TenantResponse, { status: 201 });
});
