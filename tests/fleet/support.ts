/**
 * Shared set-up for the fleet integration tests: a real simulator (in-process, churn 0), a HubManager
 * connected to it through its kubeconfig (the production path), and an in-memory database with
 * API tokens so route handlers can be called exactly as Next calls them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { NextRequest } from 'next/server';

import type { GroundTruth } from '@/simulator';
import { startSimulator, type RunningSimulator } from '@/simulator';
import { createApiToken } from '@/lib/server/auth/token-service';
import { closeDb, openDatabase, provideDatabase, type OpenDatabase } from '@/lib/server/db/client';
import { roleBindingsRepository } from '@/lib/server/db/role-bindings';
import { usersRepository } from '@/lib/server/db/users';
import { resetEnvCache } from '@/lib/server/env';
import type { HubTimings } from '@/lib/server/hubs/hub-connection';
import { HubManager, setHubManager } from '@/lib/server/hubs/hub-manager';
import { hubsFromKubeconfigFiles } from '@/lib/server/hubs/kubeconfig-hubs';

/** Fast health decisions so outage tests finish in seconds. */
export const TEST_TIMINGS: Partial<HubTimings> = {
  probeIntervalMs: 1_000,
  probeRetryMs: 500,
  probeTimeoutMs: 1_000,
  unreachableAfterFailures: 2,
  degradedAfterMs: 1_000,
  metricsIntervalMs: 5_000,
};

export interface FleetFixture {
  simulator: RunningSimulator;
  manager: HubManager;
  tokens: { admin: string; operatorSouth: string; auditor: string; readOnlyAdmin: string };
  truth(): Promise<GroundTruth>;
  control(pathname: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
}

export async function startFleetFixture(options: { hubs: number; withDatabase?: boolean }): Promise<FleetFixture> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'overlook-fleet-'));
  process.env.OVERLOOK_DATA_DIR = dataDir;
  process.env.NEXTAUTH_SECRET = 'fleet-test-secret-0123456789abcdef0123';
  resetEnvCache();
  const simulator = await startSimulator({ hubs: options.hubs, scale: 'small', seed: 42, churn: 0, dir: path.join(dataDir, 'sim') });
  const manager = new HubManager(TEST_TIMINGS);
  const { hubs, problems } = hubsFromKubeconfigFiles([simulator.kubeconfigPath], 'topology.kubernetes.io/zone');
  if (problems.length > 0) throw new Error(problems.join('; '));
  for (const hub of hubs) manager.addHub(hub);
  setHubManager(manager);
  const notSynced = await manager.waitForSync(60_000);
  if (notSynced.length > 0) throw new Error(`hubs not synced: ${notSynced.join(', ')}`);

  let database: OpenDatabase | null = null;
  const tokens = { admin: '', operatorSouth: '', auditor: '', readOnlyAdmin: '' };
  if (options.withDatabase !== false) {
    database = await openDatabase({ kind: 'pglite', dir: 'memory://' });
    provideDatabase(Promise.resolve(database));
    const users = usersRepository(database.prisma);
    const bindings = roleBindingsRepository(database.prisma);
    const make = async (email: string, role: 'platform-admin' | 'operator' | 'auditor', scope: { hubs?: string[] }, scopes: Array<'read' | 'write'>) => {
      const existing = await users.findByEmail(email);
      const user = existing ?? (await users.create({ email, name: email, passwordHash: null }));
      if (!existing) await bindings.add(user.id, { role, scope });
      return (await createApiToken(database!.prisma, user.id, { name: `${email}-${scopes.join('')}`, scopes })).token;
    };
    tokens.admin = await make('admin@fleet.test', 'platform-admin', {}, ['read', 'write']);
    tokens.readOnlyAdmin = await make('admin@fleet.test', 'platform-admin', {}, ['read']);
    tokens.operatorSouth = await make('operator@fleet.test', 'operator', { hubs: ['cn-south'] }, ['read', 'write']);
    tokens.auditor = await make('auditor@fleet.test', 'auditor', {}, ['read', 'write']);
  }

  return {
    simulator,
    manager,
    tokens,
    async truth() {
      return (await (await fetch(`${simulator.controlUrl}/truth`)).json()) as GroundTruth;
    },
    control(pathname, body) {
      return fetch(`${simulator.controlUrl}${pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
    },
    async stop() {
      await manager.stop();
      setHubManager(undefined);
      await simulator.stop();
      if (database) await closeDb();
      rmSync(dataDir, { recursive: true, force: true });
      resetEnvCache();
    },
  };
}

/** Polls until `check` returns without throwing (bounded), then returns its value. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 15_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

type RouteModuleHandler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

/** Calls a route handler as Next would, with an API token. */
export async function callRoute(
  handler: RouteModuleHandler,
  url: string,
  options: { token?: string; method?: string; params?: Record<string, string>; body?: unknown; signal?: AbortSignal } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const req = new NextRequest(new URL(url, 'http://localhost:3000'), {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  return handler(req, { params: Promise.resolve(options.params ?? {}) });
}
