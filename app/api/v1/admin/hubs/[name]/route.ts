import { HubParamsSchema, UpdateHubRequestSchema, type AdminHubResponse } from '@/lib/contracts/hub-admin';
import { defineRoute } from '@/lib/server/http/route';
import { hubAdminContext } from '@/lib/server/hubs/hub-admin-context';
import { deleteHub, describeHubChanges, getHub, updateHub } from '@/lib/server/hubs/registered-hubs';
import { authorizePlatform } from '@/lib/server/rbac/authorize';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ params: HubParamsSchema }, async ({ principal, params }): Promise<AdminHubResponse> => {
  authorizePlatform(principal, 'admin.read');
  return { item: await getHub(await hubAdminContext(), params.name), test: null };
});

/** Changes a registered hub (kubeconfig hubs: 409, edit the file); a changed connection is tested first. */
export const PATCH = defineRoute({ params: HubParamsSchema, body: UpdateHubRequestSchema }, async ({ principal, params, body, audit }): Promise<AdminHubResponse> => {
  Object.assign(audit, { action: 'hub.update', target: { hub: params.name, kind: 'Hub', name: params.name } });
  authorizePlatform(principal, 'hub.manage');
  const result = await updateHub(await hubAdminContext(), params.name, body);
  audit.reason = `changed ${describeHubChanges(body)}${body.skipConnectionTest ? ' (connection test skipped)' : ''}`;
  return result;
});

/** Removes a registered hub: its connection stops and its row (with the credentials) is deleted. 204. */
export const DELETE = defineRoute({ params: HubParamsSchema }, async ({ principal, params, audit }) => {
  Object.assign(audit, { action: 'hub.delete', target: { hub: params.name, kind: 'Hub', name: params.name } });
  authorizePlatform(principal, 'hub.manage');
  await deleteHub(await hubAdminContext(), params.name);
  audit.reason = `deleted hub ${params.name} and its stored credentials`;
});
