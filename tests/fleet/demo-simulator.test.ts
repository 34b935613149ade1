/**
 * Demo mode: the console starts the simulator as a child process, waits for its control.json,
 * connects to its kubeconfig, reuses a running one, and stops its own child.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import type { Env } from '@/lib/server/env';
import { ensureDemoSimulator } from '@/lib/server/hubs/demo-simulator';
import { HubManager } from '@/lib/server/hubs/hub-manager';

import { eventually, TEST_TIMINGS } from './support';

const dir = mkdtempSync(path.join(tmpdir(), 'overlook-demo-sim-'));
const cleanups: Array<() => void | Promise<void>> = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('demo simulator', () => {
  it('starts as a child, is reused while running, and the manager syncs its hubs', async () => {
    const first = await ensureDemoSimulator({ dir, seed: 7, churn: 0, scale: 'small' });
    cleanups.push(() => first.stop());
    expect(first.child).not.toBeNull();
    const control = JSON.parse(readFileSync(path.join(dir, 'control.json'), 'utf8')) as { pid: number };
    expect(alive(control.pid)).toBe(true);

    const second = await ensureDemoSimulator({ dir, seed: 7, churn: 0, scale: 'small' });
    expect(second.child).toBeNull();
    expect(second.controlUrl).toBe(first.controlUrl);

    const manager = new HubManager(TEST_TIMINGS);
    cleanups.push(() => manager.stop());
    const env = {
      demo: true,
      kubeconfigPaths: [],
      datacenterLabel: 'topology.kubernetes.io/zone',
      simulator: { mode: 'auto', dir, seed: 7, churn: 0 },
    } as unknown as Env;
    await manager.startFromEnv(env);
    expect(manager.list().map((hub) => hub.name).sort()).toEqual(['cn-east', 'cn-north', 'cn-south']);
    expect(await manager.waitForSync(60_000)).toEqual([]);
    expect(manager.demoSimulator?.child).toBeNull();

    first.stop();
    await eventually(() => expect(alive(control.pid)).toBe(false), 10_000);
  });
});
