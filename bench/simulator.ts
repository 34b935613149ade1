/**
 * Large-scale simulator benchmark: start-up time, RSS, list throughput (raw JSON and kubectl's Table
 * path), a full `kubectl get pods -A --chunk-size=500`, and watch liveness under churn.
 * Lists are measured before any watch is open; then a pods + nodes watch per hub runs through the
 * initial sync and 5 s of live churn. Runs the simulator as a child process (the way demos and the console use it) and measures it from outside.
 *
 *   npm run bench:simulator -- [--scale large|small] [--hubs N]
 */
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { KubeConfig, Watch } from '@kubernetes/client-node';
import type { ControlFile } from '../simulator/index';

const run = promisify(execFile);
const { values } = parseArgs({ options: { scale: { type: 'string', default: 'large' }, hubs: { type: 'string' } } });
const scale = values.scale === 'small' ? 'small' : 'large';

function rssMb(pid: number): Promise<number> {
  return readFile(`/proc/${pid}/status`, 'utf8').then((s) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? 0) / 1024));
}

function get(agent: Agent, ca: string, server: string, token: string, pathname: string, accept?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(pathname, server), { agent, ca, headers: { authorization: `Bearer ${token}`, ...(accept ? { accept } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function listAll(agent: Agent, ca: string, server: string, token: string, resource: string, accept?: string): Promise<{ items: number; ms: number; pages: number; bytes: number }> {
  const t0 = performance.now();
  let cont = '';
  let items = 0;
  let pages = 0;
  let bytes = 0;
  let rv: string | undefined;
  do {
    const r = await get(agent, ca, server, token, `${resource}?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`, accept);
    if (r.status !== 200) throw new Error(`list ${resource} → ${r.status}: ${r.body.slice(0, 200)}`);
    bytes += r.body.length;
    const page = JSON.parse(r.body) as { items?: unknown[]; rows?: unknown[]; metadata: { continue?: string; resourceVersion: string } };
    if (rv === undefined) rv = page.metadata.resourceVersion;
    else if (rv !== page.metadata.resourceVersion) throw new Error('list resourceVersion changed across pages');
    items += (page.items ?? page.rows ?? []).length;
    cont = page.metadata.continue ?? '';
    pages++;
  } while (cont);
  return { items, ms: performance.now() - t0, pages, bytes };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'overlook-bench-sim-'));
  const args = ['--import', 'tsx', 'simulator/cli.ts', '--scale', scale, '--churn', '1', '--dir', dir, ...(values.hubs ? ['--hubs', values.hubs] : [])];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('control:')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  const startupMs = performance.now() - t0;
  const rssAfterStart = await rssMb(child.pid!);
  const control = JSON.parse(await readFile(path.join(dir, 'control.json'), 'utf8')) as ControlFile;
  const ca = await readFile(path.join(dir, 'ca.crt'), 'utf8');
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const truth = (await (await fetch(`${control.url}/truth`)).json()) as { totals: { nodes: { edge: number }; pods: { total: number }; datacenters: number } };

  // List throughput on the first hub: cold (serialises each object once), warm (cached JSON), Table.
  const hub = control.hubs[0];
  const cold = await listAll(agent, ca, hub.server, hub.token, '/api/v1/pods');
  const warm = await listAll(agent, ca, hub.server, hub.token, '/api/v1/pods');
  const table = await listAll(agent, ca, hub.server, hub.token, '/api/v1/pods', 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json');
  const nodes = await listAll(agent, ca, hub.server, hub.token, '/api/v1/nodes');
  // All hubs' pods, one after another (what a console does at start).
  const allT0 = performance.now();
  let allItems = 0;
  for (const h of control.hubs) allItems += (await listAll(agent, ca, h.server, h.token, '/api/v1/pods')).items;
  const allMs = performance.now() - allT0;

  // kubectl get pods -A --chunk-size=500 against one hub.
  let kubectlLines = 0;
  let kubectlMs = 0;
  if (existsSync('/usr/bin/kubectl')) {
    const k0 = performance.now();
    const { stdout } = await run('/usr/bin/kubectl', ['--context', hub.name, 'get', 'pods', '-A', '--chunk-size=500', '--no-headers'], { env: { ...process.env, KUBECONFIG: control.kubeconfigPath, HOME: dir }, maxBuffer: 512 * 1024 * 1024 });
    kubectlMs = performance.now() - k0;
    kubectlLines = stdout.trim().split('\n').length;
  }

  // Watches on every hub, counting events while the benchmark runs.
  let watchEvents = 0;
  const aborts: AbortController[] = [];
  for (const hub of control.hubs) {
    const kc = new KubeConfig();
    kc.loadFromFile(control.kubeconfigPath);
    kc.setCurrentContext(hub.name);
    const w = new Watch(kc);
    for (const p of ['/api/v1/pods', '/api/v1/nodes']) aborts.push(await w.watch(p, { allowWatchBookmarks: true, resourceVersion: undefined }, () => watchEvents++, () => undefined));
  }
  await new Promise((r) => setTimeout(r, 8000));
  const eventsAfterInitial = watchEvents;

  // Watch latency: take an edge node offline and time until a watcher sees it.
  const kc = new KubeConfig();
  kc.loadFromFile(control.kubeconfigPath);
  kc.setCurrentContext(hub.name);
  const victim = (JSON.parse((await get(agent, ca, hub.server, hub.token, '/api/v1/nodes?labelSelector=node-role.kubernetes.io/edge&limit=1')).body) as { items: Array<{ metadata: { name: string } }> }).items[0].metadata.name;
  let seenAt = 0;
  const latencyWatch = await new Watch(kc).watch('/api/v1/nodes', { fieldSelector: `metadata.name=${victim}`, resourceVersion: JSON.parse((await get(agent, ca, hub.server, hub.token, '/api/v1/nodes?limit=1')).body).metadata.resourceVersion }, (type, obj: { status?: { conditions?: Array<{ type: string; status: string }> } }) => {
    if (type === 'MODIFIED' && obj.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'Unknown' && !seenAt) seenAt = performance.now();
  }, () => undefined);
  await new Promise((r) => setTimeout(r, 200));
  const sentAt = performance.now();
  await fetch(`${control.url}/hubs/${hub.name}/nodes/${victim}/offline`, { method: 'POST' });
  for (let i = 0; i < 100 && !seenAt; i++) await new Promise((r) => setTimeout(r, 20));
  latencyWatch.abort();
  const watchLatencyMs = seenAt ? seenAt - sentAt : NaN;
  await new Promise((r) => setTimeout(r, 5000));
  const liveEvents = watchEvents - eventsAfterInitial;
  const rssEnd = await rssMb(child.pid!);

  for (const a of aborts) a.abort();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  agent.destroy();
  await rm(dir, { recursive: true, force: true });

  const results = {
    at: new Date().toISOString(),
    scale,
    hubs: control.hubs.length,
    datacenters: truth.totals.datacenters,
    edgeNodes: truth.totals.nodes.edge,
    pods: truth.totals.pods.total,
    startupMs: Math.round(startupMs),
    rssAfterStartMb: rssAfterStart,
    rssEndMb: rssEnd,
    listPodsColdObjPerSec: Math.round(cold.items / (cold.ms / 1000)),
    listPodsWarmObjPerSec: Math.round(warm.items / (warm.ms / 1000)),
    listPodsTableRowsPerSec: Math.round(table.items / (table.ms / 1000)),
    listNodesObjPerSec: Math.round(nodes.items / (nodes.ms / 1000)),
    firstHubPods: warm.items,
    firstHubPages: warm.pages,
    firstHubPodBytesMb: Math.round(warm.bytes / 1e6),
    allHubsPods: allItems,
    allHubsListMs: Math.round(allMs),
    kubectlGetPodsAllMs: Math.round(kubectlMs),
    kubectlGetPodsAllLines: kubectlLines,
    watchEventsInitial: eventsAfterInitial,
    watchEventsLiveDuringRun: liveEvents,
    watchLatencyMs: Math.round(watchLatencyMs),
  };
  const rows: Array<[string, string]> = [
    ['fleet', `${results.hubs} hubs, ${results.datacenters} DCs, ${results.edgeNodes} edge nodes, ${results.pods} pods`],
    ['start-up (spawn → ready)', `${(results.startupMs / 1000).toFixed(1)} s`],
    ['RSS after start / at end', `${results.rssAfterStartMb} MB / ${results.rssEndMb} MB`],
    ['list pods, 1 hub, cold (limit=500)', `${results.listPodsColdObjPerSec.toLocaleString()} obj/s (${cold.items} pods, ${cold.pages} pages)`],
    ['list pods, 1 hub, warm', `${results.listPodsWarmObjPerSec.toLocaleString()} obj/s (${results.firstHubPodBytesMb} MB)`],
    ['list pods as Table (kubectl path)', `${results.listPodsTableRowsPerSec.toLocaleString()} rows/s`],
    ['list nodes', `${results.listNodesObjPerSec.toLocaleString()} obj/s`],
    ['list pods, all hubs', `${results.allHubsPods.toLocaleString()} pods in ${(results.allHubsListMs / 1000).toFixed(1)} s`],
    ['kubectl get pods -A --chunk-size=500', `${results.kubectlGetPodsAllLines.toLocaleString()} lines in ${(results.kubectlGetPodsAllMs / 1000).toFixed(1)} s`],
    ['watch events: initial sync (8 s) / live next 5 s', `${results.watchEventsInitial.toLocaleString()} / ${results.watchEventsLiveDuringRun.toLocaleString()}`],
    ['watch latency (node offline → MODIFIED seen)', `${results.watchLatencyMs} ms`],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nSimulator benchmark (${scale})\n${'-'.repeat(w + 40)}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/simulator.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwritten bench/results/simulator.json');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
