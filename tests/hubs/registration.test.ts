/**
 * Hub registration end to end: the admin API against a real simulator hub (its URL, CA and token
 * from the kubeconfig the simulator wrote), the HubManager syncing it, the fleet routes showing it,
 * credentials encrypted at rest and absent from every response and audit row.
 */
import { createServer as createHttpsServer, type Server } from 'node:https';
import { createServer as createNetServer } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import * as adminHubs from '@/app/api/v1/admin/hubs/route';
import * as adminHub from '@/app/api/v1/admin/hubs/[name]/route';
import * as adminHubTest from '@/app/api/v1/admin/hubs/[name]/test/route';
import * as adminTest from '@/app/api/v1/admin/hubs/test/route';
import * as fleetHubs from '@/app/api/v1/hubs/route';
import * as fleetSummary from '@/app/api/v1/fleet/summary/route';
import { AdminHubListResponseSchema, AdminHubResponseSchema, HubTestResultSchema, type AdminHubListResponse, type AdminHubResponse, type HubTestResult } from '@/lib/contracts/hub-admin';
import { decryptCredentials, keyIdOf } from '@/lib/server/hubs/credential-crypto';
import { buildKubeConfig, createHub, listHubs } from '@/lib/server/hubs/registered-hubs';
import { generateTls } from '@/simulator/tls';
import { callRoute, eventually } from '@/tests/fleet/support';

import { startHubsFixture, type HubsFixture, type SimHub } from './support';

let fx: HubsFixture;
let east: SimHub;
let south: SimHub;
/** Every response body of this suite, to prove no credential ever leaves the server. */
const bodies: string[] = [];
const otherTls = generateTls();
const fakes: Server[] = [];

type Handler = Parameters<typeof callRoute>[0];

async function api(handler: Handler, url: string, options: { method?: string; body?: unknown; params?: Record<string, string>; token?: string } = {}) {
  const response = await callRoute(handler, url, { token: options.token ?? fx.tokens.admin, ...options });
  const text = await response.text();
  bodies.push(text);
  return { status: response.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const connection = (hub: SimHub, token = hub.token) => ({ server: hub.server, ca: hub.caPem, credentials: { kind: 'token' as const, token } });
const test = async (body: unknown) => {
  const res = await api(adminTest.POST, '/api/v1/admin/hubs/test', { method: 'POST', body });
  expect(res.status, res.text).toBe(200);
  // What the browser's data layer parses it with.
  return HubTestResultSchema.parse(res.json) as HubTestResult;
};

async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TLS server that is not a (fully permitted) Kubernetes API server, with the other CA's cert. */
async function fakeServer(handler: (path: string) => { status: number; body: string; type?: string }): Promise<string> {
  const server = createHttpsServer({ cert: otherTls.certPem, key: otherTls.keyPem }, (req, res) => {
    const answer = handler(new URL(req.url ?? '/', 'https://x').pathname);
    res.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json' });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fakes.push(server);
  return `https://127.0.0.1:${(server.address() as { port: number }).port}`;
}

beforeAll(async () => {
  fx = await startHubsFixture({ hubs: 2 });
  [east, south] = fx.hubs;
}, 120_000);

afterAll(async () => {
  for (const server of fakes) server.close();
  await fx?.stop();
});

describe('connection test (POST /api/v1/admin/hubs/test)', () => {
  it('passes with the simulator hub’s URL, CA and token: version, node count, KubeEdge', async () => {
    const truth = (await (await fetch(`${fx.simulator.controlUrl}/truth`)).json()) as { hubs: Array<{ name: string; nodes: { total: number } }> };
    const result = await test(connection(south));
    expect(result).toMatchObject({ ok: true, failure: null, kubernetesVersion: 'v1.32.10', access: { nodes: true, pods: true }, kubeedge: true });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    const expectedNodes = truth.hubs.find((hub) => hub.name === south.name)?.nodes.total;
    expect(expectedNodes).toBeGreaterThan(0);
    expect(result.nodeCount).toBe(expectedNodes);
    expect(result.message).toMatch(/^Connected to 127\.0\.0\.1:\d+, Kubernetes v1\.32\.10/);
  });

  it('the read-only token may list: ok', async () => {
    expect(await test(connection(south, south.readOnlyToken))).toMatchObject({ ok: true, access: { nodes: true, pods: true } });
  });

  it('a wrong token is "unauthorized" (401), without the token in the message', async () => {
    const result = await test(connection(south, 'not-the-token-0123456789'));
    expect(result).toMatchObject({ ok: false, failure: 'unauthorized' });
    expect(result.message).toMatch(/401/);
    expect(result.message).not.toContain('not-the-token');
  });

  it('a wrong CA, or none (system trust store), is "tls"', async () => {
    expect(await test({ ...connection(south), ca: otherTls.caPem })).toMatchObject({ ok: false, failure: 'tls' });
    const result = await test({ server: south.server, credentials: { kind: 'token', token: south.token } });
    expect(result).toMatchObject({ ok: false, failure: 'tls' });
    expect(result.message).toMatch(/CA certificate/);
  });

  it('a TLS name that the certificate does not carry is "tls"; one it carries passes', async () => {
    expect(await test({ ...connection(south), tlsServerName: 'api.example.com' })).toMatchObject({ ok: false, failure: 'tls' });
    expect(await test({ ...connection(south), tlsServerName: 'localhost' })).toMatchObject({ ok: true });
  });

  it('a closed port is "unreachable"', async () => {
    const result = await test({ ...connection(south), server: `https://127.0.0.1:${await closedPort()}` });
    expect(result).toMatchObject({ ok: false, failure: 'unreachable', kubernetesVersion: null });
    expect(result.message).toMatch(/ECONNREFUSED/);
  });

  it('credentials that cannot list nodes are "forbidden" (403), with what to grant', async () => {
    const server = await fakeServer((path) =>
      path === '/version'
        ? { status: 200, body: JSON.stringify({ gitVersion: 'v1.30.1' }) }
        : path === '/api/v1/pods'
          ? { status: 200, body: JSON.stringify({ kind: 'PodList', items: [], metadata: {} }) }
          : { status: 403, body: JSON.stringify({ kind: 'Status', status: 'Failure', code: 403, reason: 'Forbidden', message: 'nodes is forbidden' }) },
    );
    const result = await test({ server, ca: otherTls.caPem, credentials: { kind: 'token', token: 'limited-token-xyz' } });
    expect(result).toMatchObject({ ok: false, failure: 'forbidden', kubernetesVersion: 'v1.30.1', access: { nodes: false, pods: true }, nodeCount: null });
    expect(result.message).toMatch(/may not list nodes \(403 Forbidden\)/);
  });

  it('a web server that is not Kubernetes is "not-kubernetes"', async () => {
    const server = await fakeServer(() => ({ status: 200, body: '<html>hello</html>', type: 'text/html' }));
    expect(await test({ server, ca: otherTls.caPem, credentials: { kind: 'token', token: 't0ken' } })).toMatchObject({ ok: false, failure: 'not-kubernetes' });
    const notFoundServer = await fakeServer(() => ({ status: 404, body: 'not found', type: 'text/plain' }));
    expect(await test({ server: notFoundServer, ca: otherTls.caPem, credentials: { kind: 'token', token: 't0ken' } })).toMatchObject({ ok: false, failure: 'not-kubernetes' });
  });

  it('a client certificate is presented to the hub (the simulator accepts only tokens: 401) and its KubeConfig is built right', async () => {
    const credentials = { kind: 'client-certificate' as const, certificate: otherTls.certPem, key: otherTls.keyPem };
    const result = await test({ server: south.server, ca: south.caPem, credentials });
    expect(result).toMatchObject({ ok: false, failure: 'unauthorized' });
    const kc = buildKubeConfig({ name: 'cert-hub', server: south.server, caPem: south.caPem, tlsServerName: 'localhost', credentials });
    const user = kc.getCurrentUser();
    expect(user?.token).toBeUndefined();
    const options: { headers: Record<string, string>; cert?: Buffer; key?: Buffer; ca?: Buffer } = { headers: {} };
    await kc.applyToHTTPSOptions(options);
    expect(options.cert?.toString()).toBe(otherTls.certPem);
    expect(options.key?.toString()).toBe(otherTls.keyPem);
    expect(options.ca?.toString()).toBe(south.caPem);
    expect(options.headers.Authorization).toBeUndefined();
    expect(kc.getCurrentCluster()).toMatchObject({ server: south.server, tlsServerName: 'localhost', skipTLSVerify: false });
  });
});

describe('validation: a 400 names the parameter', () => {
  const cases: Array<[string, unknown, string]> = [
    ['http URL', { server: 'http://127.0.0.1:6443', credentials: { kind: 'token', token: 'x' } }, 'server'],
    ['not a URL', { server: 'nope', credentials: { kind: 'token', token: 'x' } }, 'server'],
    ['URL with credentials', { server: 'https://u:p@127.0.0.1:6443', credentials: { kind: 'token', token: 'x' } }, 'server'],
    ['unknown field', { server: 'https://127.0.0.1:6443', credentials: { kind: 'token', token: 'x' }, insecure: true }, 'insecure'],
    ['unknown credential kind', { server: 'https://127.0.0.1:6443', credentials: { kind: 'password', password: 'x' } }, 'credentials.kind'],
    ['empty token', { server: 'https://127.0.0.1:6443', credentials: { kind: 'token', token: ' ' } }, 'credentials.token'],
    ['a CA that is not PEM', { server: 'https://127.0.0.1:6443', ca: 'hello', credentials: { kind: 'token', token: 'x' } }, 'ca'],
    [
      'a PEM-looking CA that does not parse',
      { server: 'https://127.0.0.1:6443', ca: '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----', credentials: { kind: 'token', token: 'x' } },
      'ca',
    ],
    [
      'a client key that does not parse',
      { server: 'https://127.0.0.1:6443', credentials: { kind: 'client-certificate', certificate: otherTls.certPem, key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' } },
      'credentials.key',
    ],
    [
      'a client key of another certificate',
      { server: 'https://127.0.0.1:6443', credentials: { kind: 'client-certificate', certificate: otherTls.caPem, key: otherTls.keyPem } },
      'credentials.key',
    ],
  ];
  for (const [label, body, param] of cases) {
    it(`${label} → 400 param ${param}`, async () => {
      const res = await api(adminTest.POST, '/api/v1/admin/hubs/test', { method: 'POST', body });
      expect(res.status, res.text).toBe(400);
      expect((res.json?.error as { param?: string }).param).toBe(param);
    });
  }

  it('create: a reserved or malformed name → 400 param name', async () => {
    for (const name of ['test', 'Bad_Name', 'x']) {
      const res = await api(adminHubs.POST, '/api/v1/admin/hubs', { method: 'POST', body: { name, ...connection(south) } });
      expect(res.status, res.text).toBe(400);
      expect((res.json?.error as { param?: string }).param).toBe('name');
    }
  });

  it('PATCH with nothing to change → 400', async () => {
    const res = await api(adminHub.PATCH, `/api/v1/admin/hubs/${east.name}`, { method: 'PATCH', params: { name: east.name }, body: {} });
    expect(res.status).toBe(400);
  });
});

describe('registering, changing and removing a hub', () => {
  it('refuses a failing connection with 422 and stores nothing', async () => {
    const res = await api(adminHubs.POST, '/api/v1/admin/hubs', { method: 'POST', body: { name: south.name, ...connection(south, 'wrong-token-abc') } });
    expect(res.status, res.text).toBe(422);
    expect(res.json?.error).toMatchObject({ code: 'connection_failed' });
    expect((res.json?.error as { message: string }).message).toMatch(/unauthorized/);
    expect(await fx.database.prisma.hub.count()).toBe(0);
    expect(fx.manager.has(south.name)).toBe(false);
  });

  it('registers the simulator hub: 201, synced in the HubManager, shown by /api/v1/hubs and the fleet summary', async () => {
    const res = await api(adminHubs.POST, '/api/v1/admin/hubs', {
      method: 'POST',
      body: { name: south.name, displayName: 'South China', ...connection(south) },
    });
    expect(res.status, res.text).toBe(201);
    const { item, test: result } = AdminHubResponseSchema.parse(res.json) as AdminHubResponse;
    expect(result).toMatchObject({ ok: true });
    expect(item).toMatchObject({
      name: south.name,
      displayName: 'South China',
      source: 'registered',
      kubeconfigFile: null,
      server: south.server,
      credentialKind: 'token',
      problem: null,
      region: null,
      createdBy: fx.adminEmail,
    });
    expect(item.ca?.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const hub = fx.manager.get(south.name);
    expect(hub?.source).toBe('registered');
    expect(await hub?.waitForSync(60_000)).toBe(true);

    await eventually(async () => {
      const hubs = await api(fleetHubs.GET, '/api/v1/hubs');
      expect(hubs.status).toBe(200);
      const entry = (hubs.json?.items as Array<{ name?: string; hub?: string; status: string; source: string }>).find((hub) => (hub.name ?? hub.hub) === south.name);
      expect(entry).toMatchObject({ status: 'connected', source: 'registered' });
    }, 30_000);
    const summary = await api(fleetSummary.GET, '/api/v1/fleet/summary');
    expect(summary.status).toBe(200);
    expect(summary.text).toContain(`"${south.name}"`);
    const truth = (await (await fetch(`${fx.simulator.controlUrl}/truth`)).json()) as { hubs: Array<{ name: string; nodes: { total: number } }> };
    expect(hub?.store.nodes.size).toBe(truth.hubs.find((hub) => hub.name === south.name)?.nodes.total);
  });

  it('stores the credentials encrypted: the raw row has an envelope and no plaintext token anywhere', async () => {
    const rows = await fx.database.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>('SELECT * FROM hubs');
    expect(rows).toHaveLength(1);
    const raw = JSON.stringify(rows[0]);
    expect(raw).not.toContain(south.token);
    expect(raw).not.toContain(Buffer.from(south.token).toString('base64'));
    const envelope = rows[0].encryptedCredentials as string;
    expect(envelope).toMatch(new RegExp(`^v1\\.${keyIdOf(fx.key)}\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]+$`));
    expect(JSON.parse(decryptCredentials(envelope, fx.key, south.name))).toEqual({ kind: 'token', token: south.token });
    expect(rows[0]).toMatchObject({ credentialKind: 'token', server: south.server, caPem: south.caPem.trim(), createdByEmail: fx.adminEmail });
  });

  it('refuses a second hub of the same name (409), naming the kubeconfig file for kubeconfig hubs', async () => {
    const again = await api(adminHubs.POST, '/api/v1/admin/hubs', { method: 'POST', body: { name: south.name, ...connection(south) } });
    expect(again.status).toBe(409);
    const kube = await api(adminHubs.POST, '/api/v1/admin/hubs', { method: 'POST', body: { name: east.name, ...connection(east) } });
    expect(kube.status).toBe(409);
    expect((kube.json?.error as { message: string }).message).toContain(fx.simulator.kubeconfigPath);
  });

  it('lists kubeconfig and registered hubs with server, CA and credential kind, never a secret', async () => {
    const res = await api(adminHubs.GET, '/api/v1/admin/hubs');
    expect(res.status).toBe(200);
    const list = AdminHubListResponseSchema.parse(res.json) as AdminHubListResponse;
    expect(list).toMatchObject({ registrationEnabled: true, registrationDisabledReason: null });
    expect(list.items.map((hub) => `${hub.source}:${hub.name}`)).toEqual([`kubeconfig:${east.name}`, `registered:${south.name}`]);
    const kube = list.items[0];
    expect(kube).toMatchObject({ kubeconfigFile: fx.simulator.kubeconfigPath, server: east.server, credentialKind: 'token', status: 'connected', kubernetesVersion: 'v1.32.10', problem: null });
    expect(kube.ca?.subject).toBeTruthy();
    const one = await api(adminHub.GET, `/api/v1/admin/hubs/${east.name}`, { params: { name: east.name }, token: fx.tokens.readOnlyAdmin });
    expect(one.status).toBe(200);
    expect((await api(adminHub.GET, '/api/v1/admin/hubs/nope', { params: { name: 'nope' } })).status).toBe(404);
    expect((await api(adminHubs.GET, '/api/v1/admin/hubs', { token: fx.tokens.auditor })).status).toBe(200);
  });

  it('tests a stored hub, and a stored hub with a replacement token', async () => {
    const stored = await api(adminHubTest.POST, `/api/v1/admin/hubs/${south.name}/test`, { method: 'POST', params: { name: south.name } });
    expect(stored.json).toMatchObject({ ok: true });
    const replaced = await api(adminHubTest.POST, `/api/v1/admin/hubs/${south.name}/test`, {
      method: 'POST',
      params: { name: south.name },
      body: { credentials: { kind: 'token', token: 'bad-replacement-token' } },
    });
    expect(replaced.json).toMatchObject({ ok: false, failure: 'unauthorized' });
    const kube = await api(adminHubTest.POST, `/api/v1/admin/hubs/${east.name}/test`, { method: 'POST', params: { name: east.name } });
    expect(kube.json).toMatchObject({ ok: true });
    const auditor = await api(adminHubTest.POST, `/api/v1/admin/hubs/${south.name}/test`, { method: 'POST', params: { name: south.name }, token: fx.tokens.auditor });
    expect(auditor.status).toBe(403);
  });

  it('PATCH rotates the credentials (tested first), re-encrypts, and reconnects with the new token', async () => {
    const before = (await fx.database.prisma.hub.findUniqueOrThrow({ where: { name: south.name } })).encryptedCredentials;
    const bad = await api(adminHub.PATCH, `/api/v1/admin/hubs/${south.name}`, {
      method: 'PATCH',
      params: { name: south.name },
      body: { credentials: { kind: 'token', token: 'rotated-but-wrong' } },
    });
    expect(bad.status).toBe(422);
    expect((await fx.database.prisma.hub.findUniqueOrThrow({ where: { name: south.name } })).encryptedCredentials).toBe(before);

    const res = await api(adminHub.PATCH, `/api/v1/admin/hubs/${south.name}`, {
      method: 'PATCH',
      params: { name: south.name },
      body: { credentials: { kind: 'token', token: south.readOnlyToken }, displayName: 'South (viewer)', region: 'south-china' },
    });
    expect(res.status, res.text).toBe(200);
    AdminHubResponseSchema.parse(res.json);
    expect(res.json).toMatchObject({ item: { displayName: 'South (viewer)', region: 'south-china', effectiveRegion: 'south-china', credentialKind: 'token' }, test: { ok: true } });
    const after = (await fx.database.prisma.hub.findUniqueOrThrow({ where: { name: south.name } })).encryptedCredentials;
    expect(after).not.toBe(before);
    expect(JSON.parse(decryptCredentials(after, fx.key, south.name))).toEqual({ kind: 'token', token: south.readOnlyToken });
    const hub = fx.manager.get(south.name);
    expect(hub?.definition.kubeConfig.getCurrentUser()?.token).toBe(south.readOnlyToken);
    expect(hub?.displayName).toBe('South (viewer)');
    expect(await hub?.waitForSync(60_000)).toBe(true);

    const kube = await api(adminHub.PATCH, `/api/v1/admin/hubs/${east.name}`, { method: 'PATCH', params: { name: east.name }, body: { displayName: 'East' } });
    expect(kube.status).toBe(409);
    expect((kube.json?.error as { message: string }).message).toMatch(/defined in kubeconfig file .*edit that file/);
  });

  it('a restart (new HubManager + loadRegisteredHubs) brings the registered hub back', async () => {
    const { loadRegisteredHubs } = await import('@/lib/server/hubs/registered-hubs');
    const manager = fx.newManager();
    const loaded = await loadRegisteredHubs({ ...fx.ctx(), manager });
    expect(loaded).toEqual({ added: [south.name], problems: [] });
    expect(manager.get(south.name)?.source).toBe('registered');
    expect(await manager.get(south.name)?.waitForSync(60_000)).toBe(true);
    await manager.stop();
  });

  it('another OVERLOOK_SECRET_KEY: the hub is skipped with a problem naming both key ids, no crash', async () => {
    const { loadRegisteredHubs } = await import('@/lib/server/hubs/registered-hubs');
    const manager = fx.newManager();
    const wrongKey = Buffer.alloc(32, 7);
    const ctx = { ...fx.ctx({ secretKey: wrongKey }), manager };
    const loaded = await loadRegisteredHubs(ctx);
    expect(loaded.added).toEqual([]);
    expect(loaded.problems[0].problem).toContain(`cannot decrypt with the configured OVERLOOK_SECRET_KEY (key id ${keyIdOf(wrongKey)}, stored with ${keyIdOf(fx.key)})`);
    expect(manager.has(south.name)).toBe(false);
    const list = await listHubs(ctx);
    expect(list.items.find((hub) => hub.name === south.name)).toMatchObject({ source: 'registered', status: null, problem: loaded.problems[0].problem });
    // Without any key: registration disabled, the stored hub is listed with why it is not connected.
    const noKey = { ...fx.ctx({ secretKey: undefined }), manager };
    expect((await loadRegisteredHubs(noKey)).problems[0].problem).toMatch(/OVERLOOK_SECRET_KEY is not set/);
    const disabled = await listHubs(noKey);
    expect(disabled).toMatchObject({ registrationEnabled: false });
    expect(disabled.registrationDisabledReason).toMatch(/OVERLOOK_SECRET_KEY/);
    await expect(createHub(noKey, { name: 'another', ...connection(south), skipConnectionTest: true }, { userId: 'x', email: 'x@y' })).rejects.toMatchObject({
      status: 409,
      code: 'registration_disabled',
    });
    await manager.stop();
  });

  it('a registered name that a kubeconfig context now uses is skipped with a problem; both are listed', async () => {
    const { loadRegisteredHubs } = await import('@/lib/server/hubs/registered-hubs');
    const manager = fx.newManager([east.name, south.name]);
    const ctx = { ...fx.ctx(), manager };
    const loaded = await loadRegisteredHubs(ctx);
    expect(loaded.problems[0]).toMatchObject({ name: south.name });
    expect(loaded.problems[0].problem).toMatch(/^not connected: a context in kubeconfig file .+ already defines hub cn-south; delete this registration or rename that context$/);
    expect(manager.get(south.name)?.source).toBe('kubeconfig');
    const list = await listHubs(ctx);
    expect(list.items.filter((hub) => hub.name === south.name).map((hub) => [hub.source, hub.problem === null])).toEqual([
      ['kubeconfig', true],
      ['registered', false],
    ]);
    await manager.stop();
  });

  it('DELETE removes the hub from the manager, the fleet and the database; kubeconfig hubs → 409', async () => {
    const res = await api(adminHub.DELETE, `/api/v1/admin/hubs/${south.name}`, { method: 'DELETE', params: { name: south.name } });
    expect(res.status, res.text).toBe(204);
    expect(fx.manager.has(south.name)).toBe(false);
    expect(await fx.database.prisma.hub.count()).toBe(0);
    const hubs = await api(fleetHubs.GET, '/api/v1/hubs');
    expect(hubs.text).not.toContain(`"${south.name}"`);
    expect((await api(adminHub.DELETE, `/api/v1/admin/hubs/${south.name}`, { method: 'DELETE', params: { name: south.name } })).status).toBe(404);
    expect((await api(adminHub.DELETE, `/api/v1/admin/hubs/${east.name}`, { method: 'DELETE', params: { name: east.name } })).status).toBe(409);
    expect(fx.manager.has(east.name)).toBe(true);
  });

  it('read-only tokens and non-admins cannot change hubs', async () => {
    const body = { name: 'ro-hub', ...connection(south), skipConnectionTest: true };
    expect((await api(adminHubs.POST, '/api/v1/admin/hubs', { method: 'POST', body, token: fx.tokens.readOnlyAdmin })).status).toBe(403);
    expect((await api(adminHubs.POST, '/api/v1/admin/hubs', { method: 'POST', body, token: fx.tokens.auditor })).status).toBe(403);
    expect(await fx.database.prisma.hub.count()).toBe(0);
  });
});

describe('audit and secrecy', () => {
  it('audited every hub change without secrets (create, failed create, update, delete, denials)', async () => {
    const events = await fx.database.prisma.auditEvent.findMany({ where: { action: { startsWith: 'hub.' } }, orderBy: { id: 'asc' } });
    const summary = events.map((e) => `${e.action} ${e.outcome} ${e.status} ${e.targetKind}:${e.targetName}`);
    expect(summary).toEqual(
      expect.arrayContaining([
        `hub.create failed 422 Hub:${south.name}`,
        `hub.create allowed 201 Hub:${south.name}`,
        `hub.create failed 409 Hub:${east.name}`,
        `hub.update failed 422 Hub:${south.name}`,
        `hub.update allowed 200 Hub:${south.name}`,
        `hub.update failed 409 Hub:${east.name}`,
        `hub.delete allowed 204 Hub:${south.name}`,
        `hub.delete denied 404 Hub:${south.name}`,
        `hub.delete failed 409 Hub:${east.name}`,
        `hub.create denied 403 Hub:ro-hub`,
        `hub.test denied 403 Hub:${south.name}`,
      ]),
    );
    const update = events.find((e) => e.action === 'hub.update' && e.outcome === 'allowed');
    expect(update?.reason).toBe('changed displayName, region, credentials replaced (token)');
    // Successful connection tests are not recorded as mutations.
    expect(events.filter((e) => e.action === 'hub.test' && e.outcome === 'allowed')).toEqual([]);
    const everything = JSON.stringify(await fx.database.prisma.auditEvent.findMany(), (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    for (const secret of [south.token, south.readOnlyToken, east.token, 'rotated-but-wrong', 'wrong-token-abc', 'bad-replacement-token']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('no response body of this suite contained a token or a private key', () => {
    expect(bodies.length).toBeGreaterThan(30);
    const secrets = [south.token, south.readOnlyToken, east.token, 'rotated-but-wrong', 'wrong-token-abc', 'limited-token-xyz', 'not-the-token', 'PRIVATE KEY', otherTls.keyPem.slice(40, 100)];
    for (const body of bodies) for (const secret of secrets) expect(body.includes(secret), `a response contains ${secret.slice(0, 12)}…`).toBe(false);
  });
});

describe('start-up (startFleet)', () => {
  it('connects the kubeconfig hubs, then the registered ones', async () => {
    const { getEnv, resetEnvCache } = await import('@/lib/server/env');
    const { HubManager, getHubManager, setHubManager } = await import('@/lib/server/hubs/hub-manager');
    const { startFleet } = await import('@/lib/server/hubs/start-fleet');
    // A registered hub under its own name, pointing at the second simulator hub.
    await createHub(fx.ctx(), { name: 'sim-south', ...connection(south), skipConnectionTest: false }, { userId: 'nobody', email: 'admin@hubs.test' });
    const previous = getHubManager();
    process.env.OVERLOOK_KUBECONFIG = fx.simulator.kubeconfigPath;
    process.env.OVERLOOK_SIMULATOR = 'off';
    resetEnvCache();
    const manager = new HubManager();
    setHubManager(manager);
    try {
      await startFleet(getEnv());
      expect(manager.list().map((hub) => `${hub.source}:${hub.name}`)).toEqual([`kubeconfig:${east.name}`, `kubeconfig:${south.name}`, 'registered:sim-south']);
      expect(await manager.get('sim-south')?.waitForSync(60_000)).toBe(true);
    } finally {
      await manager.stop();
      setHubManager(previous);
      delete process.env.OVERLOOK_KUBECONFIG;
      delete process.env.OVERLOOK_SIMULATOR;
      resetEnvCache();
      await fx.database.prisma.hub.deleteMany({ where: { name: 'sim-south' } });
    }
  });
});
