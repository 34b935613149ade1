import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ControlFile } from '@/simulator';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function startCli(): Promise<{ child: ChildProcessWithoutNullStreams; dir: string; stdout: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'overlook-cli-'));
  dirs.push(dir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'simulator/cli.ts', '--hubs', '1', '--churn', '0', '--seed', '3', '--dir', dir], { stdio: 'pipe' });
  let stdout = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('control:')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
  });
  return { child, dir, stdout };
}

const exited = (child: ChildProcessWithoutNullStreams): Promise<number | null> => new Promise((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))));

describe('simulator CLI as a child process', () => {
  it('prints where it wrote kubeconfig and control.json, and exits on SIGTERM', async () => {
    const { child, dir, stdout } = await startCli();
    expect(stdout).toContain(`kubeconfig: ${path.join(dir, 'kubeconfig')}`);
    const control = JSON.parse(await readFile(path.join(dir, 'control.json'), 'utf8')) as ControlFile;
    expect(control.pid).toBe(child.pid);
    expect(control.hubs.map((h) => h.name)).toEqual(['cn-east']);
    expect(stdout).toContain(`control: ${control.url}`);
    expect(((await (await fetch(`${control.url}/healthz`)).json()) as { ok: boolean }).ok).toBe(true);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    await expect(fetch(`${control.url}/healthz`)).rejects.toThrow();
  });

  it('exits when its stdin pipe closes (parent gone)', async () => {
    const { child } = await startCli();
    child.stdin.end();
    expect(await exited(child)).toBe(0);
  });

  it('rejects bad flags with a message naming the flag', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'simulator/cli.ts', '--scale', 'huge'], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    expect(await exited(child)).toBe(2);
    expect(stderr).toMatch(/--scale/);
  });
});
