import { NextResponse } from 'next/server';

import { CreateHubRequestSchema, type AdminHubListResponse, type AdminHubResponse } from '@/lib/contracts/hub-admin';
import { defineRoute } from '@/lib/server/http/route';
import { hubAdminContext } from '@/lib/server/hubs/hub-admin-context';
import { createHub, listHubs } from '@/lib/server/hubs/registered-hubs';
import { authorizePlatform } from '@/lib/server/rbac/authorize';

export const dynamic = 'force-dynamic';

/** Every hub (kubeconfig and registered) with its configuration and live status; never credentials. */
export const GET = defineRoute({}, async ({ principal }): Promise<AdminHubListResponse> => {
  authorizePlatform(principal, 'admin.read');
  return listHubs(await hubAdminContext());
});

/** Registers a hub (connection tested first unless skipConnectionTest); 201 with the hub and the test. */
export const POST = defineRoute({ body: CreateHubRequestSchema }, async ({ principal, body, audit }) => {
  Object.assign(audit, { action: 'hub.create', target: { hub: body.name, kind: 'Hub', name: body.name } });
  authorizePlatform(principal, 'hub.manage');
  const result = await createHub(await hubAdminContext(), body, { userId: principal.userId, email: principal.email });
  audit.reason = `registered hub ${body.name} (${body.server}, credentials: ${body.credentials.kind}${body.skipConnectionTest ? ', connection test skipped' : ''})`;
  return NextResponse.json(result satisfies AdminHubResponse, { status: 201 });
});
