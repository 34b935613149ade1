/**
 * Set-up for the hub-registration suites: a real simulator whose FIRST hub comes from its kubeconfig
 * (like OVERLOOK_KUBECONFIG) while the others are left for the tests to register through the API,
 * with the URL, CA and token the simulator wrote into that kubeconfig.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { KubeConfig } from '@kubernetes/client-node';

import { startSimulator, type RunningSimulator } from '@/simulator';
import { createApiToken } from '@/lib/server/auth/token-service';
import { closeDb, openDatabase, provideDatabase, type OpenDatabase } from '@/lib/server/db/client';
import { roleBindingsRepository } from '@/lib/server/db/role-bindings';
import { usersRepository } from '@/lib/server/db/users';
import { resetEnvCache } from '@/lib/server/env';
import { HubManager, setHubManager } from '@/lib/server/hubs/hub-manager';
import { hubsFromKubeconfigFiles } from '@/lib/server/hubs/kubeconfig-hubs';
import type { RegisteredHubsContext } from '@/lib/server/hubs/registered-hubs';
import { TEST_TIMINGS } from '@/tests/fleet/support';

export const DATACENTER_LABEL = 'topology.kubernetes.io/zone';

export type SimHub = { name: string; server: string; token: string; readOnlyToken: string; caPem: string };

export interface HubsFixture {
  simulator: RunningSimulator;
  manager: HubManager;
  database: OpenDatabase;
  /** The key in OVERLOOK_SECRET_KEY for this run. */
  key: Buffer;
  hubs: SimHub[];
  tokens: { admin: string; auditor: string; readOnlyAdmin: string };
  adminEmail: string;
  ctx(overrides?: Partial<RegisteredHubsContext['env']>): RegisteredHubsContext;
  /** A manager with the kubeconfig hubs named (default: the first), like a fresh start-up. */
  newManager(kubeconfigHubs?: string[]): HubManager;
  stop(): Promise<void>;
}

/** Server, CA and tokens of every simulator hub, the CA read from the kubeconfig it wrote. */
export function simulatorHubs(simulator: RunningSimulator): SimHub[] {
  const kc = new KubeConfig();
  kc.loadFromFile(simulator.kubeconfigPath);
  return simulator.hubs.map((hub) => {
    const cluster = kc.getCluster(hub.name);
    if (!cluster?.caData) throw new Error(`no CA for ${hub.name} in the simulator kubeconfig`);
    return { name: hub.name, server: hub.server, token: hub.token, readOnlyToken: hub.readOnlyToken, caPem: Buffer.from(cluster.caData, 'base64').toString('utf8') };
  });
}

export async function startHubsFixture(options: { hubs?: number; database?: () => Promise<OpenDatabase> } = {}): Promise<HubsFixture> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'overlook-hubs-'));
  const key = randomBytes(32);
  process.env.OVERLOOK_DATA_DIR = dataDir;
  process.env.NEXTAUTH_SECRET = 'hubs-test-secret-0123456789abcdef0123';
  process.env.OVERLOOK_SECRET_KEY = key.toString('base64');
  resetEnvCache();
  const simulator = await startSimulator({ hubs: options.hubs ?? 2, scale: 'small', seed: 42, churn: 0, dir: path.join(dataDir, 'sim') });
  const managers: HubManager[] = [];
  const newManager = (kubeconfigHubs: string[] = [simulator.hubs[0].name]) => {
    const manager = new HubManager(TEST_TIMINGS);
    const { hubs, problems } = hubsFromKubeconfigFiles([simulator.kubeconfigPath], DATACENTER_LABEL);
    if (problems.length > 0) throw new Error(problems.join('; '));
    for (const hub of hubs) if (kubeconfigHubs.includes(hub.name)) manager.addHub(hub);
    managers.push(manager);
    return manager;
  };
  const manager = newManager();
  setHubManager(manager);
  const notSynced = await manager.waitForSync(60_000);
  if (notSynced.length > 0) throw new Error(`hubs not synced: ${notSynced.join(', ')}`);

  const database = await (options.database ?? (() => openDatabase({ kind: 'pglite', dir: 'memory://' })))();
  provideDatabase(Promise.resolve(database));
  const users = usersRepository(database.prisma);
  const bindings = roleBindingsRepository(database.prisma);
  const make = async (email: string, role: 'platform-admin' | 'auditor', scopes: Array<'read' | 'write'>) => {
    const existing = await users.findByEmail(email);
    const user = existing ?? (await users.create({ email, name: email, passwordHash: null }));
    if (!existing) await bindings.add(user.id, { role, scope: {} });
    return (await createApiToken(database.prisma, user.id, { name: `${email}-${scopes.join('')}`, scopes })).token;
  };
  const adminEmail = 'admin@hubs.test';
  const tokens = {
    admin: await make(adminEmail, 'platform-admin', ['read', 'write']),
    readOnlyAdmin: await make(adminEmail, 'platform-admin', ['read']),
    auditor: await make('auditor@hubs.test', 'auditor', ['read', 'write']),
  };

  return {
    simulator,
    manager,
    database,
    key,
    hubs: simulatorHubs(simulator),
    tokens,
    adminEmail,
    ctx(overrides = {}) {
      return { db: database.prisma, manager, env: { secretKey: key, datacenterLabel: DATACENTER_LABEL, ...overrides } };
    },
    newManager,
    async stop() {
      await Promise.all(managers.map((m) => m.stop()));
      setHubManager(undefined);
      await simulator.stop();
      await closeDb();
      rmSync(dataDir, { recursive: true, force: true });
      delete process.env.OVERLOOK_SECRET_KEY;
      resetEnvCache();
    },
  };
}
