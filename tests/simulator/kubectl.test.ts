import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@/simulator';
import { control, waitFor } from '@/simulator/test-helpers';

const run = promisify(execFile);
const KUBECTL = '/usr/bin/kubectl';
const haveKubectl = existsSync(KUBECTL);
if (!haveKubectl) console.warn(`skipping kubectl suite: ${KUBECTL} not installed`);

let sim: RunningSimulator;
let dir: string;
let env: NodeJS.ProcessEnv;

async function kubectl(...args: string[]): Promise<string> {
  const { stdout } = await run(KUBECTL, args, { env, timeout: 20_000, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function kubectlFails(...args: string[]): Promise<string> {
  try {
    await run(KUBECTL, args, { env, timeout: 20_000 });
  } catch (err) {
    return String((err as { stderr?: string }).stderr ?? err);
  }
  throw new Error(`kubectl ${args.join(' ')} unexpectedly succeeded`);
}

/** Start a long-running kubectl and collect its stdout until stopped. */
function stream(...args: string[]): { out: () => string; stop: () => void } {
  const child = spawn(KUBECTL, args, { env });
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  return { out: () => text, stop: () => child.kill('SIGTERM') };
}

describe.skipIf(!haveKubectl)('real kubectl against the simulator', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'overlook-kubectl-'));
    sim = await startSimulator({ hubs: 3, scale: 'small', seed: 42, churn: 0, basePort: 0, dir });
    env = { ...process.env, KUBECONFIG: sim.kubeconfigPath, HOME: dir, KUBECACHEDIR: path.join(dir, 'cache') };
  });

  afterAll(async () => {
    await sim?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('get nodes on every hub shows edge roles agent,edge', async () => {
    for (const hub of sim.hubs) {
      const out = await kubectl('--context', hub.name, 'get', 'nodes');
      const lines = out.trim().split('\n');
      expect(lines[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
      const edge = lines.filter((l) => /\sReady\s+agent,edge\s/.test(l));
      expect(edge.length).toBeGreaterThan(40);
      expect(lines.filter((l) => /\scontrol-plane\s/.test(l))).toHaveLength(3);
      expect(out).toMatch(/-kubeedge-v1\.\d+\.0/);
    }
  });

  it('get pods -A, label-selected nodes and raw metrics', async () => {
    const pods = await kubectl('get', 'pods', '-A');
    expect(pods.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(pods).toMatch(/acme-pos\s+pos-api-/);
    expect(pods).toMatch(/CrashLoopBackOff/);
    const edge = await kubectl('get', 'nodes', '-l', 'node-role.kubernetes.io/edge', '-o', 'name');
    const all = await kubectl('get', 'nodes', '-o', 'name');
    expect(edge.trim().split('\n').length).toBe(all.trim().split('\n').length - 3);
    const raw = JSON.parse(await kubectl('get', '--raw', '/apis/metrics.k8s.io/v1beta1/nodes'));
    expect(raw.kind).toBe('NodeMetricsList');
    expect(raw.items[0].usage.cpu).toMatch(/^\d+n$/);
    expect(raw.items[0].usage.memory).toMatch(/^\d+Ki$/);
    expect(raw.items[0].window).toBe('30s');
    const top = await kubectl('top', 'nodes');
    expect(top.split('\n')[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU(%|\(%\))\s+MEMORY\(bytes\)\s+MEMORY(%|\(%\))/);
    expect(await kubectl('top', 'pods', '-n', 'acme-pos')).toMatch(/pos-api-\S+\s+\d+m\s+\d+Mi/);
  });

  it('logs, logs -f, multi-container errors and the edge tunnel error', async () => {
    const podName = (await kubectl('get', 'pods', '-n', 'acme-pos', '-l', 'app=pos-api', '--field-selector', 'status.phase=Running', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
    const logs = await kubectl('logs', '-n', 'acme-pos', podName, '--tail', '5');
    expect(logs.trim().split('\n')).toHaveLength(5);
    expect(logs).toMatch(/"level":"(info|debug|warn|error)"/);
    const f = stream('logs', '-f', '-n', 'acme-pos', podName, '--tail', '1', '--timestamps');
    try {
      await waitFor('followed lines', () => f.out().trim().split('\n').length >= 3, 15_000);
      expect(f.out().split('\n')[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z /);
    } finally {
      f.stop();
    }
    const multi = (await kubectl('get', 'pods', '-n', 'acme-pos', '-l', 'app=pos-sync', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
    expect(await kubectlFails('logs', '-n', 'acme-pos', multi, '--container', 'nope')).toMatch(`container nope is not valid for pod ${multi}`);
    const node = (await kubectl('get', 'pod', '-n', 'acme-pos', podName, '-o', 'jsonpath={.spec.nodeName} {.status.hostIP}')).trim().split(' ');
    await control(sim, `/hubs/cn-east/nodes/${node[0]}/offline`);
    try {
      const err = await kubectlFails('logs', '-n', 'acme-pos', podName);
      expect(err).toMatch(new RegExp(`Error from server: Get "https://${node[1].replace(/\./g, '\\.')}:1035\\d/containerLogs/acme-pos/${podName}/pos-api": dial tcp ${node[1].replace(/\./g, '\\.')}:1035\\d: connect: connection refused`));
    } finally {
      await control(sim, `/hubs/cn-east/nodes/${node[0]}/online`);
    }
  });

  it('get pods -w sees a change', async () => {
    const podName = (await kubectl('get', 'pods', '-n', 'globex-cameras', '-l', 'app=camera-ingest', '--field-selector', 'status.phase=Running', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
    const w = stream('get', 'pods', '-n', 'globex-cameras', '-w');
    try {
      await waitFor('initial listing', () => w.out().includes(podName), 10_000);
      await control(sim, `/hubs/cn-east/namespaces/globex-cameras/pods/${podName}/crash`);
      await waitFor('crash seen by watch', () => new RegExp(`${podName}\\s+0/1\\s+CrashLoopBackOff`).test(w.out()), 10_000);
    } finally {
      w.stop();
    }
  });

  it('cordon / uncordon', async () => {
    const node = 'cn-south-guangzhou-1-edge-002';
    expect(await kubectl('--context', 'cn-south', 'cordon', node)).toMatch(`node/${node} cordoned`);
    expect(await kubectl('--context', 'cn-south', 'get', 'node', node)).toMatch(/Ready,SchedulingDisabled/);
    await waitFor('unschedulable taint', async () => (await kubectl('--context', 'cn-south', 'get', 'node', node, '-o', 'jsonpath={.spec.taints[*].key}')).includes('node.kubernetes.io/unschedulable'), 5000);
    expect(await kubectl('--context', 'cn-south', 'uncordon', node)).toMatch(`node/${node} uncordoned`);
    expect(await kubectl('--context', 'cn-south', 'get', 'node', node)).not.toMatch(/SchedulingDisabled/);
  });

  it('delete pod → the ReplicaSet recreates it under a new name', async () => {
    const ns = 'acme-retail';
    const name = (await kubectl('get', 'pods', '-n', ns, '-l', 'app=storefront-web', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
    const prefix = name.slice(0, name.lastIndexOf('-') + 1);
    const before = (await kubectl('get', 'pods', '-n', ns, '-o', 'name')).split('\n').filter((l) => l.includes(prefix)).length;
    expect(await kubectl('delete', 'pod', '-n', ns, name)).toMatch(`pod "${name}" deleted`);
    await waitFor('replacement running', async () => {
      const rows = (await kubectl('get', 'pods', '-n', ns, '--no-headers')).split('\n').filter((l) => l.startsWith(prefix));
      return rows.length === before && !rows.some((r) => r.startsWith(`${name} `)) && rows.every((r) => /\sRunning\s/.test(r));
    }, 10_000);
  });

  it('scale deployment and rollout restart', async () => {
    const ns = 'acme-pos';
    const deploy = 'pos-api-hangzhou-1';
    expect(await kubectl('scale', 'deployment', '-n', ns, deploy, '--replicas', '4')).toMatch(`deployment.apps/${deploy} scaled`);
    await waitFor('4/4 ready', async () => /\s4\/4\s/.test(await kubectl('get', 'deployment', '-n', ns, deploy)), 10_000);
    const rsBefore = (await kubectl('get', 'rs', '-n', ns, '-l', 'app=pos-api', '-o', 'name')).trim().split('\n');
    expect(await kubectl('rollout', 'restart', 'deployment', '-n', ns, deploy)).toMatch(`deployment.apps/${deploy} restarted`);
    await waitFor('new ReplicaSet', async () => (await kubectl('get', 'rs', '-n', ns, '-l', 'app=pos-api', '-o', 'name')).trim().split('\n').length === rsBefore.length + 1, 5000);
    const status = await kubectl('rollout', 'status', 'deployment', '-n', ns, deploy, '--timeout', '30s');
    expect(status).toMatch('successfully rolled out');
    const hash = (await kubectl('get', 'deployment', '-n', ns, deploy, '-o', 'jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}')).trim();
    expect(hash).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const pods = (await kubectl('get', 'pods', '-n', ns, '-l', 'app=pos-api', '--no-headers')).split('\n').filter((l) => l.startsWith(deploy));
    expect(pods).toHaveLength(4);
  });

  it('prints Kubernetes errors for bad input', async () => {
    expect(await kubectlFails('get', 'pods', '-l', 'app in (x')).toMatch(/unable to parse requirement|found/);
    expect(await kubectlFails('get', 'pods', '--field-selector', 'foo.bar=x')).toMatch(/"foo\.bar" is not a known field selector/);
    expect(await kubectlFails('get', 'pod', '-n', 'acme-pos', 'nope')).toMatch(/pods "nope" not found/);
  });
});
