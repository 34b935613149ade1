import 'server-only';

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { childLogger } from '@/lib/server/logger';

const log = childLogger({ module: 'hubs', component: 'demo-simulator' });

export interface DemoSimulatorOptions {
  dir: string;
  seed: number;
  churn: number;
  scale?: 'small' | 'large';
  /** Repository root (where node_modules/.bin/tsx and simulator/cli.ts live). */
  cwd?: string;
  startTimeoutMs?: number;
}

export interface DemoSimulator {
  kubeconfigPath: string;
  controlUrl: string;
  /** Our child process, or null when an already-running simulator was reused. */
  child: ChildProcess | null;
  stop(): void;
}

interface ControlFile {
  url: string;
  pid: number;
}

function readControl(dir: string): ControlFile | null {
  try {
    const parsed = JSON.parse(readFileSync(path.join(dir, 'control.json'), 'utf8')) as Partial<ControlFile>;
    if (typeof parsed.url === 'string' && typeof parsed.pid === 'number') return { url: parsed.url, pid: parsed.pid };
  } catch {
    // Missing or half-written: not running (yet).
  }
  return null;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Demo mode: reuse a simulator that is already running for `dir` (its control.json pid is alive and
 * /healthz answers), else start one as a child process and wait for its control.json. The child is
 * killed when this process exits.
 */
export async function ensureDemoSimulator(options: DemoSimulatorOptions): Promise<DemoSimulator> {
  const kubeconfigPath = path.join(options.dir, 'kubeconfig');
  const existing = readControl(options.dir);
  if (existing && pidAlive(existing.pid) && existsSync(kubeconfigPath) && (await healthy(existing.url))) {
    log.info({ pid: existing.pid, dir: options.dir }, 'reusing the running simulator');
    return { kubeconfigPath, controlUrl: existing.url, child: null, stop: () => undefined };
  }
  // A stale control.json would make us connect to a dead simulator.
  rmSync(path.join(options.dir, 'control.json'), { force: true });

  const cwd = options.cwd ?? process.cwd();
  const tsx = path.join(cwd, 'node_modules', '.bin', 'tsx');
  const args = [
    path.join(cwd, 'simulator', 'cli.ts'),
    '--scale',
    options.scale ?? 'small',
    '--seed',
    String(options.seed),
    '--churn',
    String(options.churn),
    '--dir',
    options.dir,
  ];
  log.info({ dir: options.dir, scale: options.scale ?? 'small', seed: options.seed, churn: options.churn }, 'starting the simulator');
  const child = spawn(tsx, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env } });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  const stop = () => {
    if (child.exitCode === null && !child.killed) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // Only when nobody else handles the signal: otherwise their handler exits and 'exit' fires.
    if (process.listenerCount(signal) === 0) {
      process.once(signal, () => {
        stop();
        process.exit(signal === 'SIGINT' ? 130 : 143);
      });
    }
  }

  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (exited !== null) {
      throw new Error(`the simulator exited with code ${exited} before it was ready: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
    }
    const control = readControl(options.dir);
    if (control && existsSync(kubeconfigPath)) {
      return { kubeconfigPath, controlUrl: control.url, child, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stop();
  throw new Error(`the simulator did not write ${path.join(options.dir, 'control.json')} in time`);
}
