import 'server-only';

import path from 'node:path';

import { HubConnection, type HubDefinition, type HubTimings } from '@/lib/server/hubs/hub-connection';
import type { StoreChange } from '@/lib/server/hubs/hub-store';
import { ensureDemoSimulator, type DemoSimulator } from '@/lib/server/hubs/demo-simulator';
import { hubsFromKubeconfigFiles } from '@/lib/server/hubs/kubeconfig-hubs';
import { childLogger } from '@/lib/server/logger';
import type { Env } from '@/lib/server/env';

const log = childLogger({ module: 'hubs' });

/** A change anywhere in the fleet, for the live stream and derived-view caches. */
export type FleetChange =
  | { kind: 'hub'; hub: string }
  | { kind: 'hubs-changed' }
  | ({ hub: string } & StoreChange);

export type FleetChangeListener = (change: FleetChange) => void;

/**
 * Every hub connection of this process. Hubs can be added and removed at runtime (kubeconfig at start
 * today; admin-registered hubs later). The caches are shared by all requests; authorization happens
 * per request in the query layer.
 */
export class HubManager {
  private readonly hubs = new Map<string, HubConnection>();
  private readonly listeners = new Set<FleetChangeListener>();
  /** Bumped on every change in any hub: caches of fleet-wide views key on it. */
  version = 0;
  demoSimulator: DemoSimulator | null = null;
  /** Where hubs came from, for the start-up banner and /api/ready. */
  kubeconfigPaths: string[] = [];
  /** Background work tied to this manager (e.g. the registered-hubs re-read), stopped with it. */
  private readonly stopHooks: Array<() => void> = [];

  constructor(private readonly timings: Partial<HubTimings> = {}) {}

  list(): HubConnection[] {
    return [...this.hubs.values()];
  }

  get(name: string): HubConnection | undefined {
    return this.hubs.get(name);
  }

  has(name: string): boolean {
    return this.hubs.has(name);
  }

  /** Adds and starts a hub; an existing hub with the same name is replaced. */
  addHub(definition: HubDefinition): HubConnection {
    const previous = this.hubs.get(definition.name);
    if (previous) void previous.stop();
    const connection = new HubConnection(definition, this.timings);
    connection.onChange = (change) => {
      this.version++;
      this.emit({ hub: connection.name, ...change });
    };
    connection.onStatusChange = (hub) => {
      this.version++;
      log.info({ hub: hub.name, status: hub.currentStatus, reason: hub.listStatus().error }, 'hub status');
      this.emit({ kind: 'hub', hub: hub.name });
    };
    this.hubs.set(definition.name, connection);
    connection.start();
    this.version++;
    this.emit({ kind: 'hubs-changed' });
    return connection;
  }

  async removeHub(name: string): Promise<void> {
    const connection = this.hubs.get(name);
    if (!connection) return;
    this.hubs.delete(name);
    this.version++;
    await connection.stop();
    this.emit({ kind: 'hubs-changed' });
  }

  subscribe(listener: FleetChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private emit(change: FleetChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        log.warn({ err: error }, 'fleet change listener failed');
      }
    }
  }

  /** Waits until every hub finished its first sync or the timeout passes; returns the hubs not synced. */
  async waitForSync(timeoutMs: number): Promise<string[]> {
    const results = await Promise.all(this.list().map(async (hub) => ((await hub.waitForSync(timeoutMs)) ? null : hub.name)));
    return results.filter((name): name is string => name !== null);
  }

  /** Sum of the version counters: changes whenever any hub store changes. */
  get dataVersion(): number {
    let sum = this.version;
    for (const hub of this.hubs.values()) sum += hub.store.version;
    return sum;
  }

  /** Runs `hook` when the manager stops. */
  onStop(hook: () => void): void {
    this.stopHooks.push(hook);
  }

  async stop(): Promise<void> {
    for (const hook of this.stopHooks.splice(0)) hook();
    await Promise.all(this.list().map((hub) => hub.stop()));
    this.hubs.clear();
    this.demoSimulator?.stop();
    this.demoSimulator = null;
  }

  /**
   * Connects the hubs the configuration names: every context of OVERLOOK_KUBECONFIG, or in demo mode
   * (simulator `auto`, no kubeconfig) the simulator's own kubeconfig, starting the simulator if needed.
   */
  async startFromEnv(env: Env): Promise<void> {
    let paths = env.kubeconfigPaths;
    if (paths.length === 0 && env.demo && env.simulator.mode === 'auto') {
      this.demoSimulator = await ensureDemoSimulator({
        dir: env.simulator.dir,
        seed: env.simulator.seed,
        churn: env.simulator.churn,
        scale: 'small',
      });
      paths = [this.demoSimulator.kubeconfigPath];
      const relative = path.relative(process.cwd(), this.demoSimulator.kubeconfigPath) || this.demoSimulator.kubeconfigPath;
      console.log(
        [
          '',
          `  Demo fleet: simulated hubs, kubeconfig ${relative}`,
          `  Inspect the very fleet the console shows: kubectl --kubeconfig ${relative} get nodes --context cn-east`,
          '',
        ].join('\n'),
      );
    }
    this.kubeconfigPaths = paths;
    const { hubs, problems } = hubsFromKubeconfigFiles(paths, env.datacenterLabel);
    for (const problem of problems) log.warn(problem);
    if (hubs.length === 0) log.warn('no hubs configured: set OVERLOOK_KUBECONFIG to one or more kubeconfig files');
    for (const hub of hubs) this.addHub(hub);
    log.info({ hubs: hubs.map((hub) => hub.name) }, 'hubs configured');
  }
}

const globalForHubs = globalThis as unknown as { overlookHubManager?: HubManager };

/** The process-wide HubManager (a singleton on globalThis, so hot reload keeps one set of watches). */
export function getHubManager(): HubManager {
  globalForHubs.overlookHubManager ??= new HubManager();
  return globalForHubs.overlookHubManager;
}

/** Replaces the singleton (tests and benchmarks that build their own manager). */
export function setHubManager(manager: HubManager | undefined): void {
  globalForHubs.overlookHubManager = manager;
}
