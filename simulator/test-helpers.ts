import { KubeConfig } from '@kubernetes/client-node';
import type { RunningSimulator } from './index';

/** Helpers shared by the simulator's own test suites. */

export function kubeConfigFor(sim: RunningSimulator, hub: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(sim.kubeconfigPath);
  kc.setCurrentContext(hub);
  return kc;
}

export async function waitFor<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function control(sim: RunningSimulator, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  // Reads are GETs (/truth, /healthz); every other control endpoint is a POST.
  const isRead = path === '/truth' || path === '/healthz' || path.endsWith('/truth');
  const res = await fetch(`${sim.controlUrl}${path}`, isRead ? {} : { method: 'POST', body: JSON.stringify(body ?? {}), headers: { 'content-type': 'application/json' } });
  return { status: res.status, json: await res.json() };
}

/** Raw HTTPS request to a hub (self-signed CA, so certificate checks use the kubeconfig CA). */
export async function hubRequest(sim: RunningSimulator, hub: string, path: string, init: { method?: string; token?: string | null; body?: string; contentType?: string; accept?: string } = {}): Promise<{ status: number; text: string; json: () => unknown }> {
  const { request } = await import('node:https');
  const { readFile } = await import('node:fs/promises');
  const info = sim.hubs.find((h) => h.name === hub)!;
  const ca = await readFile(sim.kubeconfigPath.replace(/kubeconfig$/, 'ca.crt'), 'utf8');
  const url = new URL(path, info.server);
  const token = init.token === undefined ? info.token : init.token;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: init.method ?? 'GET',
      ca,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.contentType ? { 'content-type': init.contentType } : {}),
        ...(init.accept ? { accept: init.accept } : {}),
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}
