import 'server-only';

import type { KubeConfig } from '@kubernetes/client-node';

import type { HubListStatus, HubStatus } from '@/lib/contracts/fleet';
import { HubStore, type ResourceKind, type StoreChange } from '@/lib/server/hubs/hub-store';
import { KubeRequestError, KubeTransport } from '@/lib/server/hubs/kube-transport';
import { sumPodMetricsByNamespace, type PodMetricsItem } from '@/lib/server/hubs/pod-metrics';
import { projectNodeMetrics, type RawObject } from '@/lib/server/hubs/projection';
import type { UsageRecord } from '@/lib/server/hubs/records';
import { ResourceWatch, type WatchStatus } from '@/lib/server/hubs/resource-watch';
import { childLogger } from '@/lib/server/logger';

/** A hub as configured: from a kubeconfig context now, registered by an admin later. */
export interface HubDefinition {
  /** Unique hub name (a valid DNS label), e.g. `cn-east`. */
  name: string;
  displayName?: string;
  /** Region the hub serves; defaults to the nodes' `topology.kubernetes.io/region`, then the name. */
  region?: string;
  source: 'kubeconfig' | 'registered';
  /** Kubeconfig hubs: the file that defines the context (shown by the admin API; edit it there). */
  kubeconfigFile?: string;
  /** One KubeConfig per hub, current context set: client-node reads auth from it on every request. */
  kubeConfig: KubeConfig;
  datacenterLabel: string;
}

export interface HubTimings {
  /** Health probe interval while healthy. */
  probeIntervalMs: number;
  /** Probe interval after a failure (confirm quickly). */
  probeRetryMs: number;
  probeTimeoutMs: number;
  /** Consecutive failed probes before `unreachable`. */
  unreachableAfterFailures: number;
  /** A watch failing this long makes the hub `degraded`. */
  degradedAfterMs: number;
  metricsIntervalMs: number;
}

export const DEFAULT_TIMINGS: HubTimings = {
  probeIntervalMs: 5_000,
  probeRetryMs: 1_500,
  probeTimeoutMs: 5_000,
  unreachableAfterFailures: 2,
  degradedAfterMs: 2_000,
  metricsIntervalMs: 20_000,
};

interface WatchSpec {
  kind: ResourceKind;
  path: string;
  optional?: boolean;
  pageSize?: number;
}

/** The core resources: a hub is `connected` only when all of them are synced and live. */
const CORE_WATCHES: WatchSpec[] = [
  { kind: 'nodes', path: '/api/v1/nodes', pageSize: 500 },
  { kind: 'namespaces', path: '/api/v1/namespaces' },
  { kind: 'replicasets', path: '/apis/apps/v1/replicasets' },
  { kind: 'deployments', path: '/apis/apps/v1/deployments' },
  { kind: 'daemonsets', path: '/apis/apps/v1/daemonsets' },
  { kind: 'pods', path: '/api/v1/pods', pageSize: 1000 },
];

/** Nice to have: the hub still counts as connected without them (RBAC may forbid them). */
const OPTIONAL_WATCHES: WatchSpec[] = [
  { kind: 'events', path: '/api/v1/events', optional: true, pageSize: 500 },
  { kind: 'leases', path: '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases', optional: true },
];

/** How long one ask for pod usage keeps the PodMetrics poll going. */
const POD_METRICS_INTEREST_MS = 5 * 60_000;

const NODE_GROUP_WATCH: WatchSpec = { kind: 'nodegroups', path: '/apis/apps.kubeedge.io/v1alpha1/nodegroups', optional: true };

/**
 * One live connection to one hub: watches feeding a HubStore, a health probe deciding
 * connected / degraded / unreachable, metrics polling. Recovers by itself; never throws to callers.
 */
export class HubConnection {
  readonly name: string;
  readonly source: HubDefinition['source'];
  readonly displayName: string;
  readonly store: HubStore;
  readonly transport: KubeTransport;
  kubernetesVersion: string | null = null;
  metricsAvailable: boolean | null = null;
  /** Set after the first complete sync of every core resource. */
  initialSyncMs: number | null = null;

  /** As configured (the admin API reads server, CA and credential kind from it — never secrets). */
  readonly definition: HubDefinition;
  private readonly timings: HubTimings;
  private readonly watches = new Map<ResourceKind, ResourceWatch>();
  private readonly log;
  private status: HubStatus = 'connecting';
  private since: number = Date.now();
  private error: string | null = null;
  private lastSyncAt: number | null = null;
  private probeFailures = 0;
  private probeError: string | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private metricsTimer: NodeJS.Timeout | null = null;
  /** Pod usage is polled only while tenant-limited views asked for it recently (see wantPodMetrics). */
  private podMetricsWantedUntil = 0;
  private podMetricsPolling: Promise<void> | null = null;
  private nodeGroupsChecked = 0;
  private started = false;
  private startedAt = 0;
  private syncWaiters: Array<() => void> = [];

  /** Status changes (for the stream and logs). */
  onStatusChange: ((connection: HubConnection) => void) | null = null;

  constructor(definition: HubDefinition, timings: Partial<HubTimings> = {}) {
    this.definition = definition;
    this.name = definition.name;
    this.source = definition.source;
    this.displayName = definition.displayName ?? definition.name;
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
    this.store = new HubStore(definition.datacenterLabel);
    this.store.hubName = definition.name;
    this.transport = new KubeTransport(definition.kubeConfig);
    this.log = childLogger({ module: 'hubs', hub: definition.name });
  }

  get region(): string {
    return this.definition.region ?? this.store.regionLabel ?? this.name;
  }

  /** Forwards store changes (node/pod/workload upserts) to a listener. */
  set onChange(listener: ((change: StoreChange) => void) | null) {
    this.store.onChange = listener;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.startedAt = Date.now();
    for (const spec of [...CORE_WATCHES, ...OPTIONAL_WATCHES]) this.addWatch(spec);
    void this.probe();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    if (this.metricsTimer) clearTimeout(this.metricsTimer);
    await Promise.all([...this.watches.values()].map((watch) => watch.stop()));
    this.transport.close();
    for (const resolve of this.syncWaiters.splice(0)) resolve();
  }

  /** Resolves when the first sync is complete (or the timeout passes); returns whether it synced. */
  async waitForSync(timeoutMs: number): Promise<boolean> {
    if (this.initialSyncMs !== null) return true;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.syncWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    return this.initialSyncMs !== null;
  }

  watchStatuses(): WatchStatus[] {
    return [...this.watches.values()].map((watch) => watch.status());
  }

  /** Diagnostic (tests): restart one watch from a given resourceVersion. */
  rewatchFrom(kind: ResourceKind, resourceVersion: string): void {
    this.watches.get(kind)?.rewatchFrom(resourceVersion);
  }

  listStatus(): HubListStatus {
    return {
      hub: this.name,
      region: this.region,
      status: this.status,
      lastSyncAt: this.lastSyncAt === null ? null : new Date(this.lastSyncAt).toISOString(),
      since: new Date(this.since).toISOString(),
      error: this.error,
      stale: this.isStale,
    };
  }

  get currentStatus(): HubStatus {
    return this.status;
  }

  /** Data is last-known (not live) while the hub is degraded or unreachable. */
  get isStale(): boolean {
    return this.status === 'degraded' || this.status === 'unreachable';
  }

  /** The reason the hub cannot take a mutation now, or null when it can. */
  get unavailableReason(): string | null {
    return this.status === 'unreachable' ? this.error ?? 'the hub does not answer' : null;
  }

  private addWatch(spec: WatchSpec): void {
    if (this.watches.has(spec.kind)) return;
    const watch = new ResourceWatch(this.transport, this.store, {
      kind: spec.kind,
      path: spec.path,
      optional: spec.optional,
      pageSize: spec.pageSize,
      onStateChange: () => this.evaluate(),
      onSynced: () => this.onWatchSynced(),
    });
    this.watches.set(spec.kind, watch);
    if (this.started) watch.start();
  }

  private onWatchSynced(): void {
    const coreSynced = CORE_WATCHES.every((spec) => this.watches.get(spec.kind)?.status().synced);
    if (coreSynced && this.initialSyncMs === null) {
      this.initialSyncMs = Date.now() - this.startedAt;
      this.log.info({ ms: this.initialSyncMs, nodes: this.store.nodes.size, pods: this.store.pods.size }, 'hub synced');
      for (const resolve of this.syncWaiters.splice(0)) resolve();
      this.scheduleMetrics(0);
    }
    this.evaluate();
  }

  // ---------------------------------------------------------------------------------------------
  // Health
  // ---------------------------------------------------------------------------------------------

  private scheduleProbe(ms: number): void {
    if (!this.started) return;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => void this.probe(), ms);
    this.probeTimer.unref?.();
  }

  private async probe(): Promise<void> {
    if (!this.started) return;
    const probeStarted = Date.now();
    try {
      const version = await this.transport.requestJson<{ gitVersion?: string }>('/version', undefined, {
        timeoutMs: this.timings.probeTimeoutMs,
      });
      this.kubernetesVersion = version?.gitVersion ?? this.kubernetesVersion;
      const recovered = this.probeFailures > 0;
      this.probeFailures = 0;
      this.probeError = null;
      if (recovered) {
        this.log.info('hub answers again');
        for (const watch of this.watches.values()) watch.retryNow();
      }
      await this.checkNodeGroups();
      this.scheduleProbe(this.timings.probeIntervalMs);
    } catch (error) {
      // A slow probe while the hub is streaming data to us means one of us is busy (a 200k-pod initial
      // list saturates both ends), not that the hub is gone: don't count it.
      // Likewise when our own event loop was blocked (the deadline timer fired far too late): the
      // answer may be sitting unread in the socket.
      const timedOut = error instanceof KubeRequestError && error.code === 'Timeout';
      const busy =
        timedOut &&
        (Date.now() - this.transport.lastActivityAt < this.timings.probeTimeoutMs ||
          Date.now() - probeStarted > this.timings.probeTimeoutMs * 1.5);
      if (busy) {
        this.scheduleProbe(this.timings.probeIntervalMs);
        this.evaluate();
        return;
      }
      this.probeFailures++;
      this.probeError = error instanceof Error ? error.message : String(error);
      if (this.probeFailures === this.timings.unreachableAfterFailures) {
        this.log.warn({ reason: this.probeError }, 'hub unreachable');
        // Streams to a hung hub may never end by themselves: drop the silent ones, the watches reconnect
        // with backoff. Lists in progress keep going (they have their own deadline).
        const silentSince = Date.now() - this.timings.probeTimeoutMs;
        for (const watch of this.watches.values()) {
          const status = watch.status();
          if (status.state === 'live' && (status.lastEventAt ?? 0) < silentSince) watch.interrupt();
        }
      }
      this.scheduleProbe(this.probeFailures < this.timings.unreachableAfterFailures ? this.timings.probeRetryMs : this.timings.probeIntervalMs);
    }
    this.evaluate();
  }

  /** Watch KubeEdge NodeGroups only when the CRD is served (discovery), checked at most once a minute. */
  private async checkNodeGroups(): Promise<void> {
    if (this.watches.has('nodegroups') || Date.now() - this.nodeGroupsChecked < 60_000) return;
    this.nodeGroupsChecked = Date.now();
    try {
      const list = await this.transport.requestJson<{ resources?: Array<{ name?: string }> }>(
        '/apis/apps.kubeedge.io/v1alpha1',
        undefined,
        { timeoutMs: this.timings.probeTimeoutMs },
      );
      if (list?.resources?.some((resource) => resource.name === 'nodegroups')) this.addWatch(NODE_GROUP_WATCH);
    } catch (error) {
      if (!(error instanceof KubeRequestError && error.status === 404)) this.nodeGroupsChecked = 0;
    }
  }

  /** Decides the hub status from the probe and the watches; called on every change of either. */
  private evaluate(): void {
    if (!this.started) return;
    const now = Date.now();
    let status: HubStatus;
    let error: string | null = null;
    if (this.probeFailures >= this.timings.unreachableAfterFailures) {
      status = 'unreachable';
      error = this.probeError;
    } else {
      const watches = [...this.watches.values()].map((watch) => watch.status());
      const coreKinds = new Set(CORE_WATCHES.map((spec) => spec.kind));
      const unsynced = watches.filter((w) => coreKinds.has(w.kind) && !w.synced);
      const failing = watches.filter(
        (w) => w.state === 'failing' && w.failingSince !== null && now - w.failingSince >= this.timings.degradedAfterMs,
      );
      if (this.probeFailures > 0) {
        status = this.lastSyncAt === null ? 'connecting' : 'degraded';
        error = this.probeError;
      } else if (unsynced.length > 0) {
        status = this.lastSyncAt === null ? 'connecting' : 'degraded';
        const broken = unsynced.find((w) => w.error);
        error = broken ? `${broken.kind}: ${broken.error}` : null;
      } else if (failing.length > 0) {
        status = 'degraded';
        error = failing.map((w) => `${w.kind}: ${w.error}`).join('; ');
      } else {
        status = 'connected';
      }
      // Re-check soon so a watch that keeps failing turns the hub degraded without waiting for a probe.
      if (watches.some((w) => w.state === 'failing') && status === 'connected') this.scheduleProbe(this.timings.degradedAfterMs);
    }
    if (status === 'connected') this.lastSyncAt = now;
    if (status !== this.status || error !== this.error) {
      if (status !== this.status) this.since = now;
      this.status = status;
      this.error = error;
      this.onStatusChange?.(this);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Metrics (metrics.k8s.io is not watchable: poll it)
  // ---------------------------------------------------------------------------------------------

  private scheduleMetrics(ms: number): void {
    if (!this.started) return;
    if (this.metricsTimer) clearTimeout(this.metricsTimer);
    this.metricsTimer = setTimeout(() => void this.pollMetrics(), ms);
    this.metricsTimer.unref?.();
  }

  private async pollMetrics(): Promise<void> {
    if (!this.started) return;
    let next = this.timings.metricsIntervalMs;
    try {
      const list = await this.transport.requestJson<{ items?: RawObject[] }>('/apis/metrics.k8s.io/v1beta1/nodes', undefined, {
        timeoutMs: 15_000,
      });
      const usage = new Map<string, UsageRecord>();
      for (const item of list?.items ?? []) {
        const projected = projectNodeMetrics(item);
        if (projected) usage.set(projected.name, projected.usage);
      }
      this.store.setNodeUsage(usage);
      this.metricsAvailable = true;
      if (Date.now() < this.podMetricsWantedUntil) await this.pollPodMetrics();
      else if (this.store.namespaceUsage) this.store.setNamespaceUsage(null);
      this.store.onChange?.({ kind: 'aggregate' });
    } catch (error) {
      if (error instanceof KubeRequestError && (error.status === 404 || error.status === 403 || error.status === 503)) {
        // No metrics-server (or not allowed): usage shows as unknown; look again later.
        this.metricsAvailable = false;
        this.store.setNodeUsage(null);
        next = 60_000;
      }
      // Network failures keep the last usage; the hub status already tells the story.
    }
    this.scheduleMetrics(next);
  }

  /**
   * Tenant-limited views call this when they need pod usage. PodMetrics of every pod is a large list
   * (20,000 items per hub at fleet scale), so it is polled with the node metrics only while someone
   * asked for it in the last 5 minutes; the first ask polls at once and announces the result as an
   * aggregate change (pages refetch through the stream).
   */
  wantPodMetrics(): void {
    const idle = Date.now() >= this.podMetricsWantedUntil;
    this.podMetricsWantedUntil = Date.now() + POD_METRICS_INTEREST_MS;
    if (idle && this.started && this.metricsAvailable !== false && !this.podMetricsPolling) {
      void this.pollPodMetrics().then(() => this.store.onChange?.({ kind: 'aggregate' }));
    }
  }

  /** PodMetrics of all namespaces, summed per namespace (tenants' usage). Failure → unavailable. */
  private pollPodMetrics(): Promise<void> {
    this.podMetricsPolling ??= this.fetchPodMetrics().finally(() => {
      this.podMetricsPolling = null;
    });
    return this.podMetricsPolling;
  }

  private async fetchPodMetrics(): Promise<void> {
    try {
      const list = await this.transport.requestJson<{ items?: PodMetricsItem[] }>('/apis/metrics.k8s.io/v1beta1/pods', undefined, { timeoutMs: 30_000 });
      this.store.setNamespaceUsage(sumPodMetricsByNamespace(list?.items ?? []));
    } catch (error) {
      if (error instanceof KubeRequestError && (error.status === 404 || error.status === 403 || error.status === 503)) this.store.setNamespaceUsage(null);
      // Network failures keep the last sums, like node usage.
    }
  }
}
