/**
 * Fleet benchmark: the console's watch caches and API against the simulator at `large` scale
 * (10 hubs, 10,000 edge nodes, 200,000 pods), on this machine.
 *
 *   npm run bench:fleet [-- --churn 1 --duration 10 --connections 32 --scale large]
 *
 * Measures: initial sync of all hubs; process memory after sync (per node/pod); p50/p99 latency of
 * GET /api/v1/fleet/summary and a filtered, sorted GET /api/v1/nodes?limit=100 page at 32 concurrent
 * clients (autocannon in a child process, API token auth) — the real route handlers (defineRoute →
 * zod → services → DTO), served in-process; the same two answers computed the naive way peers do
 * (client-node list calls to every hub on each request) side by side; and how fast a node going
 * offline shows up in GET /api/v1/stream; then the same two routes through `npm start` (next start,
 * its own watch caches, the full HTTP stack) beside the trivial /api/health route as the framework's
 * floor (`--no-next` skips it; it needs PostgreSQL). Prints a table and writes bench/results/fleet.json.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';

import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { chromium } from '@playwright/test';
import pg from 'pg';
import { NextRequest } from 'next/server';

import * as summaryRoute from '@/app/api/v1/fleet/summary/route';
import * as nodesRoute from '@/app/api/v1/nodes/route';
import * as streamRoute from '@/app/api/v1/stream/route';
import { nodeListQuerySchema } from '@/lib/contracts/fleet';
import { hashPassword } from '@/lib/server/auth/password';
import { createApiToken } from '@/lib/server/auth/token-service';
import { closeDb, openDatabase, provideDatabase } from '@/lib/server/db/client';
import { roleBindingsRepository } from '@/lib/server/db/role-bindings';
import { usersRepository } from '@/lib/server/db/users';
import { ensureDemoSimulator } from '@/lib/server/hubs/demo-simulator';
import { HubManager, setHubManager } from '@/lib/server/hubs/hub-manager';
import { hubsFromKubeconfigFiles } from '@/lib/server/hubs/kubeconfig-hubs';
import { searchParamsToObject } from '@/lib/server/http/route';
import { toJson } from '@/lib/server/query/json-response';
import { listNodes } from '@/lib/server/query/node-service';
import { ALL_FLEET } from '@/lib/server/query/scope';
import { getFleetSummary } from '@/lib/server/query/summary-service';

const execFileAsync = promisify(execFile);

const { values: args } = parseArgs({
  options: {
    churn: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    scale: { type: 'string', default: 'large' },
    'naive-connections': { type: 'string', default: '4' },
    /** Also measure the two routes through `npm start` (next start: the full HTTP stack, proxy.ts included). */
    next: { type: 'boolean', default: true },
    /**
     * PostgreSQL server for sessions/tokens (production-like): a fresh database `overlook_bench_fleet`
     * is created on it for each run. Falls back to embedded PGlite when it does not answer.
     */
    'database-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
  },
});
const churn = Number(args.churn);
const duration = Number(args.duration);
const connections = Number(args.connections);
const naiveConnections = Number(args['naive-connections']);
const scale = args.scale === 'small' ? 'small' : 'large';
const NODES_QUERY = '/api/v1/nodes?role=edge&status=ready&sort=cpu&order=desc&limit=100';
const root = process.cwd();

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

interface LoadResult {
  endpoint: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

/** autocannon in a child process, so the load generator does not share the server's event loop. */
async function load(url: string, token: string, options: { connections: number; duration?: number; amount?: number; label: string }): Promise<LoadResult> {
  const cli = path.join(root, 'node_modules', '.bin', 'autocannon');
  const argv = ['-j', '-c', String(options.connections), '-t', '120', '-H', `authorization=Bearer ${token}`];
  if (options.amount) argv.push('-a', String(options.amount));
  else argv.push('-d', String(options.duration ?? duration));
  argv.push(url);
  const { stdout } = await execFileAsync(cli, argv, { maxBuffer: 64 * 1024 * 1024 });
  const result = JSON.parse(stdout);
  return {
    endpoint: options.label,
    connections: options.connections,
    requests: result.requests.total,
    rps: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

// -------------------------------------------------------------------------------------------------
// The naive approach: list every hub on each request (what browser-side / list-per-request consoles do)
// -------------------------------------------------------------------------------------------------

function naiveClients(kubeconfigPath: string): CoreV1Api[] {
  const probe = new KubeConfig();
  probe.loadFromFile(kubeconfigPath);
  return probe.getContexts().map((context) => {
    const kc = new KubeConfig();
    kc.loadFromFile(kubeconfigPath);
    kc.setCurrentContext(context.name);
    return kc.makeApiClient(CoreV1Api);
  });
}

async function naiveSummary(clients: CoreV1Api[]): Promise<unknown> {
  const perHub = await Promise.all(
    clients.map(async (api) => {
      const [nodes, pods] = await Promise.all([api.listNode(), api.listPodForAllNamespaces()]);
      const counts = { nodes: 0, ready: 0, pods: 0, running: 0, pending: 0, failed: 0, crashLooping: 0 };
      for (const node of nodes.items) {
        counts.nodes++;
        if (node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True') counts.ready++;
      }
      for (const pod of pods.items) {
        counts.pods++;
        if (pod.status?.phase === 'Running') counts.running++;
        else if (pod.status?.phase === 'Pending') counts.pending++;
        else if (pod.status?.phase === 'Failed') counts.failed++;
        if (pod.status?.containerStatuses?.some((s) => s.state?.waiting?.reason === 'CrashLoopBackOff')) counts.crashLooping++;
      }
      return counts;
    }),
  );
  return { perHub };
}

async function naiveNodes(clients: CoreV1Api[]): Promise<unknown> {
  const lists = await Promise.all(clients.map((api) => api.listNode()));
  const rows = lists
    .flatMap((list) => list.items)
    .filter((node) => 'node-role.kubernetes.io/edge' in (node.metadata?.labels ?? {}) && node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True')
    .map((node) => ({ name: node.metadata?.name, cpu: node.status?.capacity?.cpu }));
  rows.sort((a, b) => String(b.cpu).localeCompare(String(a.cpu)));
  return { items: rows.slice(0, 100), total: rows.length };
}

function readSimulatorPid(dir: string): number | null {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'control.json'), 'utf8')) as { pid: number }).pid;
  } catch {
    return null;
  }
}

/** utime + stime of a process from /proc (Linux), to show where sync time goes. */
function processCpuSeconds(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** A few requests one after another, timed individually (for endpoints too slow for autocannon). */
async function sequentialTimings(url: string, count: number, label: string): Promise<LoadResult> {
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(300_000) });
      await response.arrayBuffer();
      if (!response.ok) errors++;
    } catch {
      errors++;
    }
    times.push(Math.round(performance.now() - started));
  }
  times.sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  return {
    endpoint: label,
    connections: 1,
    requests: count,
    rps: Math.round((count / (total / 1000)) * 100) / 100,
    p50: times[Math.floor((times.length - 1) / 2)],
    p90: times[times.length - 1],
    p99: times[times.length - 1],
    max: times[times.length - 1],
    errors,
    non2xx: 0,
  };
}

// -------------------------------------------------------------------------------------------------

/** Requests the bench server is still working on (autocannon stops sending, not us computing). */
const inFlight = { count: 0 };

/** Waits until the server has drained every request of the previous phase, so phases don't overlap. */
async function idle(timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (inFlight.count > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 500));
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Serves the real route handlers (and the naive endpoints) over HTTP, as `next start` would call them.
 * `/svc/*` runs the same query (contract zod schema → service → JSON) without the per-request
 * authentication, to separate the fleet layer's cost from the auth layer's database lookups.
 */
function startServer(clients: CoreV1Api[], manager: HubManager): Promise<http.Server> {
  const routes: Record<string, Handler> = {
    '/api/v1/fleet/summary': summaryRoute.GET,
    '/api/v1/nodes': nodesRoute.GET,
    '/api/v1/stream': streamRoute.GET,
  };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/api/v1/stream') {
      inFlight.count++;
      res.on('close', () => inFlight.count--);
    }
    try {
      if (url.pathname === '/svc/summary' || url.pathname === '/svc/nodes') {
        const body =
          url.pathname === '/svc/summary'
            ? toJson(getFleetSummary(manager, ALL_FLEET))
            : toJson(listNodes(manager, ALL_FLEET, nodeListQuerySchema.parse(searchParamsToObject(url.searchParams))));
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
        return;
      }
      if (url.pathname === '/naive/summary' || url.pathname === '/naive/nodes') {
        const body = JSON.stringify(url.pathname === '/naive/summary' ? await naiveSummary(clients) : await naiveNodes(clients));
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
        return;
      }
      const handler = routes[url.pathname];
      if (!handler) {
        res.writeHead(404).end();
        return;
      }
      const abort = new AbortController();
      res.on('close', () => abort.abort());
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value);
      const response = await handler(new NextRequest(url, { headers, signal: abort.signal }), { params: Promise.resolve({}) });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (!response.body) {
        res.end();
        return;
      }
      const reader = response.body.getReader();
      abort.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined));
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        res.write(value);
      }
      res.end();
    } catch (error) {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Time from the simulator taking a node offline to the node event on /api/v1/stream. */
async function streamLatency(base: string, token: string, controlUrl: string, manager: HubManager, trials: number): Promise<number[]> {
  const results: number[] = [];
  const response = await fetch(`${base}/api/v1/stream?types=node`, { headers: { authorization: `Bearer ${token}` } });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const state: { waiting: { name: string; resolve: () => void } | null } = { waiting: null };
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
        for (const line of block.split('\n')) {
          if (!line.startsWith('data: ') || !state.waiting) continue;
          const event = JSON.parse(line.slice(6));
          if (event.type === 'node' && event.name === state.waiting.name && event.node?.status === 'unknown') state.waiting.resolve();
        }
      }
    }
  })();
  const hubs = manager.list();
  for (let i = 0; i < trials; i++) {
    const hub = hubs[i % hubs.length];
    const node = [...hub.store.nodes.values()].find((n) => n.role === 'edge' && n.readiness === 'ready')!;
    const seen = new Promise<void>((resolve) => {
      state.waiting = { name: node.name, resolve };
    });
    const started = performance.now();
    await fetch(`${controlUrl}/hubs/${hub.name}/nodes/${node.name}/offline`, { method: 'POST' });
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
    const outcome = await Promise.race([seen.then(() => 'seen' as const), timeout]);
    results.push(outcome === 'seen' ? Math.round(performance.now() - started) : Number.POSITIVE_INFINITY);
    state.waiting = null;
    await fetch(`${controlUrl}/hubs/${hub.name}/nodes/${node.name}/online`, { method: 'POST' });
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await reader.cancel().catch(() => undefined);
  await pump.catch(() => undefined);
  return results;
}


// -------------------------------------------------------------------------------------------------
// The product as users run it: `npm start` (scripts/start.mjs → next start), its own watch caches
// -------------------------------------------------------------------------------------------------

/** Resident memory of a process and its descendants (Linux /proc), MB. */
function treeRssMB(pid: number): number {
  let kb = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const child of readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) visit(Number(child));
    } catch {
      // the process ended meanwhile
    }
  };
  visit(pid);
  return Math.round((kb / 1024) * 10) / 10;
}

interface NextServer {
  base: string;
  child: ChildProcess;
  syncMs: number;
  stop: () => Promise<void>;
}

/**
 * Starts the console with `node scripts/start.mjs` (builds first when the build is missing or stale)
 * against the same simulator kubeconfig and PostgreSQL database, and waits until every hub synced.
 */
async function startNextServer(kubeconfigPath: string, databaseUrl: string, hubCount: number): Promise<NextServer> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      OVERLOOK_DEMO: 'false',
      OVERLOOK_KUBECONFIG: kubeconfigPath,
      OVERLOOK_DATACENTER_LABEL: 'topology.kubernetes.io/zone',
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
      NEXTAUTH_URL: base,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      LOG_LEVEL: 'warn',
      OVERLOOK_DATA_DIR: path.join(root, '.data', 'bench-fleet-next'),
    },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  const started = Date.now();
  // A stale build is rebuilt first (minutes on 2 cores), then the hubs sync.
  const deadline = started + 900_000;
  let listeningAt: number | null = null;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}: ${stderr}`);
    try {
      const response = await fetch(`${base}/api/ready`, { signal: AbortSignal.timeout(5_000) });
      const body = (await response.json()) as { hubs?: { total: number; synced: number } };
      listeningAt ??= Date.now();
      if (body.hubs && body.hubs.total === hubCount && body.hubs.synced === hubCount) return { base, child, syncMs: Date.now() - listeningAt, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`npm start did not sync ${hubCount} hubs within 15 minutes: ${stderr}`);
}


interface BrowserRun {
  /** Sign-in → the nodes page showing its first rows. */
  firstRowsMs: number;
  total: number;
  /** Rows in the DOM while the table holds `total` (virtualisation). */
  domRows: number;
  scroll: { seconds: number; frames: number; fps: number; p50FrameMs: number; p95FrameMs: number; p99FrameMs: number; longFrames: number; rowsScrolled: number; rowsLoaded: number };
}

/** Runs in the page: scrolls the node table 120 px per animation frame for 6 s and times every frame. */
const SCROLL_SCRIPT = `(async () => {
  const element = document.querySelector('[data-testid="node-table"]');
  const seconds = 6;
  const frames = [];
  const startTop = element.scrollTop;
  await new Promise((resolve) => {
    let last = performance.now();
    const end = last + seconds * 1000;
    const step = (now) => {
      frames.push(now - last);
      last = now;
      element.scrollTop += 120;
      if (now < end) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;
  return {
    seconds,
    frames: frames.length,
    fps: Math.round((frames.length / seconds) * 10) / 10,
    p50FrameMs: at(0.5),
    p95FrameMs: at(0.95),
    p99FrameMs: at(0.99),
    longFrames: frames.filter((ms) => ms > 50).length,
    rowsScrolled: Math.round((element.scrollTop - startTop) / 36),
    rowsLoaded: Number(element.dataset.loaded ?? 0),
  };
})()`;

/**
 * Opens /nodes in Debian Chromium, signed in, and scrolls the virtualised table for a few seconds
 * (a fixed distance per animation frame, as a fast wheel would), recording every frame's duration.
 */
async function browseNodes(base: string, email: string, password: string): Promise<BrowserRun> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/login?callbackUrl=${encodeURIComponent('/nodes')}`);
    await page.getByLabel(/^(Email|邮箱)$/).fill(email);
    await page.getByLabel(/^(Password|密码)$/).fill(password);
    const started = performance.now();
    await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
    const table = page.getByTestId('node-table');
    await table.locator('[data-testid="table-row"]').first().waitFor({ timeout: 120_000 });
    const firstRowsMs = Math.round(performance.now() - started);
    const total = Number(await table.getAttribute('data-total'));
    const domRows = await table.locator('[data-testid="table-row"]').count();
    // A string, not a function: the bench runs through tsx, whose helpers (`__name`) do not exist in the page.
    const scroll = (await page.evaluate(SCROLL_SCRIPT)) as BrowserRun['scroll'];
    return { firstRowsMs, total, domRows, scroll };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const os = await import('node:os');
  const loadAtStart = os.loadavg();
  const dir = path.join(root, '.simulator', `bench-fleet-${scale}`);
  process.env.OVERLOOK_DATA_DIR = path.join(root, '.data', 'bench-fleet');
  process.env.NEXTAUTH_SECRET ??= 'bench-secret-0123456789abcdef0123456789';
  process.env.LOG_LEVEL ??= 'warn';

  console.log(`Starting the simulator (${scale}, churn ${churn}) as a child process…`);
  const simStarted = Date.now();
  const simulator = await ensureDemoSimulator({ dir, seed: 42, churn, scale, startTimeoutMs: 300_000 });
  const simulatorStartMs = Date.now() - simStarted;
  console.log(`  simulator ready in ${(simulatorStartMs / 1000).toFixed(1)} s`);

  let database;
  let databaseKind = 'PostgreSQL';
  let databaseUrl: string | null = null;
  try {
    const adminUrl = new URL(String(args['database-url']));
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS overlook_bench_fleet WITH (FORCE)');
    await admin.query('CREATE DATABASE overlook_bench_fleet');
    await admin.end();
    adminUrl.pathname = '/overlook_bench_fleet';
    databaseUrl = adminUrl.toString();
    database = await openDatabase({ kind: 'postgres', url: databaseUrl });
  } catch (error) {
    console.log(`  PostgreSQL not available (${(error as Error).message}); using embedded PGlite`);
    database = await openDatabase({ kind: 'pglite', dir: 'memory://' });
    databaseKind = 'PGlite (in-process)';
  }
  provideDatabase(Promise.resolve(database));
  const email = `bench-${Date.now()}@example.com`;
  const benchPassword = `bench-${Math.random().toString(36).slice(2)}-password`;
  const user = await usersRepository(database.prisma).create({ email, name: 'Bench', passwordHash: await hashPassword(benchPassword) });
  await roleBindingsRepository(database.prisma).add(user.id, { role: 'platform-admin', scope: {} });
  const token = (await createApiToken(database.prisma, user.id, { name: 'bench', scopes: ['read'] })).token;

  gc();
  const before = process.memoryUsage();
  const manager = new HubManager();
  setHubManager(manager);
  const { hubs } = hubsFromKubeconfigFiles([simulator.kubeconfigPath], 'topology.kubernetes.io/zone');
  console.log(`Syncing ${hubs.length} hubs…`);
  const simulatorPid = readSimulatorPid(dir);
  const simCpuBefore = processCpuSeconds(simulatorPid);
  const syncStarted = Date.now();
  const cpuBefore = process.cpuUsage();
  for (const hub of hubs) manager.addHub(hub);
  const notSynced = await manager.waitForSync(180_000);
  const syncMs = Date.now() - syncStarted;
  const syncCpu = process.cpuUsage(cpuBefore);
  const syncCpuSeconds = Math.round(((syncCpu.user + syncCpu.system) / 1e6) * 10) / 10;
  const simCpuAfter = processCpuSeconds(simulatorPid);
  const simulatorSyncCpuSeconds = simCpuBefore === null || simCpuAfter === null ? null : Math.round((simCpuAfter - simCpuBefore) * 10) / 10;
  const nodes = manager.list().reduce((n, hub) => n + hub.store.nodes.size, 0);
  const pods = manager.list().reduce((n, hub) => n + hub.store.pods.size, 0);
  console.log(
    `  synced ${nodes} nodes, ${pods} pods in ${(syncMs / 1000).toFixed(1)} s (BFF CPU ${syncCpuSeconds} s, simulator CPU ${simulatorSyncCpuSeconds ?? '?'} s)${notSynced.length ? ` (NOT synced: ${notSynced.join(', ')})` : ''}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  gc();
  const after = process.memoryUsage();
  const memory = {
    rssAfterSyncMB: mb(after.rss),
    heapUsedAfterSyncMB: mb(after.heapUsed),
    heapDeltaMB: mb(after.heapUsed - before.heapUsed),
    bytesPerObject: Math.round((after.heapUsed - before.heapUsed) / Math.max(1, nodes + pods)),
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
  };
  console.log(`  RSS ${memory.rssAfterSyncMB} MB, heap ${memory.heapUsedAfterSyncMB} MB (≈${memory.bytesPerObject} B per node/pod)`);

  const clients = naiveClients(simulator.kubeconfigPath);
  const server = await startServer(clients, manager);
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  console.log(`Load: ${connections} connections × ${duration} s per endpoint…`);
  // Warm up (JIT, caches) before measuring.
  await load(`${base}/api/v1/fleet/summary`, token, { connections: 4, duration: 2, label: 'warmup' });
  await load(`${base}${NODES_QUERY}`, token, { connections: 4, duration: 2, label: 'warmup' });
  await idle();
  const summary = await load(`${base}/svc/summary`, token, { connections, label: 'summary — query layer' });
  await idle();
  const nodePage = await load(`${base}${NODES_QUERY.replace('/api/v1/nodes', '/svc/nodes')}`, token, { connections, label: 'nodes page — query layer' });
  await idle();
  const summaryRouteResult = await load(`${base}/api/v1/fleet/summary`, token, { connections, label: 'GET /api/v1/fleet/summary (route, API token)' });
  await idle();
  const nodeRouteResult = await load(`${base}${NODES_QUERY}`, token, { connections, label: 'GET nodes page (route, API token)' });
  for (const r of [summary, nodePage, summaryRouteResult, nodeRouteResult]) {
    console.log(`  ${r.endpoint}: c=${r.connections} p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.rps} req/s`);
  }

  await idle();
  console.log('Stream latency (node offline → /api/v1/stream)…');
  const streamMs = await streamLatency(base, token, simulator.controlUrl, manager, 5);
  console.log(`  ${streamMs.join(', ')} ms`);

  console.log('Naive (list every hub per request)…');
  await idle();
  // A fixed number of requests (not a duration): each takes seconds, so a 10 s window may complete none.
  const naiveNodesResult = await load(`${base}/naive/nodes`, token, { connections: naiveConnections, amount: naiveConnections * 2, label: 'naive nodes page (listNode × hubs)' });
  console.log(`  naive nodes: c=${naiveConnections} p50 ${naiveNodesResult.p50} ms, p99 ${naiveNodesResult.p99} ms`);
  // Listing 200k pods per request is slow and memory-hungry on both ends: a few sequential requests.
  await idle();
  const naiveSummaryResult = await sequentialTimings(`${base}/naive/summary`, 1, 'naive summary (listNode + listPodForAllNamespaces × hubs)');
  console.log(`  naive summary: ${naiveSummaryResult.p50} ms per request`);

  // The same two routes through `npm start`. The in-process caches stop first, so the console's
  // process has the machine's two cores to itself (the simulator keeps running and churning).
  server.close();
  server.closeAllConnections();
  await manager.stop();
  let nextRun: { syncMs: number; rssAfterSync: { first: number; min: number; max: number }; rssAfterLoadMB: number; summary: LoadResult; nodes: LoadResult; health: LoadResult; browser: BrowserRun | { skipped: string } } | { skipped: string } = { skipped: 'disabled with --no-next' };
  if (args.next && databaseUrl) {
    console.log('Through npm start (next start, the full HTTP stack)…');
    const next = await startNextServer(simulator.kubeconfigPath, databaseUrl, hubs.length).catch((error: Error) => {
      nextRun = { skipped: `npm start failed: ${error.message.replace(/\s+/g, ' ').slice(0, 300)}` };
      console.log(`  ${nextRun.skipped}`);
      return null;
    });
    if (next) {
      try {
        console.log(`  next start synced ${hubs.length} hubs ${(next.syncMs / 1000).toFixed(1)} s after it started listening`);
        // Memory at rest after sync, sampled over one metrics cycle (NodeMetrics + PodMetrics polls).
        const rssSamples: number[] = [];
        for (let i = 0; i < 25; i++) {
          rssSamples.push(treeRssMB(next.child.pid ?? 0));
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
        const rssAfterSync = { first: rssSamples[0], min: Math.min(...rssSamples), max: Math.max(...rssSamples) };
        console.log(`  RSS after sync ${rssAfterSync.first} MB (over 25 s: ${rssAfterSync.min}–${rssAfterSync.max} MB)`);
        await load(`${next.base}/api/v1/fleet/summary`, token, { connections: 4, duration: 3, label: 'warmup' });
        await load(`${next.base}${NODES_QUERY}`, token, { connections: 4, duration: 3, label: 'warmup' });
        const nextSummary = await load(`${next.base}/api/v1/fleet/summary`, token, { connections, label: 'GET /api/v1/fleet/summary (npm start, API token)' });
        const nextNodes = await load(`${next.base}${NODES_QUERY}`, token, { connections, label: 'GET nodes page (npm start, API token)' });
        // The framework's floor on this machine: the trivial public health route through the same server.
        const nextHealth = await load(`${next.base}/api/health`, token, { connections, label: 'GET /api/health (npm start, framework floor)' });
        for (const r of [nextSummary, nextNodes, nextHealth]) console.log(`  ${r.endpoint}: c=${r.connections} p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.rps} req/s`);
        let browser: BrowserRun | { skipped: string };
        try {
          browser = await browseNodes(next.base, email, benchPassword);
          console.log(
            `  Chromium /nodes: first rows ${browser.firstRowsMs} ms after sign-in; ${browser.domRows} rows in the DOM for ${browser.total}; scrolling ${browser.scroll.fps} fps, p95 frame ${browser.scroll.p95FrameMs} ms, ${browser.scroll.longFrames} frames > 50 ms`,
          );
        } catch (error) {
          browser = { skipped: `Chromium run failed: ${(error as Error).message.split('\n')[0]}` };
          console.log(`  ${browser.skipped}`);
        }
        nextRun = { syncMs: next.syncMs, rssAfterSync, rssAfterLoadMB: treeRssMB(next.child.pid ?? 0), summary: nextSummary, nodes: nextNodes, health: nextHealth, browser };
      } finally {
        await next.stop();
      }
    }
  } else if (args.next) {
    nextRun = { skipped: 'needs PostgreSQL (the token must be readable by the npm start process)' };
    console.log(`  npm start phase skipped: ${nextRun.skipped}`);
  }

  const ratio = (naive: number, ours: number) => Math.round((naive / Math.max(ours, 0.5)) * 10) / 10;
  const results = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version, loadAverageAtStart: loadAtStart },
    simulator: { scale, churn, hubs: hubs.length, startMs: simulatorStartMs },
    sync: { ms: syncMs, bffCpuSeconds: syncCpuSeconds, simulatorCpuSeconds: simulatorSyncCpuSeconds, nodes, pods, notSynced, perHubMs: Object.fromEntries(manager.list().map((hub) => [hub.name, hub.initialSyncMs])) },
    memory,
    database: databaseKind,
    nodesQuery: NODES_QUERY,
    load: { summary, nodePage, summaryRoute: summaryRouteResult, nodeRoute: nodeRouteResult, naiveSummary: naiveSummaryResult, naiveNodes: naiveNodesResult },
    ratios: {
      summaryP50: ratio(naiveSummaryResult.p50, summary.p50),
      summaryP99: ratio(naiveSummaryResult.p99, summary.p99),
      nodesP50: ratio(naiveNodesResult.p50, nodePage.p50),
      nodesP99: ratio(naiveNodesResult.p99, nodePage.p99),
      summaryThroughput: ratio(summary.rps, naiveSummaryResult.rps),
      nodesThroughput: ratio(nodePage.rps, naiveNodesResult.rps),
      summaryRouteP50: ratio(naiveSummaryResult.p50, summaryRouteResult.p50),
      nodesRouteP50: ratio(naiveNodesResult.p50, nodeRouteResult.p50),
    },
    streamOfflineMs: streamMs,
    npmStart: nextRun,
    targets: {
      syncWithin60s: syncMs <= 60_000 && notSynced.length === 0,
      rssBelow1_5GB: after.rss <= 1.5 * 1024 ** 3,
      summaryP99Below50ms: summary.p99 <= 50,
      nodesP99Below50ms: nodePage.p99 <= 50,
      routeSummaryP99Below50ms: summaryRouteResult.p99 <= 50,
      routeNodesP99Below50ms: nodeRouteResult.p99 <= 50,
      ratioAtLeast20x: ratio(naiveSummaryResult.p50, summary.p50) >= 20 && ratio(naiveNodesResult.p50, nodePage.p50) >= 20,
      streamWithin2s: streamMs.every((ms) => ms <= 2_000),
      ...('summary' in nextRun
        ? { npmStartRssAfterSyncBelow1_5GB: nextRun.rssAfterSync.max <= 1536, npmStartSummaryP99Below50ms: nextRun.summary.p99 <= 50, npmStartNodesP99Below50ms: nextRun.nodes.p99 <= 50 }
        : {}),
    },
    totalMs: Date.now() - started,
  };

  const rows: Array<[string, string]> = [
    ['simulator', `${scale}, ${hubs.length} hubs, churn ${churn}, started in ${(simulatorStartMs / 1000).toFixed(1)} s`],
    ['initial sync (all hubs)', `${(syncMs / 1000).toFixed(1)} s for ${nodes} nodes, ${pods} pods, BFF CPU ${syncCpuSeconds} s, simulator CPU ${simulatorSyncCpuSeconds ?? '?'} s (target ≤ 60 s)`],
    ['machine load at start', `load average ${loadAtStart.map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores (shared with other work)`],
    ['memory after sync', `RSS ${memory.rssAfterSyncMB} MB, heap ${memory.heapUsedAfterSyncMB} MB, ≈${memory.bytesPerObject} B per node/pod (target RSS ≤ 1536 MB)`],
  ];
  rows.push(['auth database', databaseKind]);
  for (const r of [summary, nodePage, summaryRouteResult, nodeRouteResult, naiveSummaryResult, naiveNodesResult]) {
    rows.push([r.endpoint, `c=${r.connections}: p50 ${r.p50} ms, p90 ${r.p90} ms, p99 ${r.p99} ms, max ${r.max} ms, ${r.rps} req/s, ${r.requests} requests, errors ${r.errors}, non-2xx ${r.non2xx}`]);
  }
  if ('summary' in nextRun) {
    for (const r of [nextRun.summary, nextRun.nodes, nextRun.health]) {
      rows.push([r.endpoint, `c=${r.connections}: p50 ${r.p50} ms, p90 ${r.p90} ms, p99 ${r.p99} ms, max ${r.max} ms, ${r.rps} req/s, ${r.requests} requests, errors ${r.errors}, non-2xx ${r.non2xx}`]);
    }
    const b = nextRun.browser;
    rows.push([
      'Chromium: /nodes, virtualised table',
      'skipped' in b
        ? b.skipped
        : `first rows ${b.firstRowsMs} ms after sign-in; ${b.domRows} rows in the DOM for ${b.total}; scrolled ${b.scroll.rowsScrolled} rows in ${b.scroll.seconds} s (${b.scroll.rowsLoaded} loaded by then): ${b.scroll.fps} fps, frame p50 ${b.scroll.p50FrameMs} / p95 ${b.scroll.p95FrameMs} / p99 ${b.scroll.p99FrameMs} ms, ${b.scroll.longFrames} frames > 50 ms`,
    ]);
    rows.push([
      'npm start process',
      `hubs synced ${(nextRun.syncMs / 1000).toFixed(1)} s after listening; RSS (start script + next-server) after sync ${nextRun.rssAfterSync.first} MB (${nextRun.rssAfterSync.min}–${nextRun.rssAfterSync.max} MB over 25 s), after the load runs ${nextRun.rssAfterLoadMB} MB`,
    ]);
  } else {
    rows.push(['npm start phase', `skipped: ${nextRun.skipped}`]);
  }
  rows.push(['summary: naive / cache', `p50 ${results.ratios.summaryP50}×, p99 ${results.ratios.summaryP99}×, throughput ${results.ratios.summaryThroughput}× (query layer); route p50 ${results.ratios.summaryRouteP50}×`]);
  rows.push(['nodes page: naive / cache', `p50 ${results.ratios.nodesP50}×, p99 ${results.ratios.nodesP99}×, throughput ${results.ratios.nodesThroughput}× (query layer); route p50 ${results.ratios.nodesRouteP50}× (naive at c=${naiveConnections}, ours at c=${connections})`]);
  rows.push(['node offline → stream', `${streamMs.join(', ')} ms (target ≤ 2000 ms)`]);
  rows.push(['targets', Object.entries(results.targets).map(([k, v]) => `${k}: ${v ? 'yes' : 'NO'}`).join(', ')]);
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${'-'.repeat(100)}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log('-'.repeat(100));

  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(root, 'bench', 'results', 'fleet.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('written to bench/results/fleet.json');

  simulator.stop();
  await closeDb();
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
