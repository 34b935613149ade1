import type { IContainer, IContainerStatus, INodeCondition, ITaint, IToleration, IPodSpec } from 'kubernetes-models/v1';
import type { KubeObject, OwnerReference, PodObject, PodStatus } from './types';
import { Rng, hashString } from './rng';

/** Object builders shared by the initial generator and the live controllers. */

export function isoTime(ms: number): string {
  const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString();
  return `${iso.slice(0, 19)}Z`;
}

/** MicroTime as Leases and events.k8s.io use: RFC3339 with microseconds. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function uidFrom(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** pod-template-hash style: deterministic from the template content. */
export function templateHash(template: unknown): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let h = hashString(JSON.stringify(template));
  let out = '';
  for (let i = 0; i < 10; i++) {
    out += alphabet[h % alphabet.length];
    h = Math.floor(h / alphabet.length) ^ Math.imul(h, 2654435761) >>> 7;
    h >>>= 0;
  }
  return out;
}

export type PodHealth = 'running' | 'pending' | 'crashloop' | 'failed' | 'succeeded';

export interface PodBuildInput {
  rng: Rng;
  name: string;
  namespace: string;
  labels: Record<string, string>;
  owner?: OwnerReference;
  /** Shared by every pod of the same template: never mutate. */
  containers: IContainer[];
  tolerations: IToleration[] | undefined;
  nodeSelector?: Record<string, string>;
  nodeName: string;
  hostIP: string;
  podIP: string;
  createdMs: number;
  health: PodHealth;
  /** Restart count of the first container for a running pod (others 0). */
  restarts: number;
  hostNetwork?: boolean;
  serviceAccountName?: string;
  priorityClassName?: string;
}

function containerId(rng: Rng): string {
  return `containerd://${rng.hex(64)}`;
}

const imageIds = new Map<string, string>();

function imageId(image: string): string {
  let id = imageIds.get(image);
  if (id === undefined) {
    id = computeImageId(image);
    imageIds.set(image, id);
  }
  return id;
}

function computeImageId(image: string): string {
  const repo = image.replace(/:[^:/]+$/, '');
  return `${repo}@sha256:${hashString(image).toString(16).padStart(8, '0').repeat(8)}`;
}

export function buildPod(p: PodBuildInput): PodObject {
  const { rng } = p;
  const startMs = p.createdMs + 1000 + rng.int(0, 3000);
  const containerStatuses = p.containers.map((c, index) =>
    buildContainerStatus(rng, c, index === 0 ? p.health : p.health === 'crashloop' ? 'running' : p.health, index === 0 ? p.restarts : 0, startMs, p.name, p.namespace),
  );
  const allReady = containerStatuses.every((s) => s.ready);
  const notReady = containerStatuses.filter((s) => !s.ready).map((s) => s.name);
  const phase = p.health === 'pending' ? 'Pending' : p.health === 'failed' ? 'Failed' : p.health === 'succeeded' ? 'Succeeded' : 'Running';
  const created = isoTime(p.createdMs);
  const started = isoTime(startMs);
  const readyTime = isoTime(startMs + 4000);
  const status: PodStatus = {
    phase,
    conditions: [
      { type: 'PodReadyToStartContainers', status: p.health === 'pending' || p.health === 'failed' ? 'False' : 'True', lastProbeTime: null, lastTransitionTime: started },
      { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: created },
      allReady
        ? { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: readyTime }
        : { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: readyTime, reason: phase === 'Failed' ? 'PodFailed' : 'ContainersNotReady', message: `containers with unready status: [${notReady.join(' ')}]` },
      allReady
        ? { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: readyTime }
        : { type: 'ContainersReady', status: 'False', lastProbeTime: null, lastTransitionTime: readyTime, reason: phase === 'Failed' ? 'PodFailed' : 'ContainersNotReady', message: `containers with unready status: [${notReady.join(' ')}]` },
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: created },
    ],
    hostIP: p.hostIP,
    hostIPs: [{ ip: p.hostIP }],
    startTime: started,
    qosClass: 'Burstable',
    containerStatuses,
  };
  if (p.health !== 'pending') {
    status.podIP = p.podIP;
    status.podIPs = [{ ip: p.podIP }];
  }
  if (p.health === 'failed') {
    status.reason = 'Evicted';
    status.message = 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 91236Ki. ';
  }
  const spec: IPodSpec = {
    containers: p.containers,
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: p.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    serviceAccountName: p.serviceAccountName ?? 'default',
    serviceAccount: p.serviceAccountName ?? 'default',
    nodeName: p.nodeName,
    securityContext: {},
    schedulerName: 'default-scheduler',
    tolerations: p.tolerations,
    priority: p.priorityClassName ? 2000000000 : 0,
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
  };
  if (p.priorityClassName) spec.priorityClassName = p.priorityClassName;
  if (p.hostNetwork) spec.hostNetwork = true;
  if (p.nodeSelector) spec.nodeSelector = p.nodeSelector;
  const metadata: KubeObject['metadata'] = {
    name: p.name,
    namespace: p.namespace,
    uid: uidFrom(rng),
    creationTimestamp: created,
    labels: p.labels,
  };
  if (p.owner) {
    metadata.generateName = p.name.slice(0, p.name.lastIndexOf('-') + 1);
    metadata.ownerReferences = [p.owner];
  }
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec, status };
}

export function buildContainerStatus(
  rng: Rng,
  c: Pick<IContainer, 'name' | 'image'>,
  health: PodHealth,
  restarts: number,
  startMs: number,
  podName: string,
  namespace: string,
): IContainerStatus {
  const image = c.image ?? '';
  const base = { name: c.name, image, imageID: health === 'pending' ? '' : imageId(image) };
  if (health === 'pending') {
    return { ...base, ready: false, started: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } }, lastState: {} };
  }
  const cid = containerId(rng);
  if (health === 'failed') {
    return { ...base, containerID: cid, ready: false, started: false, restartCount: restarts, state: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: isoTime(startMs), finishedAt: isoTime(startMs + 3_600_000), containerID: cid } }, lastState: {} };
  }
  // The latest restart falls somewhere in the pod's life, recent more often than not.
  const lifetime = Math.max(0, Date.now() - startMs - 60_000);
  const lastStart = restarts > 0 ? startMs + Math.floor(lifetime * (1 - rng.next() ** 3)) : startMs;
  const lastState =
    restarts > 0
      ? { terminated: { exitCode: rng.chance(0.3) ? 137 : 1, reason: '', startedAt: isoTime(lastStart - 50_000), finishedAt: isoTime(lastStart - 2_000), containerID: `containerd://${rng.hex(64)}` } }
      : {};
  if (restarts > 0) {
    const t = (lastState as { terminated: { exitCode: number; reason: string } }).terminated;
    t.reason = t.exitCode === 137 ? 'OOMKilled' : 'Error';
  }
  if (health === 'crashloop') {
    return {
      ...base,
      containerID: cid,
      ready: false,
      started: false,
      restartCount: Math.max(restarts, 3),
      state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=${c.name} pod=${podName}_${namespace}` } },
      lastState: restarts > 0 ? lastState : { terminated: { exitCode: 1, reason: 'Error', startedAt: isoTime(lastStart - 20_000), finishedAt: isoTime(lastStart - 2_000), containerID: cid } },
    };
  }
  return { ...base, containerID: cid, ready: true, started: true, restartCount: restarts, state: { running: { startedAt: isoTime(lastStart) } }, lastState };
}

export function nodeConditions(edge: boolean, heartbeatMs: number, transitionMs: number, online: boolean): INodeCondition[] {
  const hb = isoTime(heartbeatMs);
  const tr = isoTime(transitionMs);
  if (!online) {
    return ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => ({
      type,
      status: 'Unknown',
      lastHeartbeatTime: hb,
      lastTransitionTime: tr,
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    }));
  }
  return [
    { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: hb, lastTransitionTime: tr, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
    { type: 'DiskPressure', status: 'False', lastHeartbeatTime: hb, lastTransitionTime: tr, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
    { type: 'PIDPressure', status: 'False', lastHeartbeatTime: hb, lastTransitionTime: tr, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
    edge
      ? { type: 'Ready', status: 'True', lastHeartbeatTime: hb, lastTransitionTime: tr, reason: 'EdgeReady', message: 'edge is posting ready status' }
      : { type: 'Ready', status: 'True', lastHeartbeatTime: hb, lastTransitionTime: tr, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
  ];
}

export const UNREACHABLE_TAINTS = (sinceMs: number): ITaint[] => [
  { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: isoTime(sinceMs) },
  { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: isoTime(sinceMs) },
];

export function quantityKi(bytes: number): string {
  return `${Math.round(bytes / 1024)}Ki`;
}

export function quantityNanoCores(cores: number): string {
  return `${Math.max(0, Math.round(cores * 1e9))}n`;
}

export function parseCpu(q: string): number {
  if (q.endsWith('m')) return Number(q.slice(0, -1)) / 1000;
  if (q.endsWith('n')) return Number(q.slice(0, -1)) / 1e9;
  return Number(q);
}

export function parseMemory(q: string): number {
  const m = /^(\d+(?:\.\d+)?)([KMGT]i?)?$/.exec(q);
  if (!m) return Number(q) || 0;
  const n = Number(m[1]);
  const unit = m[2] ?? '';
  const mult: Record<string, number> = { '': 1, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, K: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  return n * (mult[unit] ?? 1);
}
