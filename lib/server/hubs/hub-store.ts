import 'server-only';

import type { CountsByReadiness, PodCounts } from '@/lib/contracts/fleet';
import {
  addPod,
  addPodCounts,
  addReadiness,
  bump,
  emptyPodCounts,
  emptyReadiness,
} from '@/lib/server/hubs/aggregates';
import {
  projectDaemonSet,
  projectDeployment,
  projectEvent,
  projectLease,
  projectNamespace,
  projectNode,
  projectNodeGroup,
  projectPod,
  projectReplicaSet,
  REGION_LABEL,
  type RawObject,
} from '@/lib/server/hubs/projection';
import type {
  EventRecord,
  LeaseRecord,
  NamespaceRecord,
  NodeGroupRecord,
  NodeRecord,
  PodRecord,
  ReplicaSetRecord,
  SiteAnnotations,
  UsageRecord,
  WorkloadRecord,
} from '@/lib/server/hubs/records';
import { getTenantOwnership } from '@/lib/server/tenants/ownership';

/** Keep the newest N events per hub: enough for detail pages, bounded at any fleet size. */
export const MAX_EVENTS_PER_HUB = 2000;

/** Aggregates for one datacenter (one value of the datacenter label on one hub). */
export interface DatacenterAggregate {
  zone: string;
  nodes: CountsByReadiness & { cordoned: number };
  edgeNodes: number;
  architectures: Map<string, number>;
  accelerators: Map<string, number>;
  pods: PodCounts;
  cpuCapacityCores: number;
  memoryCapacityBytes: number;
  /** CloudCore address → number of nodes it serves here. */
  cloudcore: Map<string, number>;
  nodeNames: Set<string>;
  /** Usage summed over nodes with metrics at the last poll; null when none had metrics. */
  usage: UsageRecord | null;
}

/** Hub-wide aggregates. */
export interface HubAggregate {
  edgeNodes: CountsByReadiness;
  cloudNodes: CountsByReadiness;
  pods: PodCounts;
  cpuCapacityCores: number;
  memoryCapacityBytes: number;
  usage: UsageRecord | null;
}

/** What changed, for the live stream. Emitted only after the initial sync of a resource. */
export type StoreChange =
  | { kind: 'node'; op: 'upsert' | 'delete'; name: string }
  | { kind: 'pod'; op: 'upsert' | 'delete'; namespace: string; name: string }
  | { kind: 'workload'; namespace: string; name: string }
  | { kind: 'aggregate' };

/** The resource kinds a hub store ingests; each has a watch. */
export type ResourceKind =
  | 'nodes'
  | 'pods'
  | 'namespaces'
  | 'deployments'
  | 'daemonsets'
  | 'replicasets'
  | 'events'
  | 'leases'
  | 'nodegroups';

function keyOf(raw: RawObject): string {
  const metadata = raw?.metadata ?? {};
  return metadata.namespace ? `${metadata.namespace}/${metadata.name}` : String(metadata.name ?? '');
}

function emptyDatacenter(zone: string): DatacenterAggregate {
  return {
    zone,
    nodes: { ...emptyReadiness(), cordoned: 0 },
    edgeNodes: 0,
    architectures: new Map(),
    accelerators: new Map(),
    pods: emptyPodCounts(),
    cpuCapacityCores: 0,
    memoryCapacityBytes: 0,
    cloudcore: new Map(),
    nodeNames: new Set(),
    usage: null,
  };
}

/**
 * The in-memory picture of one hub: lean records, indexes by node/namespace/tenant/status, and
 * aggregates kept current on every upsert/delete. Single-threaded (Node), so no locking.
 */
export class HubStore {
  readonly nodes = new Map<string, NodeRecord>();
  /** Key `namespace/name`. */
  readonly pods = new Map<string, PodRecord>();
  readonly podsByNode = new Map<string, Set<string>>();
  readonly podsByNamespace = new Map<string, Set<string>>();
  readonly namespaces = new Map<string, NamespaceRecord>();
  readonly namespacesByTenant = new Map<string, Set<string>>();
  /** Key `Kind/namespace/name`. */
  readonly workloads = new Map<string, WorkloadRecord>();
  /** Key `namespace/name`. */
  readonly replicaSets = new Map<string, ReplicaSetRecord>();
  /** Insertion-ordered (oldest first) so eviction keeps the newest. Key `namespace/name`. */
  readonly events = new Map<string, EventRecord>();
  readonly leases = new Map<string, LeaseRecord>();
  readonly nodeGroups = new Map<string, NodeGroupRecord>();
  readonly nodeUsage = new Map<string, UsageRecord>();
  /**
   * Pod usage summed per namespace at the last metrics.k8s.io PodMetrics poll (tenants' own usage:
   * node usage would show other tenants' load). Null when the hub serves no pod metrics.
   */
  namespaceUsage: Map<string, UsageRecord> | null = null;
  readonly crashLoopingPods = new Set<string>();
  readonly nodesByReadiness = { 'not-ready': new Set<string>(), unknown: new Set<string>() };
  readonly datacenters = new Map<string, DatacenterAggregate>();
  readonly totals: HubAggregate = {
    edgeNodes: emptyReadiness(),
    cloudNodes: emptyReadiness(),
    pods: emptyPodCounts(),
    cpuCapacityCores: 0,
    memoryCapacityBytes: 0,
    usage: null,
  };
  /** Pod counts per node name (also for nodes not in the cache yet, so the datacenter move is exact). */
  readonly podCountsByNode = new Map<string, PodCounts>();
  private readonly regionCounts = new Map<string, number>();
  /** Bumped on every change; caches of derived views key on it. */
  version = 0;
  nodesVersion = 0;
  podsVersion = 0;
  workloadsVersion = 0;
  /** Change listener; suppressed while `quiet` (initial list, relist) to avoid flooding the stream. */
  onChange: ((change: StoreChange) => void) | null = null;
  quiet = new Set<ResourceKind>();

  /** The hub's name (set by HubConnection): namespace ownership is per hub. */
  hubName = '';

  constructor(private readonly datacenterLabel: string) {}

  /** Most common `topology.kubernetes.io/region` on the hub's nodes, when any. */
  get regionLabel(): string | null {
    let best: string | null = null;
    let bestCount = 0;
    for (const [region, count] of this.regionCounts) {
      if (count > bestCount) {
        best = region;
        bestCount = count;
      }
    }
    return best;
  }

  private emit(kind: ResourceKind, change: StoreChange): void {
    if (this.quiet.has(kind) || !this.onChange) return;
    this.onChange(change);
  }

  // ---------------------------------------------------------------------------------------------
  // Generic entry points used by the watches
  // ---------------------------------------------------------------------------------------------

  upsert(kind: ResourceKind, raw: RawObject): void {
    this.version++;
    switch (kind) {
      case 'nodes':
        return this.upsertNode(projectNode(raw, this.datacenterLabel));
      case 'pods':
        return this.upsertPod(projectPod(raw));
      case 'namespaces':
        return this.upsertNamespace(projectNamespace(raw));
      case 'deployments':
        return this.upsertWorkload(projectDeployment(raw));
      case 'daemonsets':
        return this.upsertWorkload(projectDaemonSet(raw));
      case 'replicasets': {
        const rs = projectReplicaSet(raw);
        this.replicaSets.set(`${rs.namespace}/${rs.name}`, rs);
        return;
      }
      case 'events':
        return this.upsertEvent(projectEvent(raw));
      case 'leases': {
        const lease = projectLease(raw);
        this.leases.set(lease.name, lease);
        return;
      }
      case 'nodegroups': {
        const group = projectNodeGroup(raw);
        this.nodeGroups.set(group.name, group);
        this.emit(kind, { kind: 'aggregate' });
        return;
      }
    }
  }

  /** Key of a raw object as `remove` and `keys` use it. */
  keyOf(kind: ResourceKind, raw: RawObject): string {
    const key = keyOf(raw);
    return kind === 'deployments' ? `Deployment/${key}` : kind === 'daemonsets' ? `DaemonSet/${key}` : key;
  }

  /** Keys currently held for a kind, for reconciling after a relist. */
  keys(kind: ResourceKind): string[] {
    switch (kind) {
      case 'nodes':
        return [...this.nodes.keys()];
      case 'pods':
        return [...this.pods.keys()];
      case 'namespaces':
        return [...this.namespaces.keys()];
      case 'deployments':
        return [...this.workloads.keys()].filter((k) => k.startsWith('Deployment/'));
      case 'daemonsets':
        return [...this.workloads.keys()].filter((k) => k.startsWith('DaemonSet/'));
      case 'replicasets':
        return [...this.replicaSets.keys()];
      case 'events':
        return [...this.events.keys()];
      case 'leases':
        return [...this.leases.keys()];
      case 'nodegroups':
        return [...this.nodeGroups.keys()];
    }
  }

  remove(kind: ResourceKind, key: string): void {
    this.version++;
    switch (kind) {
      case 'nodes':
        return this.removeNode(key);
      case 'pods':
        return this.removePod(key);
      case 'namespaces':
        return this.removeNamespace(key);
      case 'deployments':
      case 'daemonsets': {
        const existing = this.workloads.get(key);
        if (!existing) return;
        this.workloads.delete(key);
        this.workloadsVersion++;
        this.emit(kind, { kind: 'workload', namespace: existing.namespace, name: existing.name });
        return;
      }
      case 'replicasets':
        this.replicaSets.delete(key);
        return;
      case 'events':
        this.events.delete(key);
        return;
      case 'leases':
        this.leases.delete(key);
        return;
      case 'nodegroups':
        this.nodeGroups.delete(key);
        this.emit(kind, { kind: 'aggregate' });
        return;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Nodes
  // ---------------------------------------------------------------------------------------------

  private datacenter(zone: string): DatacenterAggregate {
    let dc = this.datacenters.get(zone);
    if (!dc) {
      dc = emptyDatacenter(zone);
      this.datacenters.set(zone, dc);
    }
    return dc;
  }

  private applyNode(node: NodeRecord, sign: 1 | -1): void {
    addReadiness(node.role === 'edge' ? this.totals.edgeNodes : this.totals.cloudNodes, node.readiness, sign);
    this.totals.cpuCapacityCores += sign * node.cpuCapacityCores;
    this.totals.memoryCapacityBytes += sign * node.memoryCapacityBytes;
    const region = node.labels[REGION_LABEL];
    if (region) bump(this.regionCounts, region, sign);
    if (node.readiness !== 'ready') {
      const set = this.nodesByReadiness[node.readiness];
      if (sign > 0) set.add(node.name);
      else set.delete(node.name);
    }
    if (node.zone === null) return;
    const dc = this.datacenter(node.zone);
    addReadiness(dc.nodes, node.readiness, sign);
    if (node.unschedulable) dc.nodes.cordoned += sign;
    if (node.role === 'edge') dc.edgeNodes += sign;
    bump(dc.architectures, node.arch, sign);
    for (const [name, amount] of Object.entries(node.accelerators)) bump(dc.accelerators, name, sign * amount);
    dc.cpuCapacityCores += sign * node.cpuCapacityCores;
    dc.memoryCapacityBytes += sign * node.memoryCapacityBytes;
    if (node.cloudcore) bump(dc.cloudcore, node.cloudcore, sign);
    if (sign > 0) dc.nodeNames.add(node.name);
    else dc.nodeNames.delete(node.name);
    // The pods of the node move with it into (or out of) the datacenter.
    const podCounts = this.podCountsByNode.get(node.name);
    if (podCounts) addPodCounts(dc.pods, podCounts, sign);
    if (dc.nodeNames.size === 0 && dc.pods.total === 0) this.datacenters.delete(node.zone);
  }

  private upsertNode(node: NodeRecord): void {
    const previous = this.nodes.get(node.name);
    if (previous) this.applyNode(previous, -1);
    this.nodes.set(node.name, node);
    this.applyNode(node, 1);
    this.nodesVersion++;
    this.emit('nodes', { kind: 'node', op: 'upsert', name: node.name });
  }

  private removeNode(name: string): void {
    const previous = this.nodes.get(name);
    if (!previous) return;
    this.applyNode(previous, -1);
    this.nodes.delete(name);
    this.nodeUsage.delete(name);
    this.nodesVersion++;
    this.emit('nodes', { kind: 'node', op: 'delete', name });
  }

  // ---------------------------------------------------------------------------------------------
  // Pods
  // ---------------------------------------------------------------------------------------------

  private applyPod(key: string, pod: PodRecord, sign: 1 | -1): void {
    addPod(this.totals.pods, pod, sign);
    if (pod.crashLooping) {
      if (sign > 0) this.crashLoopingPods.add(key);
      else this.crashLoopingPods.delete(key);
    }
    indexSet(this.podsByNamespace, pod.namespace, key, sign);
    if (pod.nodeName === null) return;
    indexSet(this.podsByNode, pod.nodeName, key, sign);
    let perNode = this.podCountsByNode.get(pod.nodeName);
    if (!perNode) {
      perNode = emptyPodCounts();
      this.podCountsByNode.set(pod.nodeName, perNode);
    }
    addPod(perNode, pod, sign);
    if (perNode.total === 0) this.podCountsByNode.delete(pod.nodeName);
    const zone = this.nodes.get(pod.nodeName)?.zone;
    if (zone) addPod(this.datacenter(zone).pods, pod, sign);
  }

  private upsertPod(pod: PodRecord): void {
    const key = `${pod.namespace}/${pod.name}`;
    const previous = this.pods.get(key);
    if (previous) this.applyPod(key, previous, -1);
    this.pods.set(key, pod);
    this.applyPod(key, pod, 1);
    this.podsVersion++;
    this.emit('pods', { kind: 'pod', op: 'upsert', namespace: pod.namespace, name: pod.name });
  }

  private removePod(key: string): void {
    const previous = this.pods.get(key);
    if (!previous) return;
    this.applyPod(key, previous, -1);
    this.pods.delete(key);
    this.podsVersion++;
    this.emit('pods', { kind: 'pod', op: 'delete', namespace: previous.namespace, name: previous.name });
  }

  // ---------------------------------------------------------------------------------------------
  // Namespaces, workloads, events
  // ---------------------------------------------------------------------------------------------

  private upsertNamespace(ns: NamespaceRecord): void {
    const previous = this.namespaces.get(ns.name);
    if (previous?.tenant) indexSet(this.namespacesByTenant, previous.tenant, ns.name, -1);
    this.namespaces.set(ns.name, ns);
    if (ns.tenant) indexSet(this.namespacesByTenant, ns.tenant, ns.name, 1);
    // A tenant label change moves every pod of the namespace: list caches must refresh.
    if (previous?.tenant !== ns.tenant) this.podsVersion++;
    this.workloadsVersion++;
  }

  private removeNamespace(name: string): void {
    const previous = this.namespaces.get(name);
    if (!previous) return;
    if (previous.tenant) indexSet(this.namespacesByTenant, previous.tenant, name, -1);
    this.namespaces.delete(name);
    this.podsVersion++;
    this.workloadsVersion++;
  }

  private upsertWorkload(workload: WorkloadRecord): void {
    this.workloads.set(`${workload.kind}/${workload.namespace}/${workload.name}`, workload);
    this.workloadsVersion++;
    this.emit(workload.kind === 'Deployment' ? 'deployments' : 'daemonsets', {
      kind: 'workload',
      namespace: workload.namespace,
      name: workload.name,
    });
  }

  private upsertEvent(event: EventRecord): void {
    const key = `${event.namespace ?? ''}/${event.name}`;
    // Delete first so a re-observed event moves to the newest end of the insertion order.
    this.events.delete(key);
    this.events.set(key, event);
    while (this.events.size > MAX_EVENTS_PER_HUB) {
      const oldest = this.events.keys().next().value;
      if (oldest === undefined) break;
      this.events.delete(oldest);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Metrics
  // ---------------------------------------------------------------------------------------------

  /** Replaces the per-namespace pod usage with a fresh PodMetrics poll (null: not available). */
  setNamespaceUsage(usage: Map<string, UsageRecord> | null): void {
    this.namespaceUsage = usage;
    this.version++;
  }

  /** Replaces node usage with a fresh metrics.k8s.io poll and recomputes usage sums (O(nodes), every ~20 s). */
  setNodeUsage(usage: Map<string, UsageRecord> | null): void {
    this.nodeUsage.clear();
    for (const dc of this.datacenters.values()) dc.usage = null;
    if (!usage) {
      this.totals.usage = null;
      this.version++;
      return;
    }
    let total: UsageRecord | null = null;
    for (const [name, value] of usage) {
      const node = this.nodes.get(name);
      if (!node) continue;
      this.nodeUsage.set(name, value);
      total ??= { cpuCores: 0, memoryBytes: 0 };
      total.cpuCores += value.cpuCores;
      total.memoryBytes += value.memoryBytes;
      if (node.zone) {
        const dc = this.datacenters.get(node.zone);
        if (dc) {
          dc.usage ??= { cpuCores: 0, memoryBytes: 0 };
          dc.usage.cpuCores += value.cpuCores;
          dc.usage.memoryBytes += value.memoryBytes;
        }
      }
    }
    this.totals.usage = total;
    this.version++;
    this.nodesVersion++;
  }

  // ---------------------------------------------------------------------------------------------
  // Lookups used by the query layer
  // ---------------------------------------------------------------------------------------------

  /** Deployment name for a ReplicaSet-owned pod; the pod's direct owner otherwise. */
  topOwner(pod: Pick<PodRecord, 'namespace' | 'ownerKind' | 'ownerName'>): { kind: string; name: string } | null {
    if (!pod.ownerKind || !pod.ownerName) return null;
    if (pod.ownerKind === 'ReplicaSet') {
      const rs = this.replicaSets.get(`${pod.namespace}/${pod.ownerName}`);
      if (rs?.ownerKind && rs.ownerName) return { kind: rs.ownerKind, name: rs.ownerName };
    }
    return { kind: pod.ownerKind, name: pod.ownerName };
  }

  /**
   * The tenant owning a namespace, from the TenantNamespace assignments (lib/server/tenants). The
   * namespace's `overlook.io/tenant` label is only a hint (NamespaceRecord.tenant): it grants nothing.
   */
  tenantOf(namespace: string): string | null {
    return getTenantOwnership().tenantOf(this.hubName, namespace);
  }

  /** Site metadata for a datacenter: the NodeGroup named after the zone, else its first annotated node. */
  siteOf(zone: string): SiteAnnotations {
    const group = this.nodeGroups.get(zone);
    if (group && (group.site.displayName || group.site.city || group.site.location || group.site.gateway)) return group.site;
    const dc = this.datacenters.get(zone);
    if (dc) {
      for (const name of dc.nodeNames) {
        const site = this.nodes.get(name)?.site;
        if (site && (site.displayName || site.city || site.location || site.gateway)) return site;
      }
    }
    return { displayName: null, city: null, location: null, gateway: null };
  }

  /** Latest heartbeat: the node Lease renewTime when newer than the Ready condition's heartbeat. */
  lastHeartbeatMs(node: NodeRecord): number | null {
    const lease = this.leases.get(node.name)?.renewMs ?? null;
    if (lease === null) return node.readyHeartbeatMs;
    if (node.readyHeartbeatMs === null) return lease;
    return Math.max(lease, node.readyHeartbeatMs);
  }

  podCountOn(nodeName: string): number {
    return this.podCountsByNode.get(nodeName)?.total ?? 0;
  }
}

function indexSet(index: Map<string, Set<string>>, key: string, value: string, sign: 1 | -1): void {
  let set = index.get(key);
  if (sign > 0) {
    if (!set) {
      set = new Set();
      index.set(key, set);
    }
    set.add(value);
  } else if (set) {
    set.delete(value);
    if (set.size === 0) index.delete(key);
  }
}
