/**
 * Kubernetes impersonation on mutations (OVERLOOK_IMPERSONATE_HUBS=cn-east): mutations on cn-east
 * reach the (simulated) hub with Impersonate-User = the caller's email and Impersonate-Group =
 * overlook:<role> for the bindings covering the target; other hubs get no impersonation; the hub's
 * own 403 (the simulator treats group overlook:tenant-viewer as read-only) reaches the caller as a
 * plain 403. Reads are never impersonated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import * as cordonRoute from '@/app/api/v1/hubs/[hub]/nodes/[name]/cordon/route';
import * as uncordonRoute from '@/app/api/v1/hubs/[hub]/nodes/[name]/uncordon/route';
import * as podRoute from '@/app/api/v1/hubs/[hub]/namespaces/[namespace]/pods/[name]/route';
import { createApiToken } from '@/lib/server/auth/token-service';
import { getDb } from '@/lib/server/db/client';
import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import { createRoleBinding, createUser } from '@/lib/server/rbac/admin-service';
import { callRoute } from '@/tests/fleet/support';

type RouteModuleHandler = Parameters<typeof callRoute>[0];

import { startRbacFixture, type RbacFixture } from './support';

interface ImpersonationRecord { method: string; path: string; by: string; user: string; groups: string[] }

let fx: RbacFixture;
let east: HubConnection;
let north: HubConnection;
const previous = process.env.OVERLOOK_IMPERSONATE_HUBS;

async function impersonations(hub: string): Promise<ImpersonationRecord[]> {
  const response = await fetch(`${fx.fleet.simulator.controlUrl}/hubs/${hub}/impersonations`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: ImpersonationRecord[] }).items;
}

function podOf(hub: HubConnection, prefix: string): { namespace: string; name: string } {
  const pod = [...hub.store.pods.values()].find((candidate) => candidate.namespace.startsWith(prefix) && candidate.ownerKind !== null);
  if (!pod) throw new Error(`no ${prefix}* pod on ${hub.name}`);
  return { namespace: pod.namespace, name: pod.name };
}

beforeAll(async () => {
  process.env.OVERLOOK_IMPERSONATE_HUBS = 'cn-east';
  fx = await startRbacFixture();
  east = fx.fleet.manager.get('cn-east')!;
  north = fx.fleet.manager.get('cn-north')!;
}, 120_000);

afterAll(async () => {
  await fx?.stop();
  if (previous === undefined) delete process.env.OVERLOOK_IMPERSONATE_HUBS;
  else process.env.OVERLOOK_IMPERSONATE_HUBS = previous;
});

describe('impersonation', () => {
  it('reads (the watch caches) are never impersonated', async () => {
    expect(east.store.nodes.size).toBeGreaterThan(0);
    expect(await impersonations('cn-east')).toEqual([]);
  });

  it('an operator’s cordon on cn-east carries Impersonate-User and Impersonate-Group: overlook:operator', async () => {
    const node = [...east.store.nodes.values()][0]!.name;
    const params = { hub: 'cn-east', name: node };
    const response = await callRoute(cordonRoute.POST as RouteModuleHandler, `/api/v1/hubs/cn-east/nodes/${node}/cordon`, { method: 'POST', token: fx.tokens.opsEast, params });
    expect(response.status).toBe(202);
    const records = await impersonations('cn-east');
    expect(records.at(-1)).toMatchObject({ method: 'PATCH', path: `/api/v1/nodes/${node}`, by: 'overlook-admin', user: 'ops-east@overlook.demo', groups: ['overlook:operator'] });
    await callRoute(uncordonRoute.POST as RouteModuleHandler, `/api/v1/hubs/cn-east/nodes/${node}/uncordon`, { method: 'POST', token: fx.tokens.opsEast, params });
  });

  it('a tenant admin’s pod restart carries overlook:tenant-admin and overlook:tenant:acme', async () => {
    const pod = podOf(east, 'acme-');
    const params = { hub: 'cn-east', ...pod };
    const response = await callRoute(podRoute.DELETE as RouteModuleHandler, `/api/v1/hubs/cn-east/namespaces/${pod.namespace}/pods/${pod.name}`, { method: 'DELETE', token: fx.tokens.alice, params });
    expect(response.status).toBe(202);
    expect((await impersonations('cn-east')).at(-1)).toMatchObject({ method: 'DELETE', user: 'alice@acme.demo', groups: ['overlook:tenant-admin', 'overlook:tenant:acme'] });
  });

  it('hubs not listed get no impersonation headers', async () => {
    const node = [...north.store.nodes.values()][0]!.name;
    const params = { hub: 'cn-north', name: node };
    const response = await callRoute(cordonRoute.POST as RouteModuleHandler, `/api/v1/hubs/cn-north/nodes/${node}/cordon`, { method: 'POST', token: fx.tokens.admin, params });
    expect(response.status).toBe(202);
    await callRoute(uncordonRoute.POST as RouteModuleHandler, `/api/v1/hubs/cn-north/nodes/${node}/uncordon`, { method: 'POST', token: fx.tokens.admin, params });
    expect(await impersonations('cn-north')).toEqual([]);
  });

  it('the hub’s own 403 for the impersonated identity is passed through as a plain 403', async () => {
    // Overlook allows this (operator of cn-east); the hub refuses it (group overlook:tenant-viewer).
    const db = await getDb();
    const user = await createUser(db, { email: 'ops-viewer@impersonation.test', name: 'Ops viewer', password: 'impersonation-pw-1', locale: 'en', bindings: [] });
    await createRoleBinding(db, { userId: user.id, role: 'operator', scope: { hubs: ['cn-east'], regions: [] } });
    await createRoleBinding(db, { userId: user.id, role: 'tenant-viewer', scope: { hubs: [], regions: [], tenant: 'acme' } });
    const token = (await createApiToken(db, user.id, { name: 'impersonation', scopes: ['read', 'write'] })).token;
    const pod = podOf(east, 'acme-');
    const response = await callRoute(podRoute.DELETE as RouteModuleHandler, `/api/v1/hubs/cn-east/namespaces/${pod.namespace}/pods/${pod.name}`, { method: 'DELETE', token, params: { hub: 'cn-east', ...pod } });
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).toContain('Hub cn-east refused');
    expect(text).toContain('ops-viewer@impersonation.test');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect((await impersonations('cn-east')).at(-1)).toMatchObject({ user: 'ops-viewer@impersonation.test', groups: ['overlook:operator', 'overlook:tenant-viewer', 'overlook:tenant:acme'] });
  });
});
