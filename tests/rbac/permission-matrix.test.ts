/**
 * The permission matrix: every /api/v1 route (enumerated from the file system, with the methods each
 * route.ts exports) called as every demo account, a read-only API token and no credentials, against
 * in-scope and out-of-scope targets. Asserts the exact status, and that no out-of-scope name appears
 * anywhere in any response body. A new route without a matrix entry fails the first test.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/lib/server/db/client';
import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import { createInvitation } from '@/lib/server/auth/invitations';
import { addMember } from '@/lib/server/tenants/member-service';
import { getTenantOwnership } from '@/lib/server/tenants/ownership';
import { assignNamespace, createTenant } from '@/lib/server/tenants/tenant-service';
import { createRoleBinding, createUser } from '@/lib/server/rbac/admin-service';
import { getEnv } from '@/lib/server/env';
import { createHub, deleteHub } from '@/lib/server/hubs/registered-hubs';

import { ACCOUNT_NAMES, startRbacFixture, type AccountName, type RbacFixture } from './support';

const API_ROOT = path.resolve(process.cwd(), 'app', 'api', 'v1');
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Expect = Record<AccountName, number>;
type Call = { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };
/** One target of one route+method: how to build the call (lazily, per account) and what each account gets. */
type Case = { label: string; call: (account: AccountName) => Call | Promise<Call>; expect: Expect };

function routeFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routeFiles(full));
    else if (entry.name === 'route.ts') found.push(full);
  }
  return found;
}

function templateOf(file: string): string {
  return '/' + path.relative(API_ROOT, path.dirname(file)).split(path.sep).join('/');
}

/** Expectation helpers: `all(s)` for every authenticated account; `none` answers 401 everywhere. */
const all = (status: number, overrides: Partial<Expect> = {}): Expect => ({
  admin: status, ops: status, opsEast: status, alice: status, bob: status, carol: status, readOnly: status, none: 401, ...overrides,
});
const adminOnlyRead: Expect = all(403, { admin: 200, readOnly: 200 });
const adminOnlyWrite = (status: number): Expect => all(403, { admin: status });

let fx: RbacFixture;
let east: HubConnection;
let south: HubConnection;
let north: HubConnection;
const used = new Set<string>();
/** Deployments the matrix restarts or scales: their pods get replaced, so pod cases avoid them. */
const touchedDeployments = new Set<string>();
let counter = 0;
/** Hubs the matrix registered (unreachable, never synced): removed before the next and at the end. */
const matrixHubs = new Set<string>();
async function cleanupMatrixHubs(): Promise<void> {
  for (const name of [...matrixHubs]) {
    matrixHubs.delete(name);
    await deleteHub({ db: await getDb(), manager: fx.fleet.manager, env: getEnv() }, name).catch(() => {});
  }
}
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`;

function tenantOf(hub: HubConnection, namespace: string) {
  return getTenantOwnership().tenantOf(hub.name, namespace);
}

/**
 * A restartable pod (owned by a ReplicaSet) in the namespaces of a simulator tenant (`acme-…`;
 * initech has no Overlook tenant, so its namespaces are unowned), never handed out twice.
 */
function pickPod(hub: HubConnection, tenant: string): { namespace: string; name: string; nodeName: string | null } {
  for (const pod of hub.store.pods.values()) {
    const key = `${hub.name}/${pod.namespace}/${pod.name}`;
    if (used.has(key) || pod.ownerKind !== 'ReplicaSet' || !pod.namespace.startsWith(`${tenant}-`)) continue;
    if ([...touchedDeployments].some((d) => `${hub.name}/${pod.namespace}/${pod.name}`.startsWith(`${d}-`))) continue;
    used.add(key);
    return pod;
  }
  throw new Error(`no unused ${tenant} pod on ${hub.name}`);
}

function pickDeployment(hub: HubConnection, tenant: string): { namespace: string; name: string; desired: number } {
  for (const workload of hub.store.workloads.values()) {
    if (workload.kind !== 'Deployment' || !workload.namespace.startsWith(`${tenant}-`)) continue;
    touchedDeployments.add(`${hub.name}/${workload.namespace}/${workload.name}`);
    return workload as unknown as { namespace: string; name: string; desired: number };
  }
  throw new Error(`no ${tenant} deployment on ${hub.name}`);
}

function tenantsOnNode(hub: HubConnection, node: string): Set<string> {
  const tenants = new Set<string>();
  for (const key of hub.store.podsByNode.get(node) ?? []) {
    const pod = hub.store.pods.get(key);
    const tenant = pod ? tenantOf(hub, pod.namespace) : null;
    if (tenant) tenants.add(tenant);
  }
  return tenants;
}

/** Tenant accounts see a node/datacenter exactly when their tenant has pods there. */
function tenantVisibility(tenants: Set<string>, opsEastSees: boolean, okStatus: number, visibleButRefused?: number): Partial<Expect> {
  const tenantStatus = (tenant: string) => (tenants.has(tenant) ? (visibleButRefused ?? okStatus) : 404);
  return { opsEast: opsEastSees ? okStatus : 404, alice: tenantStatus('acme'), bob: tenantStatus('acme'), carol: tenantStatus('globex') };
}

/** Strings an account must never see (minus whatever its own request named). */
function forbiddenFor(account: AccountName): string[] {
  switch (account) {
    case 'alice':
    case 'bob':
      return ['globex-cameras', 'globex-analytics', 'initech-iot', 'kube-system', 'cn-north', 'globex@', 'carol@'];
    case 'carol':
      return ['acme-retail', 'acme-pos', 'initech-iot', 'kube-system', 'cn-south', 'alice@', 'bob@'];
    case 'opsEast':
      return ['cn-south', 'cn-north', 'initech-iot'];
    default:
      return [];
  }
}

function buildMatrix(): Record<string, Partial<Record<(typeof HTTP_METHODS)[number], Case[]>>> {
  const eastNodeName = [...east.store.podsByNode.keys()].find((node) => {
    const tenants = tenantsOnNode(east, node);
    return tenants.has('acme') && east.store.nodes.has(node);
  });
  if (!eastNodeName) throw new Error('no cn-east node with acme pods');
  const eastNodeTenants = tenantsOnNode(east, eastNodeName);
  const northNodeName = `${north.name}-master-1`;
  if (!north.store.nodes.has(northNodeName)) throw new Error(`no node ${northNodeName}`);
  const northZone = [...north.store.datacenters.keys()][0];
  const northDcTenants = new Set<string>();
  for (const node of north.store.datacenters.get(northZone)?.nodeNames ?? []) for (const t of tenantsOnNode(north, node)) northDcTenants.add(t);
  const eastZone = east.store.nodes.get(eastNodeName)?.zone;
  if (!eastZone) throw new Error('east node has no zone');
  const eastDcTenants = new Set<string>();
  for (const node of east.store.datacenters.get(eastZone)?.nodeNames ?? []) for (const t of tenantsOnNode(east, node)) eastDcTenants.add(t);

  const node = (hub: HubConnection, name: string) => () => ({ params: { hub: hub.name, name } });
  const pod = (hub: HubConnection, tenant: string) => () => {
    const picked = pickPod(hub, tenant);
    return { params: { hub: hub.name, namespace: picked.namespace, name: picked.name } };
  };
  const deployment = (hub: HubConnection, tenant: string, body?: (d: { desired: number }) => unknown) => () => {
    const picked = pickDeployment(hub, tenant);
    return { params: { hub: hub.name, namespace: picked.namespace, name: picked.name }, body: body?.(picked) };
  };
  // One pod per case, chosen when the case first runs (after earlier cases restarted what they restart).
  const podGet = (hub: HubConnection, tenant: string) => {
    let picked: { namespace: string; name: string } | null = null;
    return () => {
      picked ??= pickPod(hub, tenant);
      return { params: { hub: hub.name, namespace: picked.namespace, name: picked.name } };
    };
  };
  const nodeMutation = (status: number): Case[] => [
    { label: 'cn-east node with acme pods', call: node(east, eastNodeName), expect: all(status, { readOnly: 403, ...tenantVisibility(eastNodeTenants, true, status, 403) }) },
    { label: 'cn-north master', call: node(north, northNodeName), expect: all(status, { readOnly: 403, opsEast: 404, alice: 404, bob: 404, carol: 404 }) },
  ];
  const podMutation: Case[] = [
    { label: 'acme pod on cn-east', call: pod(east, 'acme'), expect: all(202, { readOnly: 403, bob: 403, carol: 404 }) },
    { label: 'initech pod on cn-south', call: pod(south, 'initech'), expect: all(202, { readOnly: 403, opsEast: 404, alice: 404, bob: 404, carol: 404 }) },
  ];
  const deploymentMutation = (body?: (d: { desired: number }) => unknown): Case[] => [
    { label: 'acme deployment on cn-east', call: deployment(east, 'acme', body), expect: all(202, { readOnly: 403, bob: 403, carol: 404 }) },
    { label: 'globex deployment on cn-north', call: deployment(north, 'globex', body), expect: all(202, { readOnly: 403, opsEast: 404, alice: 404, bob: 404 }) },
  ];
  const list: Case[] = [{ label: 'list', call: () => ({}), expect: all(200) }];
  const db = () => getDb();
  const throwawayUser = async () => (await createUser(await db(), { email: `${unique('u')}@matrix.test`, name: 'Matrix', password: 'matrix-password-1', locale: 'en', bindings: [] })).id;
  const throwawayTenant = async () => {
    const slug = unique('tmp');
    await createTenant(await db(), { slug, displayName: slug, description: '', namespaces: [] });
    return slug;
  };
  const invitedUser = async () => (await addMember(await db(), 'acme', { email: `${unique('i')}@matrix.test`, role: 'tenant-viewer' })).item.userId;
  const invitationToken = async () => (await createInvitation(await db(), await invitedUser(), null)).path.replace('/invite/', '');
  const acmeMember = async () => (await addMember(await db(), 'acme', { email: `${unique('m')}@acme.test`, role: 'tenant-viewer' })).item.userId;
  const tenantRead = (slug: 'acme' | 'globex', status = 200): Expect =>
    all(status, slug === 'acme' ? { carol: 404 } : { alice: 404, bob: 404 });
  const memberWrite = (status: number): Expect => all(403, { admin: status, alice: status, carol: 404, none: 401 });
  // Registered hubs point at a closed port (connection test skipped), so they never add fleet data;
  // each one is deleted again before the next is made and after the matrix (cleanupMatrixHubs).
  const hubContext = async () => ({ db: await db(), manager: fx.fleet.manager, env: getEnv() });
  const unreachableHub = () => ({ server: 'https://127.0.0.1:9', credentials: { kind: 'token' as const, token: 'matrix-hub-token' } });
  const throwawayHub = async () => {
    await cleanupMatrixHubs();
    const name = unique('mx').toLowerCase();
    await createHub(await hubContext(), { name, displayName: name, ...unreachableHub(), skipConnectionTest: true }, { userId: fx.userIds.admin, email: 'admin@overlook.demo' });
    matrixHubs.add(name);
    return name;
  };
  const newHubName = async () => {
    await cleanupMatrixHubs();
    const name = unique('mx').toLowerCase();
    matrixHubs.add(name);
    return name;
  };

  return {
    '/me': { GET: list },
    '/tokens': {
      GET: list,
      POST: [{ label: 'tokens cannot mint tokens', call: () => ({ body: { name: 'x', scopes: ['read'] } }), expect: all(403) }],
    },
    '/tokens/[id]': { DELETE: [{ label: 'unknown token', call: () => ({ params: { id: 'no-such-token' } }), expect: all(404, { readOnly: 403 }) }] },
    '/hubs': { GET: list },
    '/fleet/summary': { GET: list },
    '/datacenters': { GET: list },
    '/datacenters/[id]': {
      GET: [
        { label: 'cn-east datacenter', call: () => ({ params: { id: `${east.name}:${eastZone}` } }), expect: all(200, tenantVisibility(eastDcTenants, true, 200)) },
        { label: 'cn-north datacenter', call: () => ({ params: { id: `${north.name}:${northZone}` } }), expect: all(200, tenantVisibility(northDcTenants, false, 200)) },
      ],
    },
    '/nodes': { GET: list },
    '/pods': { GET: list },
    '/workloads': { GET: list },
    '/stream': { GET: [{ label: 'stream', call: () => ({}), expect: all(200) }] },
    '/hubs/[hub]/nodes/[name]': {
      GET: [
        { label: 'cn-east node with acme pods', call: node(east, eastNodeName), expect: all(200, tenantVisibility(eastNodeTenants, true, 200)) },
        { label: 'cn-north master', call: node(north, northNodeName), expect: all(200, { opsEast: 404, alice: 404, bob: 404, carol: 404 }) },
      ],
    },
    '/hubs/[hub]/nodes/[name]/cordon': { POST: nodeMutation(202) },
    '/hubs/[hub]/nodes/[name]/uncordon': { POST: nodeMutation(202) },
    '/hubs/[hub]/namespaces/[namespace]/pods/[name]': {
      GET: [
        { label: 'acme pod on cn-east', call: podGet(east, 'acme'), expect: all(200, { carol: 404 }) },
        { label: 'globex pod on cn-east', call: podGet(east, 'globex'), expect: all(200, { alice: 404, bob: 404 }) },
        { label: 'initech pod on cn-south', call: podGet(south, 'initech'), expect: all(200, { opsEast: 404, alice: 404, bob: 404, carol: 404 }) },
      ],
      DELETE: podMutation,
    },
    '/hubs/[hub]/namespaces/[namespace]/deployments/[name]/restart': { POST: deploymentMutation() },
    '/hubs/[hub]/namespaces/[namespace]/deployments/[name]/scale': { POST: deploymentMutation((d) => ({ replicas: d.desired })) },
    '/admin/users': {
      GET: [{ label: 'users', call: () => ({}), expect: adminOnlyRead }],
      POST: [{ label: 'create', call: () => ({ body: { email: `${unique('new')}@matrix.test`, name: 'New', password: 'matrix-password-1' } }), expect: adminOnlyWrite(201) }],
    },
    '/admin/users/[id]': {
      GET: [{ label: 'alice', call: () => ({ params: { id: fx.userIds.alice } }), expect: adminOnlyRead }],
      PATCH: [{ label: 'throwaway', call: async () => ({ params: { id: await throwawayUser() }, body: { name: 'Renamed' } }), expect: adminOnlyWrite(200) }],
    },
    '/admin/users/[id]/password': {
      POST: [{ label: 'throwaway', call: async () => ({ params: { id: await throwawayUser() }, body: { password: 'another-password-1' } }), expect: adminOnlyWrite(200) }],
    },
    '/admin/users/[id]/invitation': {
      POST: [{ label: 'invited user', call: async () => ({ params: { id: await invitedUser() } }), expect: adminOnlyWrite(201) }],
    },
    '/admin/tenants': {
      GET: [{ label: 'tenants', call: () => ({}), expect: adminOnlyRead }],
      POST: [{ label: 'create', call: () => ({ body: { slug: unique('t'), displayName: 'T' } }), expect: adminOnlyWrite(201) }],
    },
    '/admin/tenants/preview': { GET: [{ label: 'acme-*', call: () => ({ query: { pattern: 'acme-*' } }), expect: adminOnlyRead }] },
    '/admin/tenants/[slug]': {
      GET: [{ label: 'acme', call: () => ({ params: { slug: 'acme' } }), expect: adminOnlyRead }],
      PATCH: [{ label: 'acme', call: () => ({ params: { slug: 'acme' }, body: { description: 'Retail stores' } }), expect: adminOnlyWrite(200) }],
      DELETE: [{ label: 'throwaway', call: async () => ({ params: { slug: await throwawayTenant() } }), expect: adminOnlyWrite(204) }],
    },
    '/admin/tenants/[slug]/namespaces': {
      POST: [{ label: 'throwaway', call: async () => ({ params: { slug: await throwawayTenant() }, body: { hub: '*', pattern: `${unique('ns')}-*` } }), expect: adminOnlyWrite(201) }],
    },
    '/admin/tenants/[slug]/namespaces/[id]': {
      DELETE: [
        {
          label: 'throwaway',
          call: async () => {
            const slug = await throwawayTenant();
            const tenant = await assignNamespace(await db(), slug, { hub: '*', pattern: `${unique('ns')}-*` });
            return { params: { slug, id: tenant.namespaces[0].id } };
          },
          expect: adminOnlyWrite(200),
        },
      ],
    },
    '/admin/role-bindings': {
      GET: [{ label: 'bindings', call: () => ({}), expect: adminOnlyRead }],
      POST: [{ label: 'throwaway', call: async () => ({ body: { userId: await throwawayUser(), role: 'auditor' } }), expect: adminOnlyWrite(201) }],
    },
    '/admin/role-bindings/[id]': {
      DELETE: [
        {
          label: 'throwaway',
          call: async () => {
            const binding = await createRoleBinding(await db(), { userId: await throwawayUser(), role: 'auditor', scope: { hubs: [], regions: [] } });
            return { params: { id: binding.id } };
          },
          expect: adminOnlyWrite(200),
        },
      ],
    },
    '/admin/hubs': {
      GET: [{ label: 'hubs', call: () => ({}), expect: adminOnlyRead }],
      POST: [{ label: 'unreachable, test skipped', call: async () => ({ body: { name: await newHubName(), ...unreachableHub(), skipConnectionTest: true } }), expect: adminOnlyWrite(201) }],
    },
    '/admin/hubs/test': { POST: [{ label: 'closed port', call: () => ({ body: unreachableHub() }), expect: adminOnlyWrite(200) }] },
    '/admin/hubs/[name]': {
      GET: [{ label: 'cn-east (kubeconfig)', call: () => ({ params: { name: 'cn-east' } }), expect: adminOnlyRead }],
      PATCH: [{ label: 'throwaway', call: async () => ({ params: { name: await throwawayHub() }, body: { displayName: 'Renamed' } }), expect: adminOnlyWrite(200) }],
      DELETE: [{ label: 'throwaway', call: async () => ({ params: { name: await throwawayHub() } }), expect: adminOnlyWrite(204) }],
    },
    '/admin/hubs/[name]/test': { POST: [{ label: 'throwaway', call: async () => ({ params: { name: await throwawayHub() } }), expect: adminOnlyWrite(200) }] },
    '/tenants/[slug]': {
      GET: [
        { label: 'acme', call: () => ({ params: { slug: 'acme' } }), expect: tenantRead('acme') },
        { label: 'globex', call: () => ({ params: { slug: 'globex' } }), expect: tenantRead('globex') },
      ],
    },
    '/tenants/[slug]/members': {
      GET: [
        { label: 'acme', call: () => ({ params: { slug: 'acme' } }), expect: tenantRead('acme') },
        { label: 'globex', call: () => ({ params: { slug: 'globex' } }), expect: tenantRead('globex') },
      ],
      POST: [{ label: 'acme', call: () => ({ params: { slug: 'acme' }, body: { email: `${unique('inv')}@acme.test`, role: 'tenant-viewer' } }), expect: memberWrite(201) }],
      PATCH: [{ label: 'acme', call: async () => ({ params: { slug: 'acme' }, body: { userId: await acmeMember(), role: 'tenant-admin' } }), expect: memberWrite(200) }],
      DELETE: [{ label: 'acme', call: async () => ({ params: { slug: 'acme' }, query: { userId: await acmeMember() } }), expect: memberWrite(204) }],
    },
    '/tenants/[slug]/members/[userId]/invitation': {
      POST: [{ label: 'acme invited member', call: async () => ({ params: { slug: 'acme', userId: await acmeMember() } }), expect: memberWrite(201) }],
    },
    // Public: whoever holds the link, signed in or not, gets the same answer (a fresh link per call).
    '/invitations/[token]': {
      GET: [{ label: 'fresh link', call: async () => ({ params: { token: await invitationToken() } }), expect: all(200, { none: 200 }) }],
      POST: [{ label: 'fresh link', call: async () => ({ params: { token: await invitationToken() }, body: { password: 'matrix-password-1' } }), expect: all(204, { none: 204 }) }],
    },
    '/audit': { GET: [{ label: 'audit', call: () => ({}), expect: all(403, { admin: 200, readOnly: 200, alice: 200, carol: 200 }) }] },
    '/audit/export.csv': { GET: [{ label: 'csv', call: () => ({}), expect: all(403, { admin: 200, readOnly: 200, alice: 200, carol: 200 }) }] },
  };
}

async function call(template: string, method: string, handler: Handler, account: AccountName, spec: Call): Promise<{ status: number; text: string; url: string }> {
  let url = `/api/v1${template}`;
  for (const [key, value] of Object.entries(spec.params ?? {})) url = url.replace(`[${key}]`, encodeURIComponent(value));
  const query = new URLSearchParams(spec.query ?? {}).toString();
  if (query) url += `?${query}`;
  const headers: Record<string, string> = { 'x-forwarded-for': '203.0.113.7', 'user-agent': 'permission-matrix' };
  const token = fx.tokens[account];
  if (token) headers.authorization = `Bearer ${token}`;
  if (spec.body !== undefined) headers['content-type'] = 'application/json';
  const abort = new AbortController();
  const req = new NextRequest(new URL(url, 'http://localhost:3000'), {
    method,
    headers,
    body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
    signal: abort.signal,
  });
  const response = await handler(req, { params: Promise.resolve(spec.params ?? {}) });
  let text: string;
  if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream') && response.body) {
    // Read the stream's first events (hello + the snapshot-like ticks) for a moment, then hang up.
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    text = '';
    const deadline = Date.now() + 1_500;
    while (Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now()))]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    abort.abort();
    await reader.cancel().catch(() => {});
  } else {
    text = await response.text();
  }
  return { status: response.status, text, url: `${method} ${url} ${JSON.stringify(spec.body ?? '')}` };
}

beforeAll(async () => {
  fx = await startRbacFixture();
  const hub = (name: string) => {
    const found = fx.fleet.manager.get(name);
    if (!found) throw new Error(`hub ${name} missing`);
    return found;
  };
  east = hub('cn-east');
  south = hub('cn-south');
  north = hub('cn-north');
}, 120_000);

afterAll(async () => {
  if (fx) await cleanupMatrixHubs();
  await fx?.stop();
});

describe('permission matrix', () => {
  it('has an entry for every route and every exported method', async () => {
    const matrix = buildMatrix();
    const missing: string[] = [];
    for (const file of routeFiles(API_ROOT)) {
      const template = templateOf(file);
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of HTTP_METHODS) {
        if (typeof mod[method] !== 'function') continue;
        if (!matrix[template]?.[method]?.length) missing.push(`${method} ${template}`);
      }
    }
    expect(missing, 'routes without a permission-matrix entry').toEqual([]);
  });

  it('answers every route, account and target with the expected status and leaks nothing', async () => {
    const matrix = buildMatrix();
    const failures: string[] = [];
    const leaks: string[] = [];
    for (const file of routeFiles(API_ROOT)) {
      const template = templateOf(file);
      const mod = (await import(file)) as Record<string, Handler>;
      for (const method of HTTP_METHODS) {
        const handler = mod[method];
        if (typeof handler !== 'function') continue;
        for (const entry of matrix[template]?.[method] ?? []) {
          // Refusals first (all accounts at once), then the accounts that succeed, so a successful
          // mutation never changes what another account is refused.
          const refused = ACCOUNT_NAMES.filter((account) => entry.expect[account] >= 300);
          const allowed = ACCOUNT_NAMES.filter((account) => entry.expect[account] < 300);
          for (const group of [refused, allowed]) {
            await Promise.all(
              group.map(async (account) => {
                const spec = await entry.call(account);
                const result = await call(template, method, handler, account, spec);
                if (result.status !== entry.expect[account]) {
                  failures.push(`${account} ${result.url} [${entry.label}] → ${result.status}, expected ${entry.expect[account]}: ${result.text.slice(0, 160)}`);
                }
                for (const word of forbiddenFor(account)) {
                  if (result.url.includes(word)) continue;
                  if (result.text.includes(word)) {
                    const at = result.text.indexOf(word);
                    leaks.push(`${account} ${result.url} [${entry.label}] shows "${word}": …${result.text.slice(Math.max(0, at - 200), at + 80)}…`);
                  }
                }
              }),
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(leaks).toEqual([]);
  }, 180_000);

  it('audited the matrix: Alice’s pod restart (allowed, filed under acme), Bob’s refusal, out-of-scope attempts', async () => {
    const db = await getDb();
    const events = await db.auditEvent.findMany({ where: { action: 'pod.restart' } });
    const alice = events.find((e) => e.actorEmail === 'alice@acme.demo' && e.outcome === 'allowed');
    expect(alice).toMatchObject({ tenant: 'acme', targetHub: 'cn-east', targetKind: 'Pod', status: 202, clientIp: '203.0.113.7', userAgent: 'permission-matrix' });
    expect(alice?.targetNamespace).toMatch(/^acme-/);
    expect(events.find((e) => e.actorEmail === 'bob@acme.demo')).toMatchObject({ outcome: 'denied', status: 403, tenant: 'acme' });
    expect(events.find((e) => e.actorEmail === 'carol@globex.demo' && e.targetNamespace?.startsWith('acme-'))).toMatchObject({ outcome: 'denied', status: 404, tenant: null });
    expect(events.find((e) => e.actorEmail === 'ops-east@overlook.demo' && e.targetHub === 'cn-south')).toMatchObject({ outcome: 'denied', status: 404 });
  });
});
