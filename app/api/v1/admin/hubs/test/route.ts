import { TestHubRequestSchema, type HubTestResult } from '@/lib/contracts/hub-admin';
import { defineRoute } from '@/lib/server/http/route';
import { testConnection } from '@/lib/server/hubs/registered-hubs';
import { authorizePlatform } from '@/lib/server/rbac/authorize';

export const dynamic = 'force-dynamic';

/** Tests a connection before saving; nothing is stored. 200 whether or not the test passes. */
export const POST = defineRoute({ body: TestHubRequestSchema }, async ({ principal, body, audit }): Promise<HubTestResult> => {
  Object.assign(audit, { action: 'hub.test', target: { kind: 'Hub', name: null } });
  authorizePlatform(principal, 'hub.manage');
  // A test changes nothing: only its refusals are audited (defineRoute records those).
  audit.record = false;
  return testConnection(body);
});
