import { HubParamsSchema, TestStoredHubRequestSchema, type HubTestResult } from '@/lib/contracts/hub-admin';
import { defineRoute } from '@/lib/server/http/route';
import { hubAdminContext } from '@/lib/server/hubs/hub-admin-context';
import { testStoredHub } from '@/lib/server/hubs/registered-hubs';
import { authorizePlatform } from '@/lib/server/rbac/authorize';

export const dynamic = 'force-dynamic';

/** Tests a hub's stored connection, optionally with some fields replaced (the edit form). 200 either way. */
export const POST = defineRoute({ params: HubParamsSchema, body: TestStoredHubRequestSchema.optional() }, async ({ principal, params, body, audit }): Promise<HubTestResult> => {
  Object.assign(audit, { action: 'hub.test', target: { hub: params.name, kind: 'Hub', name: params.name } });
  authorizePlatform(principal, 'hub.manage');
  audit.record = false;
  return testStoredHub(await hubAdminContext(), params.name, body ?? {});
});
