import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@/simulator';
import { hubRequest, waitFor } from '@/simulator/test-helpers';

const PROMETHEUS = '/usr/bin/prometheus';

/** Install Debian's prometheus when missing and we are root; otherwise say why we skip. */
function ensurePrometheus(): string | undefined {
  if (existsSync(PROMETHEUS)) return undefined;
  if (process.getuid?.() !== 0) return `${PROMETHEUS} missing and not root, cannot apt-get install prometheus`;
  try {
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'prometheus'], { stdio: 'ignore', timeout: 180_000 });
  } catch (err) {
    return `apt-get install prometheus failed: ${(err as Error).message}`;
  }
  return existsSync(PROMETHEUS) ? undefined : 'prometheus still missing after apt-get';
}

const skipReason = ensurePrometheus();
if (skipReason) console.warn(`skipping Prometheus suite: ${skipReason}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!!skipReason)('real Prometheus scrapes a hub', () => {
  let sim: RunningSimulator;
  let dir: string;
  let prom: ChildProcess | undefined;
  let promUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'overlook-prom-'));
    sim = await startSimulator({ hubs: 1, scale: 'small', seed: 42, churn: 0, basePort: 0, dir });
    const target = new URL(sim.hubs[0].server).host;
    const port = await freePort();
    promUrl = `http://127.0.0.1:${port}`;
    await writeFile(
      path.join(dir, 'prometheus.yml'),
      [
        'global:',
        '  scrape_interval: 1s',
        '  evaluation_interval: 1s',
        'scrape_configs:',
        '  - job_name: cn-east',
        '    scheme: https',
        '    metrics_path: /metrics/prometheus',
        '    tls_config:',
        `      ca_file: ${path.join(dir, 'ca.crt')}`,
        '    static_configs:',
        `      - targets: ['${target}']`,
        '',
      ].join('\n'),
    );
    prom = spawn(PROMETHEUS, [`--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`], { stdio: 'ignore' });
  });

  afterAll(async () => {
    if (prom && prom.exitCode === null) {
      prom.kill('SIGTERM');
      await new Promise((r) => prom!.once('exit', r));
    }
    await sim?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('exposes node_exporter, cAdvisor and kube-state-metrics series labelled by node', async () => {
    const res = await hubRequest(sim, 'cn-east', '/metrics/prometheus', { token: null });
    expect(res.status).toBe(200);
    for (const name of ['node_cpu_seconds_total', 'node_memory_MemAvailable_bytes', 'node_memory_MemTotal_bytes', 'node_network_receive_bytes_total', 'node_filesystem_avail_bytes', 'node_load1', 'container_cpu_usage_seconds_total', 'container_memory_working_set_bytes', 'kube_node_status_condition', 'kube_node_info']) {
      expect(res.text).toMatch(new RegExp(`^${name}\\{[^}]*node="`, 'm'));
    }
    expect(res.text).not.toMatch(/instance="/);
  });

  it('answers a node CPU query with plausible values', async () => {
    const query = async (q: string) => {
      const r = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(q)}`);
      return (await r.json()) as { status: string; data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
    };
    await waitFor('prometheus up', async () => (await fetch(`${promUrl}/-/ready`).catch(() => undefined))?.ok, 30_000);
    // rate() needs two samples of each series.
    const result = await waitFor('cpu utilisation series', async () => {
      const r = await query('1 - avg without(cpu,mode)(rate(node_cpu_seconds_total{mode="idle"}[1m]))').catch(() => undefined);
      return r && r.status === 'success' && r.data.result.length > 50 ? r.data.result : undefined;
    }, 40_000);
    const values = result.map((s) => Number(s.value[1]));
    expect(values.every((v) => v > 0 && v < 1)).toBe(true);
    expect(result[0].metric.node).toMatch(/^cn-east-/);
    const up = await query('up');
    expect(up.data.result[0].value[1]).toBe('1');
    const mem = await query('1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes');
    expect(mem.data.result.every((s) => Number(s.value[1]) > 0 && Number(s.value[1]) < 1)).toBe(true);
  });
});
