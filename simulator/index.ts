import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Server } from 'node:http';
import { Hub } from './world/hub';
import { HUB_NAMES } from './world/catalog';
import type { Scale } from './world/generator';
import { HubServer } from './api/hub-server';
import { generateTls } from './tls';
import { buildKubeconfig } from './kubeconfig';
import { createControlServer } from './control/server';
import type { ControlFile, SimulatorHubInfo } from './control/types';

export type * from './control/types';
export { HUB_NAMES } from './world/catalog';

export interface SimulatorOptions {
  /** Number of hubs (first N of HUB_NAMES); default 3 for small, 10 for large. */
  hubs?: number;
  scale?: Scale;
  seed?: number;
  /** Where kubeconfig and control.json are written; default `.simulator`. */
  dir?: string;
  /** Random churn multiplier; 0 = none (deterministic). Default 0 for the library, 1 for the CLI. */
  churn?: number;
  /** Serve plain HTTP instead of HTTPS. */
  http?: boolean;
  /** First port: hub i listens on basePort + i, control on basePort + hubs. 0 = random free ports. */
  basePort?: number;
  /** Print progress lines to stderr. */
  verbose?: boolean;
}

export interface RunningSimulator {
  kubeconfigPath: string;
  controlUrl: string;
  hubs: SimulatorHubInfo[];
  stop(): Promise<void>;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const scale: Scale = opts.scale ?? 'small';
  const hubCount = opts.hubs ?? (scale === 'large' ? 10 : 3);
  if (!Number.isInteger(hubCount) || hubCount < 1 || hubCount > HUB_NAMES.length) throw new Error(`hubs must be an integer between 1 and ${HUB_NAMES.length}`);
  const seed = opts.seed ?? 42;
  const dir = path.resolve(opts.dir ?? '.simulator');
  const churn = opts.churn ?? 0;
  const basePort = opts.basePort ?? 0;
  const log = (msg: string) => {
    if (opts.verbose) process.stderr.write(`[simulator] ${msg}\n`);
  };

  const tls = opts.http ? undefined : generateTls();
  const now = Date.now();
  const pairs: Array<{ hub: Hub; server: HubServer }> = [];
  let control: Server | undefined;
  try {
    for (let i = 0; i < hubCount; i++) {
      const t0 = Date.now();
      const hub = new Hub({ name: HUB_NAMES[i], index: i, scale, seed, churn, nowMs: now });
      const server = new HubServer(hub, tls);
      await server.listen(basePort ? basePort + i : 0);
      pairs.push({ hub, server });
      log(`${hub.name}: ${hub.store.count('nodes')} nodes, ${hub.store.count('pods')} pods on ${server.url} (${Date.now() - t0} ms)`);
    }
    control = createControlServer(pairs);
    await new Promise<void>((resolve, reject) => {
      control!.once('error', reject);
      control!.listen(basePort ? basePort + hubCount : 0, '127.0.0.1', () => resolve());
    });
  } catch (err) {
    for (const p of pairs) {
      p.hub.stop();
      await p.server.close();
    }
    control?.close();
    throw err;
  }
  for (const p of pairs) p.hub.start();
  const controlUrl = `http://127.0.0.1:${(control.address() as { port: number }).port}`;
  const hubs: SimulatorHubInfo[] = pairs.map((p) => ({ name: p.hub.name, region: p.hub.region, server: p.server.url, token: p.server.token, readOnlyToken: p.server.readOnlyToken }));
  await mkdir(dir, { recursive: true });
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  await writeFile(kubeconfigPath, buildKubeconfig(hubs, tls?.caPem), { mode: 0o600 });
  if (tls) await writeFile(path.join(dir, 'ca.crt'), tls.caPem);
  const controlFile: ControlFile = { url: controlUrl, hubs, pid: process.pid, kubeconfigPath };
  await writeFile(path.join(dir, 'control.json'), `${JSON.stringify(controlFile, null, 2)}\n`, { mode: 0o600 });

  let stopped = false;
  return {
    kubeconfigPath,
    controlUrl,
    hubs,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const p of pairs) p.hub.stop();
      await Promise.all(pairs.map((p) => p.server.close()));
      await new Promise<void>((resolve) => {
        control!.close(() => resolve());
        control!.closeAllConnections();
      });
    },
  };
}
