import 'server-only';

import type { NodeReadiness, PodListItem } from '@/lib/contracts/fleet';

/**
 * Lean records kept in the watch caches: only what the fleet DTOs need, quantities already parsed,
 * times as epoch milliseconds (cheap to sort, converted to ISO only when a DTO is built).
 * Raw Kubernetes objects are dropped right after projection.
 */

export type PodPhase = PodListItem['phase'];

export interface ConditionRecord {
  type: string;
  status: string;
  reason: string | null;
  message: string | null;
  lastHeartbeatMs: number | null;
  lastTransitionMs: number | null;
}

export interface TaintRecord {
  key: string;
  value: string | null;
  effect: string;
  timeAddedMs: number | null;
}

/** Site metadata carried by NodeGroup and edge node annotations (`overlook.io/*`). */
export interface SiteAnnotations {
  displayName: string | null;
  city: string | null;
  location: { lat: number; lon: number } | null;
  gateway: string | null;
}

export interface NodeRecord {
  name: string;
  /** Value of the datacenter label; null when the node has none. */
  zone: string | null;
  role: 'edge' | 'cloud';
  readiness: NodeReadiness;
  readyReason: string | null;
  readyMessage: string | null;
  unschedulable: boolean;
  arch: string;
  os: string;
  kubeletVersion: string;
  kubeedgeVersion: string | null;
  internalIP: string | null;
  cpuCapacityCores: number;
  memoryCapacityBytes: number;
  /** Extended resource name → capacity (GPUs, FPGAs, …), only those present and non-zero. */
  accelerators: Record<string, number>;
  /** Ready condition lastHeartbeatTime. */
  readyHeartbeatMs: number | null;
  /** Ready condition lastTransitionTime. */
  statusSinceMs: number | null;
  createdMs: number | null;
  cloudcore: string | null;
  tunnelPort: number | null;
  site: SiteAnnotations;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  taints: TaintRecord[];
  conditions: ConditionRecord[];
  addresses: Array<{ type: string; address: string }>;
  containerRuntimeVersion: string;
  osImage: string;
  kernelVersion: string;
  capacityRaw: Record<string, string>;
  allocatableRaw: Record<string, string>;
}

export interface ContainerStateRecord {
  kind: 'running' | 'waiting' | 'terminated' | 'unknown';
  reason: string | null;
  message: string | null;
  startedMs: number | null;
  finishedMs: number | null;
  exitCode: number | null;
}

export interface ContainerRecord {
  name: string;
  image: string;
  ready: boolean;
  restartCount: number;
  state: ContainerStateRecord;
  lastTermination: ContainerStateRecord | null;
  init: boolean;
}

export interface PodRecord {
  namespace: string;
  name: string;
  nodeName: string | null;
  phase: PodPhase;
  /** kubectl's STATUS column. */
  status: string;
  readyContainers: number;
  totalContainers: number;
  restarts: number;
  crashLooping: boolean;
  /** Controller owner as written on the pod (ReplicaSet, DaemonSet, Job, …). */
  ownerKind: string | null;
  ownerName: string | null;
  podIP: string | null;
  hostIP: string | null;
  createdMs: number | null;
  qosClass: string | null;
  labels: Record<string, string>;
  /** Container images (one shared array per distinct image list). */
  images: readonly string[];
  /** The CrashLoopBackOff waiting message, when crash-looping. */
  crashMessage: string | null;
  /** Latest finishedAt of any container's last termination. */
  lastFinishedMs: number | null;
  /**
   * Containers and conditions as a JSON string (`PodDetailParts`), decoded only for the pod detail.
   * 200k pods × ~10 small objects each made every major GC mark millions of objects; one string
   * per pod is a single leaf object the collector never scans.
   */
  detailJson: string;
}

/** The parts of a pod only its detail view needs (stored encoded in `PodRecord.detailJson`). */
export interface PodDetailParts {
  containers: ContainerRecord[];
  conditions: ConditionRecord[];
}

export interface NamespaceRecord {
  name: string;
  tenant: string | null;
  createdMs: number | null;
}

export interface WorkloadRecord {
  kind: 'Deployment' | 'DaemonSet';
  namespace: string;
  name: string;
  desired: number;
  ready: number;
  updated: number;
  available: number;
  images: string[];
  createdMs: number | null;
  labels: Record<string, string>;
}

export interface ReplicaSetRecord {
  namespace: string;
  name: string;
  ownerKind: string | null;
  ownerName: string | null;
}

export interface EventRecord {
  namespace: string | null;
  name: string;
  type: string;
  reason: string;
  message: string;
  involvedKind: string;
  involvedName: string;
  involvedNamespace: string | null;
  count: number;
  firstSeenMs: number | null;
  lastSeenMs: number | null;
}

export interface LeaseRecord {
  name: string;
  holder: string | null;
  renewMs: number | null;
  durationSeconds: number | null;
}

export interface NodeGroupRecord {
  name: string;
  site: SiteAnnotations;
  nodes: string[];
}

export interface UsageRecord {
  cpuCores: number;
  memoryBytes: number;
}
