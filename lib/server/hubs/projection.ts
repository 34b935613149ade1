import 'server-only';

import { parseQuantity, quantityOrZero } from '@/lib/server/hubs/quantity';
import type {
  ConditionRecord,
  ContainerRecord,
  ContainerStateRecord,
  EventRecord,
  LeaseRecord,
  NamespaceRecord,
  NodeGroupRecord,
  NodeRecord,
  PodDetailParts,
  PodPhase,
  PodRecord,
  ReplicaSetRecord,
  SiteAnnotations,
  TaintRecord,
  UsageRecord,
  WorkloadRecord,
} from '@/lib/server/hubs/records';

/**
 * Projection of raw Kubernetes JSON into lean records, done once per watch event. Raw objects are
 * plain parsed JSON (we never let client-node deserialize into model classes: at 200k pods that costs
 * seconds and hundreds of MB). Repeated strings and label sets are interned so 20k pods of one template
 * share one labels object.
 */

// Raw objects are untyped JSON from the hub; every field is read defensively.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RawObject = any;

export const TENANT_LABEL = 'overlook.io/tenant';
export const EDGE_ROLE_LABEL = 'node-role.kubernetes.io/edge';
export const REGION_LABEL = 'topology.kubernetes.io/region';

const ANNOTATION_DISPLAY_NAME = 'overlook.io/display-name';
const ANNOTATION_CITY = 'overlook.io/city';
const ANNOTATION_LOCATION = 'overlook.io/location';
const ANNOTATION_GATEWAY = 'overlook.io/gateway';

/** Annotations too large or too internal to keep (they can be tens of KB each). */
const DROPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

const MAX_POOL = 500_000;
const stringPool = new Map<string, string>();
const recordPool = new Map<string, Record<string, string>>();
const EMPTY_RECORD: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Returns one shared copy of a low-cardinality string (namespace, node name, image, reason…). */
export function intern(value: string): string;
export function intern(value: string | null | undefined): string | null;
export function intern(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const existing = stringPool.get(value);
  if (existing !== undefined) return existing;
  if (stringPool.size < MAX_POOL) stringPool.set(value, value);
  return value;
}

/** One shared frozen object per distinct label (or annotation) set. */
export function internRecord(source: unknown): Record<string, string> {
  if (!source || typeof source !== 'object') return EMPTY_RECORD;
  const entries = Object.entries(source as Record<string, unknown>).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && !DROPPED_ANNOTATIONS.has(entry[0]),
  );
  if (entries.length === 0) return EMPTY_RECORD;
  let key = '';
  for (const [k, v] of entries) key += `${k}\u0000${v}\u0001`;
  const existing = recordPool.get(key);
  if (existing) return existing;
  const record: Record<string, string> = {};
  for (const [k, v] of entries) record[intern(k)] = intern(v);
  Object.freeze(record);
  if (recordPool.size < MAX_POOL) recordPool.set(key, record);
  return record;
}

const listPool = new Map<string, readonly string[]>();

/** One shared frozen array per distinct list of strings (e.g. the images of a pod template). */
export function internList(values: string[]): readonly string[] {
  const key = values.join('\u0000');
  const existing = listPool.get(key);
  if (existing) return existing;
  const list = Object.freeze(values.map((value) => intern(value)));
  if (listPool.size < MAX_POOL) listPool.set(key, list);
  return list;
}

/** Epoch ms of an RFC 3339 time, null when absent or unparsable. */
export function timeMs(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function conditions(raw: unknown): ConditionRecord[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((c: RawObject) => ({
    type: intern(String(c?.type ?? '')),
    status: intern(String(c?.status ?? 'Unknown')),
    reason: intern(str(c?.reason)),
    message: intern(str(c?.message)),
    lastHeartbeatMs: timeMs(c?.lastHeartbeatTime),
    lastTransitionMs: timeMs(c?.lastTransitionTime),
  }));
}

/** Parses `"lat,lon"`; null unless both are finite and in range. */
export function parseLocation(value: string | null | undefined): { lat: number; lon: number } | null {
  if (!value) return null;
  const parts = value.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 2 || parts.some((part) => !Number.isFinite(part))) return null;
  const [lat, lon] = parts;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon };
}

export function siteAnnotations(annotations: Record<string, string> | undefined): SiteAnnotations {
  return {
    displayName: intern(str(annotations?.[ANNOTATION_DISPLAY_NAME])),
    city: intern(str(annotations?.[ANNOTATION_CITY])),
    location: parseLocation(annotations?.[ANNOTATION_LOCATION]),
    gateway: intern(str(annotations?.[ANNOTATION_GATEWAY])),
  };
}

/** `v1.30.7-kubeedge-v1.21.0` → `v1.21.0`; null for plain kubelets. */
export function kubeedgeVersionOf(kubeletVersion: string): string | null {
  const match = /-kubeedge-(v?\d[\w.+-]*)$/.exec(kubeletVersion);
  return match ? match[1] : null;
}

/** Extended resources are domain-prefixed names outside kubernetes.io (nvidia.com/gpu, xilinx.com/fpga). */
export function isExtendedResource(name: string): boolean {
  if (!name.includes('/')) return false;
  const domain = name.slice(0, name.indexOf('/'));
  return domain !== 'kubernetes.io' && !domain.endsWith('.kubernetes.io') && !name.startsWith('hugepages-');
}

function stringRecord(raw: unknown): Record<string, string> {
  if (!raw || typeof raw !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number') out[intern(key)] = intern(String(value));
  }
  return out;
}

export function projectNode(raw: RawObject, datacenterLabel: string): NodeRecord {
  const metadata = raw?.metadata ?? {};
  const labels = internRecord(metadata.labels);
  const annotations = internRecord(metadata.annotations);
  const status = raw?.status ?? {};
  const nodeInfo = status.nodeInfo ?? {};
  const nodeConditions = conditions(status.conditions);
  const ready = nodeConditions.find((c) => c.type === 'Ready');
  const readiness = ready?.status === 'True' ? 'ready' : ready?.status === 'False' ? 'not-ready' : 'unknown';
  const capacityRaw = stringRecord(status.capacity);
  const allocatableRaw = stringRecord(status.allocatable);
  const accelerators: Record<string, number> = {};
  for (const [name, value] of Object.entries(capacityRaw)) {
    if (!isExtendedResource(name)) continue;
    const amount = parseQuantity(value);
    if (amount !== null && amount > 0) accelerators[name] = amount;
  }
  const addresses: Array<{ type: string; address: string }> = Array.isArray(status.addresses)
    ? status.addresses
        .filter((a: RawObject) => typeof a?.address === 'string')
        .map((a: RawObject) => ({ type: intern(String(a.type ?? '')), address: a.address as string }))
    : [];
  const taints: TaintRecord[] = Array.isArray(raw?.spec?.taints)
    ? raw.spec.taints.map((t: RawObject) => ({
        key: intern(String(t?.key ?? '')),
        value: intern(str(t?.value)),
        effect: intern(String(t?.effect ?? '')),
        timeAddedMs: timeMs(t?.timeAdded),
      }))
    : [];
  const kubeletVersion = intern(String(nodeInfo.kubeletVersion ?? ''));
  const tunnelPort = status.daemonEndpoints?.kubeletEndpoint?.Port;
  return {
    name: String(metadata.name ?? ''),
    zone: intern(str(labels[datacenterLabel])),
    role: EDGE_ROLE_LABEL in labels ? 'edge' : 'cloud',
    readiness,
    readyReason: ready?.reason ?? null,
    readyMessage: ready?.message ?? null,
    unschedulable: raw?.spec?.unschedulable === true,
    arch: intern(String(nodeInfo.architecture ?? labels['kubernetes.io/arch'] ?? 'unknown')),
    os: intern(String(nodeInfo.operatingSystem ?? labels['kubernetes.io/os'] ?? 'unknown')),
    kubeletVersion,
    kubeedgeVersion: intern(kubeedgeVersionOf(kubeletVersion)),
    internalIP: addresses.find((a) => a.type === 'InternalIP')?.address ?? null,
    cpuCapacityCores: quantityOrZero(capacityRaw.cpu),
    memoryCapacityBytes: quantityOrZero(capacityRaw.memory),
    accelerators,
    readyHeartbeatMs: ready?.lastHeartbeatMs ?? null,
    statusSinceMs: ready?.lastTransitionMs ?? null,
    createdMs: timeMs(metadata.creationTimestamp),
    cloudcore: intern(str(annotations.cloudcore)),
    tunnelPort: typeof tunnelPort === 'number' ? tunnelPort : null,
    site: siteAnnotations(annotations),
    labels,
    annotations,
    taints,
    conditions: nodeConditions,
    addresses,
    containerRuntimeVersion: intern(String(nodeInfo.containerRuntimeVersion ?? '')),
    osImage: intern(String(nodeInfo.osImage ?? '')),
    kernelVersion: intern(String(nodeInfo.kernelVersion ?? '')),
    capacityRaw,
    allocatableRaw,
  };
}

function containerState(raw: RawObject): ContainerStateRecord {
  if (raw?.running) {
    return { kind: 'running', reason: null, message: null, startedMs: timeMs(raw.running.startedAt), finishedMs: null, exitCode: null };
  }
  if (raw?.waiting) {
    return { kind: 'waiting', reason: intern(str(raw.waiting.reason)), message: str(raw.waiting.message), startedMs: null, finishedMs: null, exitCode: null };
  }
  if (raw?.terminated) {
    const t = raw.terminated;
    return {
      kind: 'terminated',
      reason: intern(str(t.reason)),
      message: str(t.message),
      startedMs: timeMs(t.startedAt),
      finishedMs: timeMs(t.finishedAt),
      exitCode: typeof t.exitCode === 'number' ? t.exitCode : null,
    };
  }
  return { kind: 'unknown', reason: null, message: null, startedMs: null, finishedMs: null, exitCode: null };
}

const PHASES: ReadonlySet<string> = new Set(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']);

/** What `kubectl get pods` prints in STATUS (the printer's logic, simplified to what pods carry). */
export function podDisplayStatus(raw: RawObject): string {
  const status = raw?.status ?? {};
  let reason: string = str(status.reason) ?? str(status.phase) ?? 'Unknown';
  const initStatuses: RawObject[] = Array.isArray(status.initContainerStatuses) ? status.initContainerStatuses : [];
  const initCount = Array.isArray(raw?.spec?.initContainers) ? raw.spec.initContainers.length : initStatuses.length;
  let initializing = false;
  for (let i = 0; i < initStatuses.length; i++) {
    const s = initStatuses[i];
    if (s?.state?.terminated && s.state.terminated.exitCode === 0) continue;
    initializing = true;
    if (s?.state?.terminated) {
      const t = s.state.terminated;
      reason = `Init:${str(t.reason) ?? (t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`)}`;
    } else if (s?.state?.waiting?.reason && s.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${s.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${initCount}`;
    }
    break;
  }
  if (!initializing) {
    let hasRunning = false;
    const statuses: RawObject[] = Array.isArray(status.containerStatuses) ? status.containerStatuses : [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const s = statuses[i];
      if (s?.state?.waiting?.reason) reason = s.state.waiting.reason;
      else if (s?.state?.terminated?.reason) reason = s.state.terminated.reason;
      else if (s?.state?.terminated) {
        const t = s.state.terminated;
        reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
      } else if (s?.ready && s?.state?.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) reason = 'Running';
  }
  if (raw?.metadata?.deletionTimestamp) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return intern(reason);
}

export function projectPod(raw: RawObject): PodRecord {
  const metadata = raw?.metadata ?? {};
  const status = raw?.status ?? {};
  const spec = raw?.spec ?? {};
  const controller: RawObject =
    (Array.isArray(metadata.ownerReferences) &&
      (metadata.ownerReferences.find((o: RawObject) => o?.controller) ?? metadata.ownerReferences[0])) ||
    null;
  const specContainers: RawObject[] = Array.isArray(spec.containers) ? spec.containers : [];
  const specInit: RawObject[] = Array.isArray(spec.initContainers) ? spec.initContainers : [];
  const statuses: RawObject[] = Array.isArray(status.containerStatuses) ? status.containerStatuses : [];
  const initStatuses: RawObject[] = Array.isArray(status.initContainerStatuses) ? status.initContainerStatuses : [];
  const containers: ContainerRecord[] = [];
  const build = (c: RawObject, s: RawObject | undefined, init: boolean): ContainerRecord => ({
    name: intern(String(c?.name ?? s?.name ?? '')),
    image: intern(String(s?.image ?? c?.image ?? '')),
    ready: s?.ready === true,
    restartCount: num(s?.restartCount),
    state: containerState(s?.state),
    lastTermination: s?.lastState?.terminated ? containerState(s.lastState) : null,
    init,
  });
  for (const c of specInit) containers.push(build(c, initStatuses.find((s) => s?.name === c?.name), true));
  for (const c of specContainers) containers.push(build(c, statuses.find((s) => s?.name === c?.name), false));
  let readyContainers = 0;
  let restarts = 0;
  let crashLooping = false;
  let crashMessage: string | null = null;
  let lastFinishedMs: number | null = null;
  for (const c of containers) {
    if (!c.init && c.ready) readyContainers++;
    restarts += c.restartCount;
    if (c.state.kind === 'waiting' && c.state.reason === 'CrashLoopBackOff') {
      crashLooping = true;
      crashMessage ??= c.state.message;
    }
    const finished = c.lastTermination?.finishedMs ?? null;
    if (finished !== null && (lastFinishedMs === null || finished > lastFinishedMs)) lastFinishedMs = finished;
  }
  const parts: PodDetailParts = { containers, conditions: conditions(status.conditions) };
  const phase: PodPhase = PHASES.has(status.phase) ? status.phase : 'Unknown';
  return {
    namespace: intern(String(metadata.namespace ?? '')),
    name: String(metadata.name ?? ''),
    nodeName: intern(str(spec.nodeName)),
    phase,
    status: podDisplayStatus(raw),
    readyContainers,
    totalContainers: specContainers.length,
    restarts,
    crashLooping,
    ownerKind: intern(str(controller?.kind)),
    ownerName: intern(str(controller?.name)),
    podIP: str(status.podIP),
    hostIP: intern(str(status.hostIP)),
    createdMs: timeMs(metadata.creationTimestamp),
    qosClass: intern(str(status.qosClass)),
    labels: internRecord(metadata.labels),
    images: internList(containers.filter((c) => !c.init).map((c) => c.image)),
    crashMessage: intern(crashMessage),
    lastFinishedMs,
    detailJson: JSON.stringify(parts),
  };
}

/** Decodes the detail parts of a pod record. */
export function podDetailParts(pod: PodRecord): PodDetailParts {
  return JSON.parse(pod.detailJson) as PodDetailParts;
}

export function projectNamespace(raw: RawObject): NamespaceRecord {
  const metadata = raw?.metadata ?? {};
  return {
    name: intern(String(metadata.name ?? '')),
    tenant: intern(str(metadata.labels?.[TENANT_LABEL])),
    createdMs: timeMs(metadata.creationTimestamp),
  };
}

function templateImages(raw: RawObject): string[] {
  const containers: RawObject[] = raw?.spec?.template?.spec?.containers ?? [];
  return Array.isArray(containers) ? containers.map((c) => intern(String(c?.image ?? ''))).filter(Boolean) : [];
}

export function projectDeployment(raw: RawObject): WorkloadRecord {
  const metadata = raw?.metadata ?? {};
  const status = raw?.status ?? {};
  return {
    kind: 'Deployment',
    namespace: intern(String(metadata.namespace ?? '')),
    name: intern(String(metadata.name ?? '')),
    // spec.replicas defaults to 1 when omitted, as the apiserver defaults it.
    desired: typeof raw?.spec?.replicas === 'number' ? raw.spec.replicas : 1,
    ready: num(status.readyReplicas),
    updated: num(status.updatedReplicas),
    available: num(status.availableReplicas),
    images: templateImages(raw),
    createdMs: timeMs(metadata.creationTimestamp),
    labels: internRecord(metadata.labels),
  };
}

export function projectDaemonSet(raw: RawObject): WorkloadRecord {
  const metadata = raw?.metadata ?? {};
  const status = raw?.status ?? {};
  return {
    kind: 'DaemonSet',
    namespace: intern(String(metadata.namespace ?? '')),
    name: intern(String(metadata.name ?? '')),
    desired: num(status.desiredNumberScheduled),
    ready: num(status.numberReady),
    updated: num(status.updatedNumberScheduled),
    available: num(status.numberAvailable),
    images: templateImages(raw),
    createdMs: timeMs(metadata.creationTimestamp),
    labels: internRecord(metadata.labels),
  };
}

export function projectReplicaSet(raw: RawObject): ReplicaSetRecord {
  const metadata = raw?.metadata ?? {};
  const owner: RawObject =
    (Array.isArray(metadata.ownerReferences) &&
      (metadata.ownerReferences.find((o: RawObject) => o?.controller) ?? metadata.ownerReferences[0])) ||
    null;
  return {
    namespace: intern(String(metadata.namespace ?? '')),
    name: intern(String(metadata.name ?? '')),
    ownerKind: intern(str(owner?.kind)),
    ownerName: intern(str(owner?.name)),
  };
}

export function projectEvent(raw: RawObject): EventRecord {
  const metadata = raw?.metadata ?? {};
  const involved = raw?.involvedObject ?? {};
  const first = timeMs(raw?.firstTimestamp) ?? timeMs(raw?.eventTime) ?? timeMs(metadata.creationTimestamp);
  const last = timeMs(raw?.lastTimestamp) ?? timeMs(raw?.series?.lastObservedTime) ?? first;
  return {
    namespace: intern(str(metadata.namespace)),
    name: String(metadata.name ?? ''),
    type: intern(String(raw?.type ?? 'Normal')),
    reason: intern(String(raw?.reason ?? '')),
    message: String(raw?.message ?? ''),
    involvedKind: intern(String(involved.kind ?? '')),
    involvedName: intern(String(involved.name ?? '')),
    involvedNamespace: intern(str(involved.namespace)),
    count: typeof raw?.count === 'number' ? raw.count : typeof raw?.series?.count === 'number' ? raw.series.count : 1,
    firstSeenMs: first,
    lastSeenMs: last,
  };
}

export function projectLease(raw: RawObject): LeaseRecord {
  const spec = raw?.spec ?? {};
  return {
    name: intern(String(raw?.metadata?.name ?? '')),
    holder: intern(str(spec.holderIdentity)),
    renewMs: timeMs(spec.renewTime),
    durationSeconds: typeof spec.leaseDurationSeconds === 'number' ? spec.leaseDurationSeconds : null,
  };
}

export function projectNodeGroup(raw: RawObject): NodeGroupRecord {
  const metadata = raw?.metadata ?? {};
  return {
    name: intern(String(metadata.name ?? '')),
    site: siteAnnotations(metadata.annotations),
    nodes: Array.isArray(raw?.spec?.nodes) ? raw.spec.nodes.filter((n: unknown) => typeof n === 'string') : [],
  };
}

export function projectNodeMetrics(raw: RawObject): { name: string; usage: UsageRecord } | null {
  const name = str(raw?.metadata?.name);
  if (!name) return null;
  const cpu = parseQuantity(raw?.usage?.cpu);
  const memory = parseQuantity(raw?.usage?.memory);
  if (cpu === null || memory === null) return null;
  return { name, usage: { cpuCores: cpu, memoryBytes: memory } };
}
