import type { IContainer, IToleration } from 'kubernetes-models/v1';
import type { OwnerReference, PodTemplate } from './types';
import { Rng } from './rng';
import { Store } from './store';
import { CLOUDCORE_IMAGE, HUB_CITIES, HUB_REGISTRY, KUBEEDGE_VERSIONS, TENANTS, type ContainerTemplate, type WorkloadTemplate } from './catalog';
import { buildPod, isoTime, microTime, nodeConditions, templateHash, uidFrom, type PodHealth } from './builders';

export type Scale = 'small' | 'large';

export interface DatacenterInfo {
  id: string;
  displayName: string;
  city: string;
  location: string;
  gateway: string;
  nodeNames: string[];
}

export interface NodeInfo {
  name: string;
  edge: boolean;
  ip: string;
  datacenter?: string;
  cores: number;
  memoryBytes: number;
  /** Index used to derive pod IPs. */
  index: number;
  podIpNext: number;
  bootMs: number;
}

/** Workload controllers the runtime keeps alive (pod recreation, scaling, rollouts). */
export interface WorkloadInfo {
  kind: 'Deployment' | 'DaemonSet';
  namespace: string;
  name: string;
  /** Nodes pods may be placed on (datacenter members or DaemonSet targets). */
  nodes: string[];
  logStyles: Record<string, string>;
  autonomy: boolean;
}

export interface HubModel {
  name: string;
  region: string;
  index: number;
  datacenters: DatacenterInfo[];
  nodes: Map<string, NodeInfo>;
  workloads: Map<string, WorkloadInfo>;
  cloudcoreIps: string[];
  tenantNamespaces: Map<string, string>;
}

const SCALE = {
  small: { datacentersPerHub: 8, edgeNodesPerHub: 68, podsPerNode: 10 },
  large: { datacentersPerHub: 20, edgeNodesPerHub: 1000, podsPerNode: 20 },
} as const;

const GATEWAY_RANGES = ['203.0.113', '198.51.100', '192.0.2'];

function slug(city: string): string {
  return city.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export function generateHub(store: Store, hubName: string, hubIndex: number, scale: Scale, seed: number, nowMs: number): HubModel {
  const rng = new Rng(`${seed}:${hubName}`);
  const cfg = SCALE[scale];
  const model: HubModel = {
    name: hubName,
    region: hubName,
    index: hubIndex,
    datacenters: [],
    nodes: new Map(),
    workloads: new Map(),
    cloudcoreIps: [],
    tenantNamespaces: new Map(),
  };
  const day = 86_400_000;
  const clusterCreated = nowMs - rng.int(300, 700) * day;
  const nsUids = new Map<string, string>();

  const addNamespace = (name: string, labels: Record<string, string> = {}): void => {
    const uid = uidFrom(rng);
    nsUids.set(name, uid);
    store.seed('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, uid, creationTimestamp: isoTime(clusterCreated + rng.int(0, 30) * day), labels: { 'kubernetes.io/metadata.name': name, ...labels } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    store.seed('serviceaccounts', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: name, uid: uidFrom(rng), creationTimestamp: isoTime(clusterCreated) },
    });
  };
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'kubeedge']) addNamespace(ns);

  // --- cloud (control-plane) nodes ---------------------------------------------------------------
  const cloudNodes: string[] = [];
  for (let k = 0; k < 3; k++) {
    const name = `${hubName}-master-${k + 1}`;
    const ip = `10.${hubIndex}.0.${11 + k}`;
    cloudNodes.push(name);
    const created = clusterCreated;
    model.nodes.set(name, { name, edge: false, ip, cores: 16, memoryBytes: 64 * 1024 ** 3, index: k, podIpNext: 2, bootMs: nowMs - rng.int(5, 90) * day });
    store.seed('nodes', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        uid: uidFrom(rng),
        creationTimestamp: isoTime(created),
        labels: {
          'beta.kubernetes.io/arch': 'amd64',
          'beta.kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'node-role.kubernetes.io/control-plane': '',
          'node.kubernetes.io/exclude-from-external-load-balancers': '',
          'topology.kubernetes.io/region': hubName,
        },
        annotations: {
          'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
      },
      spec: { podCIDR: `10.${hubIndex + 96}.${k}.0/24`, podCIDRs: [`10.${hubIndex + 96}.${k}.0/24`], taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
      status: {
        addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }],
        allocatable: { cpu: '16', 'ephemeral-storage': '189974593811', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '65748436Ki', pods: '110' },
        capacity: { cpu: '16', 'ephemeral-storage': '206137836Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '65850836Ki', pods: '110' },
        conditions: nodeConditions(false, nowMs - rng.int(0, 9000), created + 60_000, true),
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          architecture: 'amd64',
          bootID: uidFrom(rng),
          containerRuntimeVersion: 'containerd://1.7.22',
          kernelVersion: '5.15.0-126-generic',
          kubeProxyVersion: 'v1.32.10',
          kubeletVersion: 'v1.32.10',
          machineID: rng.hex(32),
          operatingSystem: 'linux',
          osImage: 'Ubuntu 22.04.5 LTS',
          systemUUID: uidFrom(rng).toUpperCase(),
        },
      },
    });
  }

  // --- CloudCore --------------------------------------------------------------------------------
  const cloudcoreReplicas = rng.int(2, 3);
  for (let r = 0; r < cloudcoreReplicas; r++) model.cloudcoreIps.push(model.nodes.get(cloudNodes[r])!.ip);

  // --- datacenters and edge nodes -----------------------------------------------------------------
  const cities = HUB_CITIES[hubName] ?? [{ name: hubName, lat: 0, lon: 0 }];
  let edgeIndex = 0;
  // Datacenter sizes vary (0.5x-1.5x) but add up to exactly edgeNodesPerHub.
  const sizeWeights = Array.from({ length: cfg.datacentersPerHub }, () => 0.5 + rng.next());
  const weightSum = sizeWeights.reduce((a, b) => a + b, 0);
  const dcSizes = sizeWeights.map((w) => Math.max(2, Math.floor((w / weightSum) * cfg.edgeNodesPerHub)));
  for (let i = 0; dcSizes.reduce((a, b) => a + b, 0) < cfg.edgeNodesPerHub; i++) dcSizes[i % dcSizes.length]++;
  for (let d = 0; d < cfg.datacentersPerHub; d++) {
    const city = cities[d % cities.length];
    const site = Math.floor(d / cities.length) + 1;
    const id = `${hubName}-${slug(city.name)}-${site}`;
    const globalDc = hubIndex * 32 + d;
    const gateway = `${GATEWAY_RANGES[globalDc % 3]}.${1 + (Math.floor(globalDc / 3) % 254)}`;
    const lat = (city.lat + (site - 1) * 0.03).toFixed(2);
    const lon = (city.lon + (site - 1) * 0.04).toFixed(2);
    const dc: DatacenterInfo = { id, displayName: `${city.name} ${site}`, city: city.name, location: `${lat},${lon}`, gateway, nodeNames: [] };
    model.datacenters.push(dc);
    const dcAnnotations = {
      'overlook.io/display-name': dc.displayName,
      'overlook.io/city': dc.city,
      'overlook.io/location': dc.location,
      'overlook.io/gateway': dc.gateway,
    };
    const dcCreated = clusterCreated + rng.int(10, 250) * day;
    const nodeCount = dcSizes[d];
    const dcArm = rng.chance(0.35);
    for (let n = 0; n < nodeCount; n++) {
      const name = `${id}-edge-${String(n + 1).padStart(3, '0')}`;
      const arch = dcArm ? (rng.chance(0.8) ? 'arm64' : 'amd64') : rng.chance(0.15) ? 'arm64' : 'amd64';
      const cores = arch === 'arm64' ? rng.pick([4, 8, 8, 16]) : rng.pick([8, 16, 16, 32]);
      const memGi = cores * rng.pick([2, 4, 4]);
      const ip = `192.168.${d}.${10 + n}`;
      const replica = edgeIndex % cloudcoreReplicas;
      const kubeletVersion = rng.weighted(KUBEEDGE_VERSIONS);
      const created = dcCreated + rng.int(0, 40) * day;
      const capacity: Record<string, string> = {
        cpu: String(cores),
        'ephemeral-storage': `${(cores > 8 ? 479 : 239) * 1024 * 1024}Ki`,
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: `${memGi * 1024 * 1024 - rng.int(100_000, 400_000)}Ki`,
        pods: '110',
      };
      const extra = rng.next();
      if (arch === 'amd64' && extra < 0.14) capacity['nvidia.com/gpu'] = String(rng.pick([1, 1, 2, 4]));
      else if (arch === 'amd64' && extra < 0.2) capacity['xilinx.com/fpga'] = '1';
      else if (arch === 'arm64' && extra < 0.22) capacity['huawei.com/ascend-310'] = String(rng.pick([1, 2]));
      const allocatable: Record<string, string> = { ...capacity };
      allocatable.cpu = `${cores * 1000 - 200}m`;
      allocatable.memory = `${Number(capacity.memory.slice(0, -2)) - 512 * 1024}Ki`;
      allocatable['ephemeral-storage'] = String(Math.floor(Number(capacity['ephemeral-storage'].slice(0, -2)) * 1024 * 0.9));
      const labels: Record<string, string> = {
        'apps.kubeedge.io/belonging-to': id,
        'beta.kubernetes.io/arch': arch,
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': arch,
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'node-role.kubernetes.io/agent': '',
        'node-role.kubernetes.io/edge': '',
        'topology.kubernetes.io/region': hubName,
        'topology.kubernetes.io/zone': id,
      };
      model.nodes.set(name, { name, edge: true, ip, datacenter: id, cores, memoryBytes: memGi * 1024 ** 3, index: edgeIndex, podIpNext: 2, bootMs: nowMs - rng.int(1, 120) * day });
      dc.nodeNames.push(name);
      store.seed('nodes', {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name,
          uid: uidFrom(rng),
          creationTimestamp: isoTime(created),
          labels,
          annotations: { cloudcore: model.cloudcoreIps[replica], 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true', ...dcAnnotations },
        },
        spec: {},
        status: {
          addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }],
          allocatable,
          capacity,
          conditions: nodeConditions(true, nowMs - rng.int(0, 9000), created + 30_000 + rng.int(0, 40) * day, true),
          daemonEndpoints: { kubeletEndpoint: { Port: 10350 + replica } },
          nodeInfo: {
            architecture: arch,
            bootID: uidFrom(rng),
            containerRuntimeVersion: rng.pick(['containerd://1.7.2', 'containerd://1.7.2', 'containerd://1.6.28', 'containerd://1.7.13']),
            kernelVersion: arch === 'arm64' ? rng.pick(['5.10.160-rockchip', '5.15.0-1055-raspi', '5.10.120-tegra']) : rng.pick(['5.15.0-126-generic', '6.8.0-49-generic', '5.4.0-200-generic']),
            kubeProxyVersion: '',
            kubeletVersion,
            machineID: rng.hex(32),
            operatingSystem: 'linux',
            osImage: rng.pick(['Ubuntu 22.04.4 LTS', 'Ubuntu 20.04.6 LTS', 'Debian GNU/Linux 12 (bookworm)', 'openEuler 22.03 (LTS-SP3)']),
            systemUUID: uidFrom(rng).toUpperCase(),
          },
        },
      });
      edgeIndex++;
    }
    store.seed('apps.kubeedge.io/nodegroups', {
      apiVersion: 'apps.kubeedge.io/v1alpha1',
      kind: 'NodeGroup',
      metadata: { name: id, uid: uidFrom(rng), creationTimestamp: isoTime(dcCreated), generation: 1, labels: { 'topology.kubernetes.io/region': hubName }, annotations: dcAnnotations },
      spec: { matchLabels: { 'apps.kubeedge.io/belonging-to': id } },
      status: { nodeStatuses: dc.nodeNames.map((nodeName) => ({ nodeName, readyStatus: 'Ready', selectionStatus: 'Succeeded' })) },
    });
  }

  // --- node leases --------------------------------------------------------------------------------
  for (const node of model.nodes.values()) {
    const nodeObj = store.getObject('nodes', node.name)!;
    store.seed('coordination.k8s.io/leases', {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: node.name,
        namespace: 'kube-node-lease',
        uid: uidFrom(rng),
        creationTimestamp: nodeObj.metadata.creationTimestamp,
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: nodeObj.metadata.uid }],
      },
      spec: { holderIdentity: node.name, leaseDurationSeconds: 40, renewTime: microTime(nowMs - rng.int(0, 9000)) },
    });
  }

  const edgeNodes = [...model.nodes.values()].filter((n) => n.edge);
  const podIp = (node: NodeInfo): string => {
    const ipIndex = node.podIpNext++;
    if (node.podIpNext > 250) node.podIpNext = 2;
    const n = node.edge ? node.index + 8 : node.index;
    return `10.${96 + hubIndex * 16 + ((n >> 8) & 15)}.${n & 255}.${ipIndex}`;
  };

  const healthFor = (): { health: PodHealth; restarts: number } => {
    const r = rng.next();
    if (r < 0.015) return { health: 'crashloop', restarts: rng.int(4, 60) };
    if (r < 0.027) return { health: 'pending', restarts: 0 };
    if (r < 0.034) return { health: 'failed', restarts: 0 };
    if (r < 0.2) return { health: 'running', restarts: rng.int(1, 4) };
    return { health: 'running', restarts: 0 };
  };

  const buildContainers = (workload: WorkloadTemplate, registry: string): IContainer[] =>
    workload.containers.map((c: ContainerTemplate) => {
      const requests: Record<string, string> = { cpu: `${c.cpuMillis}m`, memory: `${c.memoryMi}Mi` };
      const container: IContainer = {
        name: c.name,
        image: c.fullImage ? c.image : `${registry}/${c.image}`,
        imagePullPolicy: 'IfNotPresent',
        resources: {
          requests,
          limits: { cpu: `${c.cpuMillis * 2}m`, memory: `${c.memoryMi * 2}Mi`, ...(workload.accelerator && c === workload.containers[0] ? { [workload.accelerator]: '1' } : {}) },
        },
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      };
      if (c.port) container.ports = [{ containerPort: c.port, name: 'http', protocol: 'TCP' }];
      if (workload.accelerator && c === workload.containers[0]) requests[workload.accelerator] = '1';
      return container;
    });

  const defaultTolerations: IToleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  ];
  const autonomyTolerations: IToleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  ];
  const daemonTolerations: IToleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];

  const logStylesOf = (w: WorkloadTemplate): Record<string, string> => Object.fromEntries(w.containers.map((c) => [c.name, c.logStyle]));

  /** A Deployment with one current ReplicaSet and its pods placed round-robin over `nodes`. */
  const addDeployment = (opts: {
    namespace: string;
    name: string;
    labels: Record<string, string>;
    workload: WorkloadTemplate;
    registry: string;
    replicas: number;
    nodes: NodeInfo[];
    nodeSelector?: Record<string, string>;
    created: number;
    hostNetwork?: boolean;
    tolerations?: IToleration[];
    serviceAccountName?: string;
    priorityClassName?: string;
    fixedHealth?: boolean;
  }): void => {
    const containers = buildContainers(opts.workload, opts.registry);
    const autonomy = opts.workload.autonomy === true;
    const podLabelsBase: Record<string, string> = { ...opts.labels };
    if (autonomy) podLabelsBase['app-offline.kubeedge.io'] = 'autonomy';
    const template: PodTemplate = {
      metadata: { labels: podLabelsBase },
      spec: {
        containers,
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        schedulerName: 'default-scheduler',
        securityContext: {},
        ...(opts.nodeSelector ? { nodeSelector: opts.nodeSelector } : {}),
        ...(opts.hostNetwork ? { hostNetwork: true } : {}),
        ...(autonomy ? { tolerations: autonomyTolerations } : {}),
        ...(opts.serviceAccountName ? { serviceAccountName: opts.serviceAccountName } : {}),
      },
    };
    const hash = templateHash(template);
    const revision = rng.int(1, 6);
    const deployUid = uidFrom(rng);
    const rsName = `${opts.name}-${hash}`;
    const rsUid = uidFrom(rng);
    const selector = { matchLabels: opts.labels };
    store.seed('apps/deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: opts.name, namespace: opts.namespace, uid: deployUid, generation: revision, creationTimestamp: isoTime(opts.created), labels: opts.labels, annotations: { 'deployment.kubernetes.io/revision': String(revision) } },
      spec: { replicas: opts.replicas, selector, template, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 },
      status: {},
    });
    const rsCreated = Math.min(opts.created + (revision - 1) * rng.int(1, 20) * day, nowMs - 2 * day);
    store.seed('apps/replicasets', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: opts.namespace,
        uid: rsUid,
        generation: 1,
        creationTimestamp: isoTime(rsCreated),
        labels: { ...opts.labels, 'pod-template-hash': hash },
        annotations: { 'deployment.kubernetes.io/desired-replicas': String(opts.replicas), 'deployment.kubernetes.io/max-replicas': String(opts.replicas + Math.ceil(opts.replicas / 4)), 'deployment.kubernetes.io/revision': String(revision) },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: opts.name, uid: deployUid, controller: true, blockOwnerDeletion: true }],
      },
      spec: { replicas: opts.replicas, selector: { matchLabels: { ...opts.labels, 'pod-template-hash': hash } }, template: { ...template, metadata: { labels: { ...podLabelsBase, 'pod-template-hash': hash } } } },
      status: {},
    });
    const owner: OwnerReference = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: rsUid, controller: true, blockOwnerDeletion: true };
    const podLabels = { ...podLabelsBase, 'pod-template-hash': hash };
    const tolerations = opts.tolerations ?? (autonomy ? autonomyTolerations : defaultTolerations);
    for (let i = 0; i < opts.replicas; i++) {
      const node = opts.nodes[i % opts.nodes.length];
      const h = opts.fixedHealth ? { health: 'running' as PodHealth, restarts: 0 } : healthFor();
      // Pending pods are young (still pulling images); the rest are spread over the ReplicaSet's life.
      const podCreated = h.health === 'pending' ? nowMs - rng.int(20_000, 600_000) : rsCreated + Math.floor(rng.next() * Math.max(0, nowMs - 120_000 - rsCreated));
      store.seed('pods', buildPod({
        rng,
        name: `${rsName}-${rng.suffix(5)}`,
        namespace: opts.namespace,
        labels: podLabels,
        owner,
        containers,
        tolerations,
        nodeSelector: opts.nodeSelector,
        nodeName: node.name,
        hostIP: node.ip,
        podIP: opts.hostNetwork ? node.ip : podIp(node),
        createdMs: podCreated,
        health: h.health,
        restarts: h.restarts,
        hostNetwork: opts.hostNetwork,
        serviceAccountName: opts.serviceAccountName,
        priorityClassName: opts.priorityClassName,
      }));
    }
    model.workloads.set(`${opts.namespace}/${opts.name}`, { kind: 'Deployment', namespace: opts.namespace, name: opts.name, nodes: opts.nodes.map((n) => n.name), logStyles: logStylesOf(opts.workload), autonomy });
  };

  const addDaemonSet = (opts: {
    namespace: string;
    name: string;
    labels: Record<string, string>;
    workload: WorkloadTemplate;
    registry: string;
    nodes: NodeInfo[];
    nodeSelector?: Record<string, string>;
    created: number;
    hostNetwork?: boolean;
    fixedHealth?: boolean;
  }): void => {
    const containers = buildContainers(opts.workload, opts.registry);
    const dsUid = uidFrom(rng);
    const template = {
      metadata: { labels: opts.labels },
      spec: { containers, restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', tolerations: daemonTolerations, ...(opts.nodeSelector ? { nodeSelector: opts.nodeSelector } : {}), ...(opts.hostNetwork ? { hostNetwork: true } : {}) },
    };
    const revisionHash = templateHash(template).slice(0, 10);
    store.seed('apps/daemonsets', {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: opts.name, namespace: opts.namespace, uid: dsUid, generation: 1, creationTimestamp: isoTime(opts.created), labels: opts.labels, annotations: { 'deprecated.daemonset.template.generation': '1' } },
      spec: { selector: { matchLabels: opts.labels }, template, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10 },
      status: {},
    });
    const owner: OwnerReference = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: opts.name, uid: dsUid, controller: true, blockOwnerDeletion: true };
    const podLabels = { ...opts.labels, 'controller-revision-hash': revisionHash, 'pod-template-generation': '1' };
    for (const node of opts.nodes) {
      const h = opts.fixedHealth ? { health: 'running' as PodHealth, restarts: 0 } : healthFor();
      store.seed('pods', buildPod({
        rng,
        name: `${opts.name}-${rng.suffix(5)}`,
        namespace: opts.namespace,
        labels: podLabels,
        owner,
        containers,
        tolerations: daemonTolerations,
        nodeSelector: opts.nodeSelector,
        nodeName: node.name,
        hostIP: node.ip,
        podIP: opts.hostNetwork ? node.ip : podIp(node),
        createdMs: Math.min(Math.max(opts.created, nowMs - rng.int(1, 60) * day), nowMs - 60_000),
        health: h.health === 'pending' ? 'running' : h.health,
        restarts: h.restarts,
        hostNetwork: opts.hostNetwork,
      }));
    }
    model.workloads.set(`${opts.namespace}/${opts.name}`, { kind: 'DaemonSet', namespace: opts.namespace, name: opts.name, nodes: opts.nodes.map((n) => n.name), logStyles: logStylesOf(opts.workload), autonomy: false });
  };

  const cloudInfos = cloudNodes.map((n) => model.nodes.get(n)!);
  const systemCreated = clusterCreated + 3_600_000;

  // --- kube-system --------------------------------------------------------------------------------
  addDeployment({
    namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' }, registry: '', replicas: 2, nodes: cloudInfos, created: systemCreated, fixedHealth: true,
    workload: { name: 'coredns', kind: 'Deployment', weight: 0, containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.3', fullImage: true, cpuMillis: 100, memoryMi: 70, port: 53, logStyle: 'plain' }] },
    tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }], serviceAccountName: 'coredns', priorityClassName: 'system-cluster-critical',
  });
  addDeployment({
    namespace: 'kube-system', name: 'metrics-server', labels: { 'k8s-app': 'metrics-server' }, registry: '', replicas: 1, nodes: cloudInfos, created: systemCreated, fixedHealth: true,
    workload: { name: 'metrics-server', kind: 'Deployment', weight: 0, containers: [{ name: 'metrics-server', image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.2', fullImage: true, cpuMillis: 100, memoryMi: 200, port: 10250, logStyle: 'plain' }] },
    tolerations: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }], serviceAccountName: 'metrics-server', priorityClassName: 'system-cluster-critical',
  });
  addDaemonSet({
    namespace: 'kube-system', name: 'kube-proxy', labels: { 'k8s-app': 'kube-proxy' }, registry: '', nodes: cloudInfos, created: systemCreated, hostNetwork: true, fixedHealth: true,
    nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
    workload: { name: 'kube-proxy', kind: 'DaemonSet', weight: 0, containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.32.10', fullImage: true, cpuMillis: 50, memoryMi: 50, logStyle: 'plain' }] },
  });

  // --- kubeedge -----------------------------------------------------------------------------------
  const cloudcoreLabels = { 'k8s-app': 'kubeedge', kubeedge: 'cloudcore' };
  addDeployment({
    namespace: 'kubeedge', name: 'cloudcore', labels: cloudcoreLabels, registry: '', replicas: cloudcoreReplicas, nodes: cloudInfos, created: systemCreated + day, hostNetwork: true, fixedHealth: true,
    workload: { name: 'cloudcore', kind: 'Deployment', weight: 0, containers: [{ name: 'cloudcore', image: CLOUDCORE_IMAGE, fullImage: true, cpuMillis: 500, memoryMi: 1024, port: 10000, logStyle: 'plain' }] },
    tolerations: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }], serviceAccountName: 'cloudcore',
  });
  addDaemonSet({
    namespace: 'kubeedge', name: 'iptables-manager', labels: { 'k8s-app': 'iptables-manager', kubeedge: 'iptables-manager' }, registry: '', nodes: cloudInfos, created: systemCreated + day, hostNetwork: true, fixedHealth: true,
    nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
    workload: { name: 'iptables-manager', kind: 'DaemonSet', weight: 0, containers: [{ name: 'iptables', image: 'kubeedge/iptables-manager:v1.23.0', fullImage: true, cpuMillis: 50, memoryMi: 25, logStyle: 'plain' }] },
  });
  addDaemonSet({
    namespace: 'kubeedge', name: 'edge-eclipse-mosquitto', labels: { 'k8s-app': 'eclipse-mosquitto', kubeedge: 'eclipse-mosquitto' }, registry: '', nodes: edgeNodes, created: systemCreated + day, hostNetwork: true,
    nodeSelector: { 'node-role.kubernetes.io/edge': '' },
    workload: { name: 'mosquitto', kind: 'DaemonSet', weight: 0, containers: [{ name: 'edge-eclipse-mosquitto', image: 'eclipse-mosquitto:1.6.15', fullImage: true, cpuMillis: 20, memoryMi: 32, port: 1883, logStyle: 'mqtt' }] },
  });
  const tunnelRecord = {
    ipTunnelPort: Object.fromEntries(model.cloudcoreIps.map((ip, r) => [ip, 10350 + r])),
    port: Object.fromEntries(model.cloudcoreIps.map((_, r) => [String(10350 + r), true])),
  };
  store.seed('configmaps', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'tunnelport', namespace: 'kubeedge', uid: uidFrom(rng), creationTimestamp: isoTime(systemCreated + day), annotations: { 'tunnelportrecord.kubeedge.io': JSON.stringify(tunnelRecord) } },
  });
  store.seed('configmaps', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cloudcore', namespace: 'kubeedge', uid: uidFrom(rng), creationTimestamp: isoTime(systemCreated + day), labels: cloudcoreLabels },
    data: {
      'cloudcore.yaml': `apiVersion: cloudcore.config.kubeedge.io/v1alpha2\nkind: CloudCore\nmodules:\n  cloudHub:\n    advertiseAddress:\n${model.cloudcoreIps.map((ip) => `    - ${ip}`).join('\n')}\n    nodeLimit: 1000\n    websocket:\n      enable: true\n      port: 10000\n    quic:\n      enable: false\n      port: 10001\n    https:\n      enable: true\n      port: 10002\n  cloudStream:\n    enable: true\n    streamPort: 10003\n    tunnelPort: 10004\n`,
    },
  });
  store.seed('services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'cloudcore', namespace: 'kubeedge', uid: uidFrom(rng), creationTimestamp: isoTime(systemCreated + day), labels: cloudcoreLabels },
    spec: {
      type: 'ClusterIP',
      clusterIP: `10.${hubIndex + 200}.0.${rng.int(10, 250)}`,
      selector: cloudcoreLabels,
      ports: [
        { name: 'cloudhub', port: 10000, protocol: 'TCP', targetPort: 10000 },
        { name: 'cloudhub-quic', port: 10001, protocol: 'TCP', targetPort: 10001 },
        { name: 'cloudhub-https', port: 10002, protocol: 'TCP', targetPort: 10002 },
        { name: 'cloudstream', port: 10003, protocol: 'TCP', targetPort: 10003 },
        { name: 'tunnelport', port: 10004, protocol: 'TCP', targetPort: 10004 },
      ],
    },
    status: { loadBalancer: {} },
  });
  store.seed('services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', uid: uidFrom(rng), creationTimestamp: isoTime(clusterCreated), labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { type: 'ClusterIP', clusterIP: `10.${hubIndex + 200}.0.1`, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
    status: { loadBalancer: {} },
  });
  for (const sa of [['kubeedge', 'cloudcore'], ['kube-system', 'coredns'], ['kube-system', 'metrics-server']]) {
    store.seed('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa[1], namespace: sa[0], uid: uidFrom(rng), creationTimestamp: isoTime(systemCreated), labels: sa[1] === 'cloudcore' ? cloudcoreLabels : {} } });
  }

  // --- tenants ------------------------------------------------------------------------------------
  const tenants = TENANTS.filter((t) => t.hubs.includes(hubName));
  const registry = HUB_REGISTRY[hubName] ?? 'registry.example.com';
  for (const tenant of tenants) {
    for (const ns of tenant.namespaces) {
      addNamespace(ns.name, { 'overlook.io/tenant': tenant.name });
      model.tenantNamespaces.set(ns.name, tenant.name);
    }
  }
  const cameraSites: NodeInfo[] = [];
  for (const dc of model.datacenters) {
    const nodes = dc.nodeNames.map((n) => model.nodes.get(n)!);
    // Every datacenter hosts at least one tenant; a second only sometimes.
    const present = tenants.filter((_, i) => i === model.datacenters.indexOf(dc) % tenants.length || rng.chance(0.45));
    const candidates: Array<{ tenant: string; ns: string; w: WorkloadTemplate; nodes: NodeInfo[] }> = [];
    for (const tenant of present) {
      for (const ns of tenant.namespaces) {
        for (const w of ns.workloads) {
          if (w.kind !== 'Deployment') continue;
          const eligible = w.accelerator ? nodes.filter((n) => store.getObject('nodes', n.name)!.status.capacity?.[w.accelerator!]) : nodes;
          if (eligible.length === 0) continue;
          if (!rng.chance(0.85)) continue;
          candidates.push({ tenant: tenant.name, ns: ns.name, w, nodes: eligible });
        }
      }
      if (tenant.name === 'globex') for (const n of nodes) if (rng.chance(0.5)) cameraSites.push(n);
    }
    if (candidates.length === 0) continue;
    let budget = nodes.length * (cfg.podsPerNode - 1) - (present.some((t) => t.name === 'globex') ? Math.ceil(nodes.length / 2) : 0);
    // Accelerator workloads are bounded by the accelerator nodes; the rest of the budget goes by weight.
    const replicasOf = new Map<(typeof candidates)[number], number>();
    for (const c of candidates) {
      if (!c.w.accelerator) continue;
      const r = Math.max(1, Math.min(c.nodes.length * 2, Math.round(budget * 0.08 * c.w.weight)));
      replicasOf.set(c, r);
      budget -= r;
    }
    const general = candidates.filter((c) => !c.w.accelerator);
    const weights = general.map((c) => c.w.weight * (0.6 + rng.next()));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    general.forEach((c, i) => replicasOf.set(c, Math.max(1, Math.round((Math.max(budget, general.length) * weights[i]) / totalWeight))));
    for (const c of candidates) {
      const site = dc.id.slice(hubName.length + 1);
      addDeployment({
        namespace: c.ns,
        name: `${c.w.name}-${site}`,
        labels: { app: c.w.name, 'app.kubernetes.io/name': c.w.name, 'app.kubernetes.io/part-of': c.tenant, 'overlook.io/datacenter': dc.id },
        workload: c.w,
        registry,
        replicas: replicasOf.get(c)!,
        nodes: c.nodes,
        nodeSelector: { 'topology.kubernetes.io/zone': dc.id },
        created: nowMs - rng.int(20, 200) * day,
      });
    }
  }
  const globexCameras = TENANTS.find((t) => t.name === 'globex')!.namespaces[0];
  if (tenants.some((t) => t.name === 'globex') && cameraSites.length > 0) {
    // Camera sites carry a label the camera-agent DaemonSet selects on.
    for (const n of cameraSites) {
      const node = store.getObject('nodes', n.name)!;
      node.metadata.labels = { ...node.metadata.labels, 'overlook.io/camera-site': 'true' };
    }
    addDaemonSet({
      namespace: globexCameras.name, name: 'camera-agent', labels: { app: 'camera-agent', 'app.kubernetes.io/part-of': 'globex' }, registry,
      workload: globexCameras.workloads.find((w) => w.kind === 'DaemonSet')!, nodes: cameraSites, nodeSelector: { 'overlook.io/camera-site': 'true' }, created: nowMs - 90 * day,
    });
  }

  // --- devices ------------------------------------------------------------------------------------
  const deviceNamespaces = tenants.some((t) => t.name === 'globex') ? 'globex-cameras' : tenants.some((t) => t.name === 'initech') ? 'initech-iot' : 'default';
  const models = deviceNamespaces === 'globex-cameras'
    ? [{ name: 'traffic-camera', protocol: 'onvif', props: [['resolution', 'STRING', ''], ['fps', 'INT', 'fps'], ['recording', 'BOOLEAN', '']] }, { name: 'radar-speed-sensor', protocol: 'modbus', props: [['speed', 'FLOAT', 'km/h'], ['vehicle-count', 'INT', '']] }]
    : [{ name: 'temperature-sensor', protocol: 'modbus', props: [['temperature', 'FLOAT', 'Celsius'], ['humidity', 'FLOAT', '%']] }, { name: 'smart-meter', protocol: 'modbus', props: [['power', 'DOUBLE', 'kW'], ['voltage', 'FLOAT', 'V']] }];
  for (const m of models) {
    store.seed('devices.kubeedge.io/devicemodels', {
      apiVersion: 'devices.kubeedge.io/v1beta1',
      kind: 'DeviceModel',
      metadata: { name: m.name, namespace: deviceNamespaces, uid: uidFrom(rng), creationTimestamp: isoTime(nowMs - 120 * day) },
      spec: { protocol: m.protocol, properties: m.props.map(([name, type, unit]) => ({ name, type, accessMode: name === 'recording' ? 'ReadWrite' : 'ReadOnly', ...(unit ? { unit } : {}), ...(type === 'FLOAT' || type === 'INT' || type === 'DOUBLE' ? { minimum: '0', maximum: type === 'INT' ? '1000' : '500' } : {}) })) },
    });
  }
  for (const node of edgeNodes) {
    if (!rng.chance(0.25)) continue;
    const m = rng.pick(models);
    const name = `${m.name}-${node.name.slice(hubName.length + 1)}`;
    const devNow = nowMs - rng.int(0, 120_000);
    store.seed('devices.kubeedge.io/devices', {
      apiVersion: 'devices.kubeedge.io/v1beta1',
      kind: 'Device',
      metadata: { name, namespace: deviceNamespaces, uid: uidFrom(rng), creationTimestamp: isoTime(nowMs - rng.int(10, 100) * day), labels: { 'overlook.io/datacenter': node.datacenter! } },
      spec: {
        deviceModelRef: { name: m.name },
        nodeName: node.name,
        protocol: { protocolName: m.protocol, configData: m.protocol === 'modbus' ? { serialPort: '/dev/ttyS0', baudRate: 9600, slaveID: rng.int(1, 32) } : { url: `rtsp://192.168.${node.index % 250}.${rng.int(100, 250)}:554/stream1` } },
        properties: m.props.map(([pname]) => ({ name: pname, reportCycle: 10000, collectCycle: 5000, reportToCloud: true, desired: { value: '' } })),
      },
      status: {
        state: 'online',
        lastOnlineTime: isoTime(devNow),
        twins: m.props.map(([pname, type]) => ({
          propertyName: pname,
          reported: { value: type === 'BOOLEAN' ? 'true' : type === 'STRING' ? '1920x1080' : String(Math.round(rng.next() * 1000) / 10), metadata: { timestamp: String(devNow), type: type.toLowerCase() } },
          observedDesired: { value: '' },
        })),
      },
    });
  }
  return model;
}
