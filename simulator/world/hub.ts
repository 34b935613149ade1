import type { IDaemonSetStatus, IDeploymentStatus, IReplicaSetStatus } from 'kubernetes-models/apps/v1';
import type { IContainerStatus, ITaint } from 'kubernetes-models/v1';
import type { DeploymentObject, EventObject, KubeObject, NodeObject, OwnerReference, PodCondition, PodObject, PodTemplate, ReplicaSetObject } from './types';
import { Rng } from './rng';
import { Store, objectKey } from './store';
import { generateHub, type HubModel, type NodeInfo, type Scale } from './generator';
import { buildContainerStatus, buildPod, isoTime, microTime, nodeConditions, templateHash, uidFrom, UNREACHABLE_TAINTS } from './builders';

export interface HubOptions {
  name: string;
  index: number;
  scale: Scale;
  seed: number;
  churn: number;
  nowMs: number;
}

/** How often the living world touches things; documented in docs/simulator.md. */
export interface Cadence {
  leaseRenewSeconds: number;
  nodeHeartbeatSeconds: number;
  eventLimit: number;
  historyLimit: number;
}

const CADENCE: Record<Scale, Cadence> = {
  small: { leaseRenewSeconds: 10, nodeHeartbeatSeconds: 60, eventLimit: 600, historyLimit: 20_000 },
  // History entries pin old object versions: bound them so a demo running for days stays flat in memory.
  large: { leaseRenewSeconds: 40, nodeHeartbeatSeconds: 300, eventLimit: 3000, historyLimit: 50_000 },
};

const POD_START_MS = 1200;
const POD_DELETE_GRACE_MS = 300;
const RECREATE_DELAY_MS = 400;

/**
 * One simulated hub: its object store plus the controllers that keep the world alive (heartbeats,
 * node lifecycle, ReplicaSet/DaemonSet/Deployment reconciliation, events, random churn).
 */
export class Hub {
  readonly name: string;
  readonly region: string;
  readonly store: Store;
  readonly model: HubModel;
  readonly cadence: Cadence;
  readonly startedMs: number;
  churnRate: number;
  /** Edge links that are down (set by churn or the control API). */
  readonly offline = new Set<string>();
  private readonly rng: Rng;
  private readonly churnRng: Rng;
  /** Pods by controller uid. */
  private readonly podsByOwner = new Map<string, Set<string>>();
  private readonly eventKeys: string[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private tick?: NodeJS.Timeout;
  private tickCount = 0;
  private readonly rollouts = new Map<string, string>();
  private stopped = false;

  constructor(opts: HubOptions) {
    this.name = opts.name;
    this.region = opts.name;
    this.churnRate = opts.churn;
    this.startedMs = opts.nowMs;
    this.cadence = CADENCE[opts.scale];
    this.store = new Store(this.cadence.historyLimit);
    this.rng = new Rng(`${opts.seed}:${opts.name}:runtime`);
    this.churnRng = new Rng(`${opts.seed}:${opts.name}:churn`);
    this.model = generateHub(this.store, opts.name, opts.index, opts.scale, opts.seed, opts.nowMs);
    for (const entry of this.store.values('pods')) this.indexOwner(entry.obj);
    this.store.finishSeeding();
    this.seedStatuses();
    this.seedEvents(opts.nowMs);
    this.store.finishSeeding();
  }

  start(): void {
    this.tick = setInterval(() => this.onTick(), 1000);
    this.tick.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.tick) clearInterval(this.tick);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.stopped) fn();
    }, ms);
    t.unref();
    this.timers.add(t);
  }

  // --- indexes ------------------------------------------------------------------------------------

  private controllerOf(pod: KubeObject): OwnerReference | undefined {
    return pod.metadata.ownerReferences?.find((o) => o.controller);
  }

  private indexOwner(pod: KubeObject): void {
    const owner = this.controllerOf(pod);
    if (!owner) return;
    let set = this.podsByOwner.get(owner.uid);
    if (!set) {
      set = new Set();
      this.podsByOwner.set(owner.uid, set);
    }
    set.add(objectKey(pod));
  }

  private unindexOwner(pod: KubeObject): void {
    const owner = this.controllerOf(pod);
    if (owner) this.podsByOwner.get(owner.uid)?.delete(objectKey(pod));
  }

  podsOf(ownerUid: string): PodObject[] {
    const keys = this.podsByOwner.get(ownerUid);
    if (!keys) return [];
    const out: PodObject[] = [];
    for (const k of keys) {
      const p = this.store.getObject('pods', k);
      if (p) out.push(p);
    }
    return out;
  }

  isPodReady(pod: PodObject): boolean {
    return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  }

  // --- workload status ----------------------------------------------------------------------------

  private replicaSetStatus(rs: KubeObject): IReplicaSetStatus & { readyReplicas: number } {
    const pods = this.podsOf(rs.metadata.uid).filter((p) => !p.metadata.deletionTimestamp && p.status.phase !== 'Failed' && p.status.phase !== 'Succeeded');
    const ready = pods.filter((p) => this.isPodReady(p)).length;
    return { replicas: pods.length, fullyLabeledReplicas: pods.length, readyReplicas: ready, availableReplicas: ready, observedGeneration: rs.metadata.generation ?? 1 };
  }

  private deploymentStatus(deploy: DeploymentObject): IDeploymentStatus {
    const rss = this.replicaSetsOf(deploy);
    const current = rss.find((rs) => rs.metadata.labels?.['pod-template-hash'] === this.currentHash(deploy));
    let replicas = 0;
    let ready = 0;
    let updated = 0;
    for (const rs of rss) {
      const s = this.replicaSetStatus(rs);
      replicas += s.replicas;
      ready += s.readyReplicas;
      if (rs === current) updated = s.replicas;
    }
    const desired = deploy.spec.replicas ?? 1;
    const created = deploy.metadata.creationTimestamp;
    const available = ready >= Math.max(0, desired - Math.floor(desired / 4));
    const progressing = updated === desired && replicas === desired;
    const status: IDeploymentStatus = {
      observedGeneration: deploy.metadata.generation ?? 1,
      replicas,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: ready,
      conditions: [
        available
          ? { type: 'Available', status: 'True', lastUpdateTime: created, lastTransitionTime: created, reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
          : { type: 'Available', status: 'False', lastUpdateTime: created, lastTransitionTime: created, reason: 'MinimumReplicasUnavailable', message: "Deployment does not have minimum availability." },
        progressing
          ? { type: 'Progressing', status: 'True', lastUpdateTime: created, lastTransitionTime: created, reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${current?.metadata.name ?? deploy.metadata.name}" has successfully progressed.` }
          : { type: 'Progressing', status: 'True', lastUpdateTime: created, lastTransitionTime: created, reason: 'ReplicaSetUpdated', message: `ReplicaSet "${current?.metadata.name ?? deploy.metadata.name}" is progressing.` },
      ],
    };
    if (replicas - ready > 0) status.unavailableReplicas = replicas - ready;
    return status;
  }

  private daemonSetStatus(ds: KubeObject): IDaemonSetStatus {
    const info = this.model.workloads.get(`${ds.metadata.namespace}/${ds.metadata.name}`);
    const pods = this.podsOf(ds.metadata.uid).filter((p) => !p.metadata.deletionTimestamp);
    const ready = pods.filter((p) => this.isPodReady(p)).length;
    const desired = info?.nodes.length ?? pods.length;
    return { currentNumberScheduled: pods.length, desiredNumberScheduled: desired, numberAvailable: ready, numberMisscheduled: 0, numberReady: ready, observedGeneration: ds.metadata.generation ?? 1, updatedNumberScheduled: pods.length, ...(desired - ready > 0 ? { numberUnavailable: desired - ready } : {}) };
  }

  replicaSetsOf(deploy: KubeObject): ReplicaSetObject[] {
    const out: ReplicaSetObject[] = [];
    for (const e of this.store.iterate('apps/replicasets', deploy.metadata.namespace)) {
      if (e.obj.metadata.ownerReferences?.some((o) => o.uid === deploy.metadata.uid)) out.push(e.obj);
    }
    return out;
  }

  currentHash(deploy: KubeObject): string {
    return this.rollouts.get(deploy.metadata.uid) ?? this.replicaSetsOf(deploy).sort((a, b) => Number(b.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0) - Number(a.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0))[0]?.metadata.labels?.['pod-template-hash'] ?? '';
  }

  private seedStatuses(): void {
    for (const e of this.store.values('apps/replicasets')) e.obj.status = this.replicaSetStatus(e.obj);
    for (const e of this.store.values('apps/deployments')) {
      this.rollouts.set(e.obj.metadata.uid, this.replicaSetsOf(e.obj)[0]?.metadata.labels?.['pod-template-hash'] ?? '');
      e.obj.status = this.deploymentStatus(e.obj);
    }
    for (const e of this.store.values('apps/daemonsets')) e.obj.status = this.daemonSetStatus(e.obj);
  }

  /** Re-derive and store the status of a pod's controller chain, if it changed. */
  private refreshOwners(pod: KubeObject): void {
    const owner = this.controllerOf(pod);
    if (!owner || !pod.metadata.namespace) return;
    const ns = pod.metadata.namespace;
    if (owner.kind === 'ReplicaSet') {
      const rs = this.store.getObject('apps/replicasets', `${ns}/${owner.name}`);
      if (!rs) return;
      this.updateStatus('apps/replicasets', rs, this.replicaSetStatus(rs));
      const deployRef = rs.metadata.ownerReferences?.[0];
      const deploy = deployRef && this.store.getObject('apps/deployments', `${ns}/${deployRef.name}`);
      if (deploy) this.updateStatus('apps/deployments', deploy, this.deploymentStatus(deploy));
    } else if (owner.kind === 'DaemonSet') {
      const ds = this.store.getObject('apps/daemonsets', `${ns}/${owner.name}`);
      if (ds) this.updateStatus('apps/daemonsets', ds, this.daemonSetStatus(ds));
    }
  }

  private updateStatus(resource: string, obj: KubeObject, status: object): void {
    if (JSON.stringify(status) === JSON.stringify(obj.status)) return;
    this.store.update(resource, { ...obj, status });
  }

  // --- pods ---------------------------------------------------------------------------------------

  private putPod(pod: KubeObject, isNew: boolean): void {
    const prev = isNew ? undefined : this.store.getObject('pods', objectKey(pod));
    if (prev) this.unindexOwner(prev);
    if (isNew) this.store.create('pods', pod);
    else this.store.update('pods', pod);
    this.indexOwner(pod);
    this.refreshOwners(pod);
  }

  private removePod(key: string): void {
    const pod = this.store.getObject('pods', key);
    if (!pod) return;
    this.unindexOwner(pod);
    this.store.delete('pods', key);
    this.refreshOwners(pod);
  }

  /** Graceful delete as the apiserver does it: deletionTimestamp first, removal after the grace period. */
  deletePod(namespace: string, name: string, opts: { recreate: boolean } = { recreate: true }): PodObject | undefined {
    const key = `${namespace}/${name}`;
    const pod = this.store.getObject('pods', key);
    if (!pod) return undefined;
    if (pod.metadata.deletionTimestamp) return pod;
    const now = Date.now();
    const marked: KubeObject = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: isoTime(now + 30_000), deletionGracePeriodSeconds: 30 } };
    this.putPod(marked, false);
    this.later(POD_DELETE_GRACE_MS, () => {
      this.removePod(key);
      if (!opts.recreate) return;
      const owner = this.controllerOf(pod);
      if (owner) this.later(RECREATE_DELAY_MS, () => this.reconcileOwner(namespace, owner, pod.spec.nodeName));
    });
    this.emitEvent(pod, 'Killing', `Stopping container ${pod.spec.containers[0].name}`, 'Normal', 'kubelet', pod.spec.nodeName);
    return this.store.getObject('pods', key);
  }

  private reconcileOwner(namespace: string, owner: OwnerReference, lastNode?: string): void {
    if (owner.kind === 'ReplicaSet') {
      const rs = this.store.getObject('apps/replicasets', `${namespace}/${owner.name}`);
      if (rs) this.reconcileReplicaSet(rs);
    } else if (owner.kind === 'DaemonSet') {
      const ds = this.store.getObject('apps/daemonsets', `${namespace}/${owner.name}`);
      if (!ds || !lastNode) return;
      const hasPod = this.podsOf(ds.metadata.uid).some((p) => p.spec.nodeName === lastNode && !p.metadata.deletionTimestamp);
      if (!hasPod) this.createPodFor(ds, ds.spec.template, { apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name, uid: ds.metadata.uid, controller: true, blockOwnerDeletion: true }, lastNode, `${ds.metadata.name}-`);
    }
  }

  /** ReplicaSet controller: converge live pods to spec.replicas. */
  reconcileReplicaSet(rs: ReplicaSetObject): void {
    const live = this.podsOf(rs.metadata.uid).filter((p) => !p.metadata.deletionTimestamp);
    const want = rs.spec.replicas ?? 0;
    if (live.length < want) {
      const deployName = rs.metadata.ownerReferences?.[0]?.name ?? '';
      const info = this.model.workloads.get(`${rs.metadata.namespace}/${deployName}`);
      for (let i = live.length; i < want; i++) {
        const node = this.pickNode(info?.nodes ?? []);
        if (!node) break;
        this.createPodFor(rs, rs.spec.template, { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }, node, `${rs.metadata.name}-`);
      }
    } else if (live.length > want) {
      // Delete newest (and unready) pods first, as the ReplicaSet controller ranks them.
      const victims = live.sort((a, b) => Number(this.isPodReady(a)) - Number(this.isPodReady(b)) || b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp)).slice(0, live.length - want);
      for (const v of victims) this.deletePod(v.metadata.namespace!, v.metadata.name, { recreate: false });
    }
  }

  /** Least-loaded schedulable, online node among candidates. */
  private pickNode(candidates: string[]): string | undefined {
    let best: string | undefined;
    let bestLoad = Infinity;
    for (const name of candidates) {
      const node = this.store.getObject('nodes', name);
      if (!node || node.spec?.unschedulable || this.offline.has(name)) continue;
      const load = this.store.podsByNode.get(name)?.size ?? 0;
      if (load < bestLoad) {
        best = name;
        bestLoad = load;
      }
    }
    return best;
  }

  private podIpFor(node: NodeInfo): string {
    const ipIndex = node.podIpNext++;
    if (node.podIpNext > 250) node.podIpNext = 2;
    const n = node.edge ? node.index + 8 : node.index;
    return `10.${96 + this.model.index * 16 + ((n >> 8) & 15)}.${n & 255}.${ipIndex}`;
  }

  private createPodFor(owner: KubeObject, template: PodTemplate, ref: OwnerReference, nodeName: string, prefix: string): void {
    const node = this.model.nodes.get(nodeName);
    if (!node) return;
    const now = Date.now();
    const hostNetwork = template.spec.hostNetwork === true;
    const pod = buildPod({
      rng: this.rng,
      name: `${prefix}${this.rng.suffix(5)}`,
      namespace: owner.metadata.namespace!,
      labels: owner.kind === 'DaemonSet' ? { ...template.metadata.labels, 'controller-revision-hash': templateHash(template), 'pod-template-generation': String(owner.metadata.generation ?? 1) } : template.metadata.labels,
      owner: ref,
      containers: template.spec.containers,
      tolerations: template.spec.tolerations ?? [],
      nodeSelector: template.spec.nodeSelector,
      nodeName,
      hostIP: node.ip,
      podIP: hostNetwork ? node.ip : this.podIpFor(node),
      createdMs: now,
      health: 'pending',
      restarts: 0,
      hostNetwork,
      serviceAccountName: template.spec.serviceAccountName,
    });
    if (template.metadata.annotations) pod.metadata.annotations = template.metadata.annotations;
    this.putPod(pod, true);
    this.emitEvent(pod, 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`, 'Normal', 'default-scheduler');
    this.startPodLater(objectKey(pod), POD_START_MS);
  }

  /** Pending → Running after the image "pulls"; waits for the node's link if it is down. */
  private startPodLater(key: string, delayMs: number): void {
    this.later(delayMs, () => {
      const current = this.store.getObject('pods', key);
      if (!current || current.metadata.deletionTimestamp || current.status.phase !== 'Pending') return;
      const nodeName = current.spec.nodeName as string;
      const node = this.model.nodes.get(nodeName);
      if (!node || this.offline.has(nodeName)) return;
      const created = Date.parse(current.metadata.creationTimestamp);
      const running = buildPod({ ...this.podInputFrom(current, node), health: 'running', restarts: 0, createdMs: Math.max(created, Date.now() - 5000) });
      const started: KubeObject = { ...current, status: { ...running.status, startTime: current.status.startTime } };
      this.putPod(started, false);
      this.emitEvent(current, 'Started', `Started container ${current.spec.containers[0].name}`, 'Normal', 'kubelet', nodeName);
    });
  }

  private podInputFrom(pod: PodObject, node: NodeInfo) {
    return {
      rng: this.rng,
      name: pod.metadata.name,
      namespace: pod.metadata.namespace!,
      labels: pod.metadata.labels ?? {},
      containers: pod.spec.containers,
      tolerations: pod.spec.tolerations,
      nodeName: node.name,
      hostIP: node.ip,
      podIP: pod.status.podIP ?? (pod.spec.hostNetwork ? node.ip : this.podIpFor(node)),
    };
  }

  /** Control API / churn: make a pod's first container crash-loop (it crashed and is backing off). */
  crashPod(namespace: string, name: string): PodObject | undefined {
    const pod = this.store.getObject('pods', `${namespace}/${name}`);
    if (!pod) return undefined;
    const now = Date.now();
    const statuses = pod.status.containerStatuses ?? [];
    const first: Partial<IContainerStatus> & Pick<IContainerStatus, 'name'> = statuses[0] ?? { name: pod.spec.containers[0].name, image: pod.spec.containers[0].image, restartCount: 0 };
    const running = first.state?.running;
    const crashed = {
      ...first,
      ready: false,
      started: false,
      restartCount: Number(first.restartCount ?? 0) + 1,
      state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=${first.name} pod=${name}_${namespace}` } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: running?.startedAt ?? isoTime(now - 60_000), finishedAt: isoTime(now), containerID: first.containerID ?? `containerd://${this.rng.hex(64)}` } },
    };
    const notReady = [crashed.name];
    const conditions = (pod.status.conditions ?? []).map((c): PodCondition =>
      c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False', lastTransitionTime: isoTime(now), reason: 'ContainersNotReady', message: `containers with unready status: [${notReady.join(' ')}]` } : c,
    );
    const updated: PodObject = { ...pod, status: { ...pod.status, phase: 'Running', conditions, containerStatuses: [crashed as IContainerStatus, ...statuses.slice(1)] } };
    this.putPod(updated, false);
    this.emitEvent(pod, 'BackOff', `Back-off restarting failed container ${crashed.name} in pod ${name}_${namespace}(${pod.metadata.uid})`, 'Warning', 'kubelet', pod.spec.nodeName);
    return updated;
  }

  /** A container restart that recovers at once (restartCount+1, lastState terminated). */
  restartContainer(pod: PodObject): void {
    const now = Date.now();
    const statuses = pod.status.containerStatuses ?? [];
    if (statuses.length === 0 || pod.status.phase !== 'Running') return;
    const i = this.churnRng.int(0, statuses.length - 1);
    const s = statuses[i];
    const oom = this.churnRng.chance(0.3);
    const prevStart = s.state?.running?.startedAt ?? isoTime(now - 600_000);
    const fresh = buildContainerStatus(this.rng, { name: s.name, image: s.image }, 'running', Number(s.restartCount ?? 0) + 1, now, pod.metadata.name, pod.metadata.namespace!);
    const next: IContainerStatus = { ...fresh, restartCount: Number(s.restartCount ?? 0) + 1, state: { running: { startedAt: isoTime(now) } }, lastState: { terminated: { exitCode: oom ? 137 : 1, reason: oom ? 'OOMKilled' : 'Error', startedAt: prevStart, finishedAt: isoTime(now - 1000), containerID: s.containerID } } };
    const containerStatuses = statuses.map((x, j) => (j === i ? next : x));
    const allReady = containerStatuses.every((x) => x.ready);
    const conditions = (pod.status.conditions ?? []).map((c): PodCondition =>
      (c.type === 'Ready' || c.type === 'ContainersReady') && allReady ? { type: c.type, status: 'True', lastProbeTime: null, lastTransitionTime: isoTime(now) } : c,
    );
    this.putPod({ ...pod, status: { ...pod.status, conditions, containerStatuses } }, false);
    this.emitEvent(pod, 'Pulled', `Container image "${s.image}" already present on machine`, 'Normal', 'kubelet', pod.spec.nodeName);
  }

  // --- deployments --------------------------------------------------------------------------------

  /** Called after any write to a Deployment: scale or roll as its controller would. */
  reconcileDeployment(namespace: string, name: string): void {
    const deploy = this.store.getObject('apps/deployments', `${namespace}/${name}`);
    if (!deploy) return;
    const hash = templateHash(stripHashLabel(deploy.spec.template));
    const rss = this.replicaSetsOf(deploy);
    let current = rss.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash) ?? rss.find((rs) => rs.metadata.labels?.['pod-template-hash'] === this.rollouts.get(deploy.metadata.uid) && sameTemplate(rs.spec.template, deploy.spec.template));
    const desired = deploy.spec.replicas ?? 1;
    if (!current) {
      // Template changed (e.g. kubectl rollout restart): a new ReplicaSet takes over.
      const revision = Math.max(0, ...rss.map((rs) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0))) + 1;
      const labels = { ...deploy.spec.template.metadata?.labels, 'pod-template-hash': hash };
      const rs: ReplicaSetObject = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${name}-${hash}`,
          namespace,
          uid: uidFrom(this.rng),
          generation: 1,
          creationTimestamp: isoTime(Date.now()),
          labels: { ...deploy.metadata.labels, ...labels },
          annotations: { 'deployment.kubernetes.io/desired-replicas': String(desired), 'deployment.kubernetes.io/max-replicas': String(desired + Math.ceil(desired / 4)), 'deployment.kubernetes.io/revision': String(revision) },
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: deploy.metadata.uid, controller: true, blockOwnerDeletion: true }],
        },
        spec: { replicas: 0, selector: { matchLabels: { ...deploy.spec.selector.matchLabels, 'pod-template-hash': hash } }, template: { ...deploy.spec.template, metadata: { ...deploy.spec.template.metadata, labels } } },
        status: { replicas: 0, observedGeneration: 1 },
      };
      this.store.create('apps/replicasets', rs);
      this.rollouts.set(deploy.metadata.uid, hash);
      current = rs;
      this.emitEvent(deploy, 'ScalingReplicaSet', `Scaled up replica set ${rs.metadata.name} from 0 to ${desired}`, 'Normal', 'deployment-controller');
      this.updateDeployAnnotation(deploy, revision);
    }
    this.rollouts.set(deploy.metadata.uid, current.metadata.labels?.['pod-template-hash'] ?? hash);
    this.stepRollout(namespace, name);
  }

  private updateDeployAnnotation(deploy: KubeObject, revision: number): void {
    const fresh = this.store.getObject('apps/deployments', objectKey(deploy));
    if (!fresh) return;
    this.store.update('apps/deployments', { ...fresh, metadata: { ...fresh.metadata, annotations: { ...fresh.metadata.annotations, 'deployment.kubernetes.io/revision': String(revision) } } });
  }

  /** One step of a rolling update: surge the new ReplicaSet, then shrink old ones as new pods get ready. */
  private stepRollout(namespace: string, name: string): void {
    const deploy = this.store.getObject('apps/deployments', `${namespace}/${name}`);
    if (!deploy) return;
    const desired = deploy.spec.replicas ?? 1;
    const hash = this.rollouts.get(deploy.metadata.uid);
    const rss = this.replicaSetsOf(deploy);
    const current = rss.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    if (!current) return;
    const old = rss.filter((rs) => rs !== current);
    const surge = Math.max(1, Math.ceil(desired / 4));
    const oldTotal = old.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
    const currentReady = this.podsOf(current.metadata.uid).filter((p) => this.isPodReady(p) && !p.metadata.deletionTimestamp).length;
    let newReplicas = current.spec.replicas ?? 0;
    if (oldTotal === 0) newReplicas = desired;
    else newReplicas = Math.min(desired, Math.max(newReplicas, Math.min(desired, desired + surge - oldTotal)));
    if (newReplicas !== current.spec.replicas) this.setReplicaSetReplicas(current, newReplicas);
    if (oldTotal > 0) {
      let removable = Math.max(0, currentReady + oldTotal - desired + Math.floor(desired / 4));
      if (removable === 0 && currentReady >= desired) removable = oldTotal;
      for (const rs of old) {
        const r = rs.spec.replicas ?? 0;
        if (r === 0 || removable === 0) continue;
        const cut = Math.min(r, removable);
        removable -= cut;
        this.setReplicaSetReplicas(rs, r - cut);
        this.emitEvent(deploy, 'ScalingReplicaSet', `Scaled down replica set ${rs.metadata.name} from ${r} to ${r - cut}`, 'Normal', 'deployment-controller');
      }
      this.later(POD_START_MS + 300, () => this.stepRollout(namespace, name));
    }
    const fresh = this.store.getObject('apps/deployments', `${namespace}/${name}`);
    if (fresh) this.updateStatus('apps/deployments', fresh, this.deploymentStatus(fresh));
  }

  private setReplicaSetReplicas(rs: KubeObject, replicas: number): void {
    const fresh = this.store.getObject('apps/replicasets', objectKey(rs))!;
    const updated: ReplicaSetObject = {
      ...fresh,
      metadata: { ...fresh.metadata, generation: (fresh.metadata.generation ?? 1) + 1, annotations: { ...fresh.metadata.annotations, 'deployment.kubernetes.io/desired-replicas': String(replicas) } },
      spec: { ...fresh.spec, replicas },
    };
    this.store.update('apps/replicasets', updated);
    this.reconcileReplicaSet(updated);
    const after = this.store.getObject('apps/replicasets', objectKey(rs))!;
    this.updateStatus('apps/replicasets', after, this.replicaSetStatus(after));
  }

  // --- nodes --------------------------------------------------------------------------------------

  setNodeOnline(name: string, online: boolean): KubeObject | undefined {
    const node = this.store.getObject('nodes', name);
    const info = this.model.nodes.get(name);
    if (!node || !info) return undefined;
    if (online === !this.offline.has(name)) return node;
    const now = Date.now();
    if (online) this.offline.delete(name);
    else this.offline.add(name);
    const taints = (node.spec.taints ?? []).filter((t) => t.key !== 'node.kubernetes.io/unreachable');
    const nextTaints = online ? taints : [...taints, ...UNREACHABLE_TAINTS(now)];
    const conditions = nodeConditions(info.edge, online ? now : lastHeartbeat(node), now, online);
    const spec = { ...node.spec };
    if (nextTaints.length > 0) spec.taints = nextTaints;
    else delete spec.taints;
    const updated = this.store.update('nodes', { ...node, spec, status: { ...node.status, conditions } }).obj;
    this.emitEvent(node, online ? 'NodeReady' : 'NodeNotReady', online ? `Node ${name} status is now: NodeReady` : `Node ${name} status is now: NodeNotReady`, 'Normal', online ? 'kubelet' : 'node-controller', online ? name : undefined);
    if (online) {
      this.renewLease(name, now);
      // Pods scheduled while the link was down start once the edge is back.
      for (const key of this.store.podsByNode.get(name) ?? []) {
        if (this.store.getObject('pods', key)?.status.phase === 'Pending') this.startPodLater(key, POD_START_MS);
      }
    }
    if (info.datacenter) this.refreshNodeGroup(info.datacenter);
    this.refreshDevices(name, online, now);
    return updated;
  }

  /** Devices behind an edge node go offline with its link (the mapper can no longer report twins). */
  private refreshDevices(nodeName: string, online: boolean, now: number): void {
    for (const e of [...this.store.values('devices.kubeedge.io/devices')]) {
      const d = e.obj;
      if (d.spec?.nodeName !== nodeName) continue;
      const status = { ...d.status, state: online ? 'online' : 'offline', ...(online ? { lastOnlineTime: isoTime(now) } : {}) };
      this.store.update('devices.kubeedge.io/devices', { ...d, status });
    }
  }

  private refreshNodeGroup(dcId: string): void {
    const ng = this.store.getObject('apps.kubeedge.io/nodegroups', dcId);
    const dc = this.model.datacenters.find((d) => d.id === dcId);
    if (!ng || !dc) return;
    const nodeStatuses = dc.nodeNames.map((nodeName) => ({ nodeName, readyStatus: this.offline.has(nodeName) ? 'Unknown' : 'Ready', selectionStatus: 'Succeeded' }));
    this.store.update('apps.kubeedge.io/nodegroups', { ...ng, status: { nodeStatuses } });
  }

  /** React to an API write of a node (cordon/uncordon → unschedulable taint, as the node controller does). */
  afterNodeWrite(name: string, prevUnschedulable: boolean): void {
    const node = this.store.getObject('nodes', name);
    if (!node) return;
    const unschedulable = node.spec?.unschedulable === true;
    if (unschedulable === prevUnschedulable) return;
    this.emitEvent(node, unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable', `Node ${name} status is now: ${unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable'}`, 'Normal', 'kubelet', name);
    this.later(50, () => {
      const fresh = this.store.getObject('nodes', name);
      if (!fresh) return;
      const taints: ITaint[] = (fresh.spec.taints ?? []).filter((t) => t.key !== 'node.kubernetes.io/unschedulable');
      const want = fresh.spec.unschedulable === true;
      if (want) taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: isoTime(Date.now()) });
      const had = (fresh.spec.taints ?? []).some((t) => t.key === 'node.kubernetes.io/unschedulable');
      if (had === want) return;
      const spec = { ...fresh.spec };
      if (taints.length > 0) spec.taints = taints;
      else delete spec.taints;
      this.store.update('nodes', { ...fresh, spec });
    });
  }

  private renewLease(name: string, now: number): void {
    const key = `kube-node-lease/${name}`;
    const lease = this.store.getObject('coordination.k8s.io/leases', key);
    if (lease) this.store.update('coordination.k8s.io/leases', { ...lease, spec: { ...lease.spec, renewTime: microTime(now) } });
  }

  private heartbeatNode(name: string, now: number): void {
    const node = this.store.getObject('nodes', name);
    if (!node) return;
    const hb = isoTime(now);
    const conditions = (node.status.conditions ?? []).map((c) => ({ ...c, lastHeartbeatTime: hb }));
    this.store.update('nodes', { ...node, status: { ...node.status, conditions } });
  }

  // --- events -------------------------------------------------------------------------------------

  emitEvent(involved: KubeObject, reason: string, message: string, type: 'Normal' | 'Warning', component: string, host?: string): void {
    const now = Date.now();
    const namespace = involved.metadata.namespace ?? 'default';
    const name = `${involved.metadata.name}.${this.rng.hex(16)}`;
    const event: EventObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace, uid: uidFrom(this.rng), creationTimestamp: isoTime(now) },
      involvedObject: {
        kind: involved.kind,
        namespace: involved.metadata.namespace,
        name: involved.metadata.name,
        uid: involved.metadata.uid,
        apiVersion: involved.apiVersion,
        resourceVersion: involved.metadata.resourceVersion,
        ...(involved.kind === 'Pod' ? { fieldPath: `spec.containers{${(involved as PodObject).spec.containers[0].name}}` } : {}),
      },
      reason,
      message,
      source: host ? { component, host } : { component },
      firstTimestamp: isoTime(now),
      lastTimestamp: isoTime(now),
      count: 1,
      type,
      eventTime: null,
      reportingComponent: component,
      reportingInstance: host ?? '',
    };
    if (!involved.metadata.namespace) delete event.involvedObject.namespace;
    this.storeEvent(event, true);
  }

  private storeEvent(event: EventObject, live: boolean): void {
    if (live) this.store.create('events', event);
    else this.store.seed('events', event);
    this.eventKeys.push(objectKey(event));
    while (this.eventKeys.length > this.cadence.eventLimit) {
      const oldest = this.eventKeys.shift()!;
      // Events age out like the apiserver's 1 h TTL, just by count here.
      if (live) this.store.delete('events', oldest);
      else {
        this.store.table('events').entries.delete(oldest);
        this.store.table('events').removeKey(oldest);
      }
    }
  }

  private seedEvents(nowMs: number): void {
    const rng = new Rng(`${this.name}:events`);
    const budget = Math.floor(this.cadence.eventLimit * 0.6);
    let made = 0;
    for (const entry of this.store.values('pods')) {
      if (made >= budget) break;
      const pod = entry.obj;
      const waiting = pod.status.containerStatuses?.[0]?.state?.waiting?.reason;
      const pick = waiting === 'CrashLoopBackOff' ? 1 : rng.chance(0.03) ? 2 : 0;
      if (pick === 0) continue;
      const c = pod.spec.containers[0];
      const at = nowMs - rng.int(10_000, 3_000_000);
      const count = pick === 1 ? rng.int(5, 300) : 1;
      const reason = pick === 1 ? 'BackOff' : rng.pick(['Pulled', 'Created', 'Started']);
      const message = pick === 1 ? `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})` : reason === 'Pulled' ? `Container image "${c.image}" already present on machine` : `${reason} container ${c.name}`;
      this.storeEvent({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `${pod.metadata.name}.${rng.hex(16)}`, namespace: pod.metadata.namespace, uid: uidFrom(rng), creationTimestamp: isoTime(at - count * 30_000) },
        involvedObject: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid, apiVersion: 'v1', resourceVersion: pod.metadata.resourceVersion, fieldPath: `spec.containers{${c.name}}` },
        reason,
        message,
        source: { component: 'kubelet', host: pod.spec.nodeName },
        firstTimestamp: isoTime(at - count * 30_000),
        lastTimestamp: isoTime(at),
        count,
        type: pick === 1 ? 'Warning' : 'Normal',
        eventTime: null,
        reportingComponent: 'kubelet',
        reportingInstance: pod.spec.nodeName,
      }, false);
      made++;
    }
  }

  // --- the living world ---------------------------------------------------------------------------

  private onTick(): void {
    const now = Date.now();
    this.tickCount++;
    const t = this.tickCount;
    // Rolling heartbeats: each node gets one slot per period, so the load is spread evenly.
    const leaseP = this.cadence.leaseRenewSeconds;
    const hbP = this.cadence.nodeHeartbeatSeconds;
    for (const info of this.model.nodes.values()) {
      if (this.offline.has(info.name)) continue;
      if (info.index % leaseP === t % leaseP) this.renewLease(info.name, now);
      if ((info.index * 7) % hbP === t % hbP) this.heartbeatNode(info.name, now);
    }
    if (this.churnRate > 0) this.churn(now);
  }

  private churn(now: number): void {
    const r = this.churnRate;
    const rng = this.churnRng;
    // Edge link loss: about once a minute per hub at rate 1; links come back after 20-120 s.
    if (rng.chance(r / 60)) {
      const edge = this.model.datacenters.flatMap((d) => d.nodeNames);
      const victim = rng.pick(edge);
      if (!this.offline.has(victim)) {
        this.setNodeOnline(victim, false);
        this.later(rng.int(20_000, 120_000), () => this.setNodeOnline(victim, true));
      }
    }
    const pods = this.store.table('pods').sortedKeys;
    // A container restarts every ~5 s.
    if (rng.chance(r / 5) && pods.length) {
      const pod = this.store.getObject('pods', rng.pick(pods));
      if (pod && !this.offline.has(pod.spec.nodeName ?? '')) this.restartContainer(pod);
    }
    // A pod starts crash-looping every ~40 s, and recovers (is replaced) a minute or two later.
    if (rng.chance(r / 40) && pods.length) {
      const pod = this.store.getObject('pods', rng.pick(pods));
      if (pod && pod.status.phase === 'Running' && !this.offline.has(pod.spec.nodeName ?? '')) {
        this.crashPod(pod.metadata.namespace!, pod.metadata.name);
        this.later(rng.int(60_000, 150_000), () => {
          if (this.store.getObject('pods', objectKey(pod))) this.deletePod(pod.metadata.namespace!, pod.metadata.name);
        });
      }
    }
    // A rollout restart every ~3 min.
    if (rng.chance(r / 180)) {
      const deploys = this.store.table('apps/deployments').sortedKeys.filter((k) => this.model.tenantNamespaces.has(k.split('/')[0]));
      if (deploys.length) {
        const d = this.store.getObject('apps/deployments', rng.pick(deploys))!;
        const template = { ...d.spec.template, metadata: { ...d.spec.template.metadata, annotations: { ...d.spec.template.metadata?.annotations, 'kubectl.kubernetes.io/restartedAt': new Date(now).toISOString().replace(/\.\d+Z$/, 'Z') } } };
        this.store.update('apps/deployments', { ...d, metadata: { ...d.metadata, generation: (d.metadata.generation ?? 1) + 1 }, spec: { ...d.spec, template } });
        this.reconcileDeployment(d.metadata.namespace!, d.metadata.name);
      }
    }
  }
}

function lastHeartbeat(node: NodeObject): number {
  const ready = node.status.conditions?.find((c) => c.type === 'Ready');
  return ready ? Date.parse(ready.lastHeartbeatTime ?? '') : Date.now();
}

function stripHashLabel(template: PodTemplate): PodTemplate {
  const labels = { ...template.metadata?.labels };
  delete labels['pod-template-hash'];
  return { ...template, metadata: { ...template.metadata, labels } };
}

function sameTemplate(a: PodTemplate, b: PodTemplate): boolean {
  return JSON.stringify(stripHashLabel(a)) === JSON.stringify(stripHashLabel(b));
}
