import 'server-only';

import type {
  DatacenterDto,
  DatacenterHealth,
  EventDto,
  HubDto,
  NodeDetail,
  NodeListItem,
  PodDetail,
  PodListItem,
  WorkloadListItem,
} from '@/lib/contracts/fleet';
import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import { podDetailParts } from '@/lib/server/hubs/projection';
import type { DatacenterAggregate } from '@/lib/server/hubs/hub-store';
import type {
  ConditionRecord,
  ContainerStateRecord,
  EventRecord,
  NodeRecord,
  PodRecord,
  WorkloadRecord,
} from '@/lib/server/hubs/records';

/** Record → DTO mappers. Records are the cache's shape; DTOs are the API's (lib/contracts/fleet.ts). */

export function iso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}

export function datacenterId(hub: string, zone: string): string {
  return `${hub}:${zone}`;
}

export function nodeListItem(hub: HubConnection, node: NodeRecord): NodeListItem {
  const usage = hub.store.nodeUsage.get(node.name) ?? null;
  return {
    hub: hub.name,
    region: node.labels['topology.kubernetes.io/region'] ?? hub.region,
    name: node.name,
    datacenter: node.zone === null ? null : datacenterId(hub.name, node.zone),
    role: node.role,
    status: node.readiness,
    statusReason: node.readyReason,
    statusMessage: node.readyMessage,
    unschedulable: node.unschedulable,
    arch: node.arch,
    os: node.os,
    kubeletVersion: node.kubeletVersion,
    kubeedgeVersion: node.kubeedgeVersion,
    internalIP: node.internalIP,
    cpu: { capacityCores: node.cpuCapacityCores, usageCores: usage?.cpuCores ?? null },
    memory: { capacityBytes: node.memoryCapacityBytes, usageBytes: usage?.memoryBytes ?? null },
    pods: hub.store.podCountOn(node.name),
    accelerators: Object.keys(node.accelerators),
    lastHeartbeat: iso(hub.store.lastHeartbeatMs(node)),
    statusSince: iso(node.statusSinceMs),
    cloudcore: node.cloudcore,
    tunnelPort: node.tunnelPort,
    createdAt: iso(node.createdMs),
    stale: hub.isStale,
  };
}

function conditionDto(c: ConditionRecord) {
  return { type: c.type, status: c.status, reason: c.reason, message: c.message, lastTransitionTime: iso(c.lastTransitionMs) };
}

export function eventDto(hub: HubConnection, event: EventRecord): EventDto {
  return {
    hub: hub.name,
    namespace: event.namespace,
    type: event.type,
    reason: event.reason,
    message: event.message,
    involvedObject: { kind: event.involvedKind, name: event.involvedName, namespace: event.involvedNamespace },
    count: event.count,
    firstSeen: iso(event.firstSeenMs),
    lastSeen: iso(event.lastSeenMs),
  };
}

/** Events about one object, newest first (the store keeps at most a few thousand per hub). */
export function eventsFor(hub: HubConnection, kind: string, name: string, namespace: string | null, limit = 50): EventDto[] {
  const matches: EventRecord[] = [];
  for (const event of hub.store.events.values()) {
    if (event.involvedKind === kind && event.involvedName === name && (event.involvedNamespace ?? null) === namespace) matches.push(event);
  }
  matches.sort((a, b) => (b.lastSeenMs ?? 0) - (a.lastSeenMs ?? 0));
  return matches.slice(0, limit).map((event) => eventDto(hub, event));
}

export function podListItem(hub: HubConnection, pod: PodRecord): PodListItem {
  const node = pod.nodeName ? hub.store.nodes.get(pod.nodeName) : undefined;
  return {
    hub: hub.name,
    region: hub.region,
    namespace: pod.namespace,
    name: pod.name,
    node: pod.nodeName,
    datacenter: node?.zone ? datacenterId(hub.name, node.zone) : null,
    phase: pod.phase,
    status: pod.status,
    readyContainers: pod.readyContainers,
    totalContainers: pod.totalContainers,
    restarts: pod.restarts,
    crashLooping: pod.crashLooping,
    owner: hub.store.topOwner(pod),
    tenant: hub.store.tenantOf(pod.namespace),
    podIP: pod.podIP,
    createdAt: iso(pod.createdMs),
    nodeOffline: node ? node.readiness === 'unknown' : false,
    stale: hub.isStale,
  };
}

function stateDto(state: ContainerStateRecord) {
  return {
    kind: state.kind,
    reason: state.reason,
    message: state.message,
    startedAt: iso(state.startedMs),
    finishedAt: iso(state.finishedMs),
    exitCode: state.exitCode,
  };
}

export function podDetail(hub: HubConnection, pod: PodRecord): PodDetail {
  const ownerChain: Array<{ kind: string; name: string }> = [];
  if (pod.ownerKind && pod.ownerName) {
    ownerChain.push({ kind: pod.ownerKind, name: pod.ownerName });
    if (pod.ownerKind === 'ReplicaSet') {
      const rs = hub.store.replicaSets.get(`${pod.namespace}/${pod.ownerName}`);
      if (rs?.ownerKind && rs.ownerName) ownerChain.push({ kind: rs.ownerKind, name: rs.ownerName });
    }
  }
  const node = pod.nodeName ? hub.store.nodes.get(pod.nodeName) : undefined;
  const parts = podDetailParts(pod);
  return {
    ...podListItem(hub, pod),
    labels: { ...pod.labels },
    hostIP: pod.hostIP,
    qosClass: pod.qosClass,
    ownerChain,
    containers: parts.containers.map((c) => ({
      name: c.name,
      image: c.image,
      ready: c.ready,
      restartCount: c.restartCount,
      state: stateDto(c.state),
      lastTermination: c.lastTermination ? stateDto(c.lastTermination) : null,
      init: c.init,
    })),
    conditions: parts.conditions.map(conditionDto),
    nodeInfo: node ? nodeListItem(hub, node) : null,
    events: eventsFor(hub, 'Pod', pod.name, pod.namespace),
    hubStatus: hub.listStatus(),
  };
}

export function nodeDetail(hub: HubConnection, node: NodeRecord): NodeDetail {
  const lease = hub.store.leases.get(node.name);
  const podKeys = hub.store.podsByNode.get(node.name) ?? new Set<string>();
  const podList: PodListItem[] = [];
  for (const key of podKeys) {
    const pod = hub.store.pods.get(key);
    if (pod) podList.push(podListItem(hub, pod));
  }
  podList.sort((a, b) => (a.namespace === b.namespace ? (a.name < b.name ? -1 : 1) : a.namespace < b.namespace ? -1 : 1));
  return {
    ...nodeListItem(hub, node),
    labels: { ...node.labels },
    annotations: { ...node.annotations },
    taints: node.taints.map((t) => ({ key: t.key, value: t.value, effect: t.effect, timeAdded: iso(t.timeAddedMs) })),
    conditions: node.conditions.map((c) => ({
      type: c.type,
      status: c.status,
      reason: c.reason,
      message: c.message,
      lastHeartbeatTime: iso(c.lastHeartbeatMs),
      lastTransitionTime: iso(c.lastTransitionMs),
    })),
    addresses: node.addresses.map((a) => ({ ...a })),
    nodeInfo: {
      kubeletVersion: node.kubeletVersion,
      kubeedgeVersion: node.kubeedgeVersion,
      containerRuntimeVersion: node.containerRuntimeVersion,
      osImage: node.osImage,
      kernelVersion: node.kernelVersion,
      architecture: node.arch,
      operatingSystem: node.os,
    },
    capacity: { ...node.capacityRaw },
    allocatable: { ...node.allocatableRaw },
    lease: lease ? { holder: lease.holder, renewTime: iso(lease.renewMs), durationSeconds: lease.durationSeconds } : null,
    podList,
    events: eventsFor(hub, 'Node', node.name, null),
    hubStatus: hub.listStatus(),
  };
}

export function workloadListItem(hub: HubConnection, workload: WorkloadRecord): WorkloadListItem {
  return {
    hub: hub.name,
    region: hub.region,
    namespace: workload.namespace,
    kind: workload.kind,
    name: workload.name,
    desired: workload.desired,
    ready: workload.ready,
    updated: workload.updated,
    available: workload.available,
    images: [...workload.images],
    tenant: hub.store.tenantOf(workload.namespace),
    createdAt: iso(workload.createdMs),
    stale: hub.isStale,
  };
}

/**
 * healthy: every node ready; down: no node ready; degraded: in between; unknown: no nodes, or the
 * hub is unreachable (we cannot vouch for last-known readiness).
 */
export function datacenterHealth(hub: HubConnection, dc: DatacenterAggregate): DatacenterHealth {
  if (hub.currentStatus === 'unreachable' || hub.currentStatus === 'connecting') return 'unknown';
  if (dc.nodes.total === 0) return 'unknown';
  if (dc.nodes.ready === dc.nodes.total) return 'healthy';
  if (dc.nodes.ready === 0) return 'down';
  return 'degraded';
}

export function datacenterDto(hub: HubConnection, dc: DatacenterAggregate): DatacenterDto {
  const site = hub.store.siteOf(dc.zone);
  return {
    id: datacenterId(hub.name, dc.zone),
    hub: hub.name,
    region: hub.region,
    zone: dc.zone,
    displayName: site.displayName ?? dc.zone,
    city: site.city,
    location: site.location ? { ...site.location } : null,
    gateway: site.gateway,
    health: datacenterHealth(hub, dc),
    nodes: { ...dc.nodes },
    architectures: Object.fromEntries(dc.architectures),
    accelerators: Object.fromEntries(dc.accelerators),
    pods: { ...dc.pods },
    capacity: { cpuCores: dc.cpuCapacityCores, memoryBytes: dc.memoryCapacityBytes },
    usage: dc.usage ? { ...dc.usage } : null,
    cloudcore: [...dc.cloudcore.keys()].sort(),
    stale: hub.isStale,
  };
}

/** CloudCore replicas from the `kubeedge/cloudcore` Deployment. */
export function cloudcoreOf(hub: HubConnection): HubDto['cloudcore'] {
  const deployment = hub.store.workloads.get('Deployment/kubeedge/cloudcore');
  if (!deployment) return { ready: 0, total: 0, version: null };
  const image = deployment.images.find((i) => i.includes('cloudcore')) ?? deployment.images[0];
  const tag = image && image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : null;
  return { ready: deployment.ready, total: deployment.desired, version: tag };
}

export function hubDto(hub: HubConnection): HubDto {
  const store = hub.store;
  return {
    ...hub.listStatus(),
    displayName: hub.displayName,
    source: hub.source,
    kubernetesVersion: hub.kubernetesVersion,
    cloudcore: cloudcoreOf(hub),
    counts: {
      datacenters: store.datacenters.size,
      nodes: store.nodes.size,
      edgeNodes: store.totals.edgeNodes.total,
      pods: store.pods.size,
      namespaces: store.namespaces.size,
    },
  };
}
