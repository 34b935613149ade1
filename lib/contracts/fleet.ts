/**
 * Fleet read model contracts: the DTOs the BFF returns for hubs, datacenters, nodes, pods, workloads
 * and the live stream, plus the zod schemas for every query they accept. Shared by server and client;
 * no I/O here. Raw Kubernetes objects never cross this boundary — they are projected to these shapes.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Hubs and per-hub status (carried by every aggregate so one region never blanks a page)
// ---------------------------------------------------------------------------------------------

/** connecting: first sync not done yet; connected: watches healthy; degraded: some watches failing or
 * slow; unreachable: the hub does not answer — last-known data is kept and marked stale. */
export const hubStatusSchema = z.enum(['connecting', 'connected', 'degraded', 'unreachable']);
export type HubStatus = z.infer<typeof hubStatusSchema>;

/** The per-hub status attached to every list and aggregate response. */
export const hubListStatusSchema = z.object({
  /** Hub name (the kubeconfig context or registered name), e.g. `cn-east`. */
  hub: z.string(),
  /** Region the hub serves, e.g. `cn-east`. */
  region: z.string(),
  status: hubStatusSchema,
  /** When the cache last held a complete, current picture of the hub (ISO time), null before the first sync. */
  lastSyncAt: z.string().nullable(),
  /** When the hub entered its current status (ISO time) — "unreachable since …". */
  since: z.string().nullable(),
  /** Plain reason when not connected, e.g. `connect ECONNREFUSED 127.0.0.1:6443`; never credentials. */
  error: z.string().nullable(),
  /** True when the data shown for this hub is last-known rather than live. */
  stale: z.boolean(),
});
export type HubListStatus = z.infer<typeof hubListStatusSchema>;

export const countsByReadinessSchema = z.object({
  total: z.number().int(),
  ready: z.number().int(),
  notReady: z.number().int(),
  unknown: z.number().int(),
});
export type CountsByReadiness = z.infer<typeof countsByReadinessSchema>;

export const podCountsSchema = z.object({
  total: z.number().int(),
  running: z.number().int(),
  pending: z.number().int(),
  failed: z.number().int(),
  succeeded: z.number().int(),
  /** Pods with any container waiting in CrashLoopBackOff. */
  crashLooping: z.number().int(),
});
export type PodCounts = z.infer<typeof podCountsSchema>;

/** CPU in cores, memory in bytes. */
export const resourceAmountsSchema = z.object({ cpuCores: z.number(), memoryBytes: z.number() });
export type ResourceAmounts = z.infer<typeof resourceAmountsSchema>;

export const hubDtoSchema = hubListStatusSchema.extend({
  displayName: z.string(),
  /** Where the hub came from: a kubeconfig file or registered by an admin. */
  source: z.enum(['kubeconfig', 'registered']),
  /** Kubernetes version reported by the hub's /version, when known. */
  kubernetesVersion: z.string().nullable(),
  cloudcore: z.object({
    ready: z.number().int(),
    total: z.number().int(),
    /** CloudCore image version, e.g. `v1.23.0`. */
    version: z.string().nullable(),
  }),
  counts: z.object({
    datacenters: z.number().int(),
    nodes: z.number().int(),
    edgeNodes: z.number().int(),
    pods: z.number().int(),
    namespaces: z.number().int(),
  }),
});
export type HubDto = z.infer<typeof hubDtoSchema>;

export const hubListResponseSchema = z.object({ items: z.array(hubDtoSchema) });
export type HubListResponse = z.infer<typeof hubListResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Problems (top of the overview)
// ---------------------------------------------------------------------------------------------

export const problemSchema = z.object({
  kind: z.enum(['hub-unreachable', 'hub-degraded', 'cloudcore-degraded', 'node-offline', 'node-not-ready', 'pod-crashloop']),
  severity: z.enum(['critical', 'warning']),
  hub: z.string(),
  /** Short plain title, e.g. `edge-hz1-014 is offline`. */
  title: z.string(),
  /** The reason as Kubernetes gives it, e.g. `Kubelet stopped posting node status.` */
  detail: z.string(),
  /** Since when (ISO), newest first in lists. */
  since: z.string().nullable(),
  target: z.object({
    kind: z.enum(['hub', 'datacenter', 'node', 'pod']),
    hub: z.string(),
    namespace: z.string().optional(),
    name: z.string(),
  }),
});
export type Problem = z.infer<typeof problemSchema>;

// ---------------------------------------------------------------------------------------------
// Fleet summary
// ---------------------------------------------------------------------------------------------

export const datacenterHealthSchema = z.enum(['healthy', 'degraded', 'down', 'unknown']);
export type DatacenterHealth = z.infer<typeof datacenterHealthSchema>;

export const datacenterHealthCountsSchema = z.object({
  total: z.number().int(),
  healthy: z.number().int(),
  degraded: z.number().int(),
  down: z.number().int(),
  unknown: z.number().int(),
});

export const fleetBreakdownSchema = z.object({
  datacenters: datacenterHealthCountsSchema,
  edgeNodes: countsByReadinessSchema,
  cloudNodes: countsByReadinessSchema,
  pods: podCountsSchema,
  capacity: resourceAmountsSchema,
  /** Live usage from metrics.k8s.io; null when no metrics are available. */
  usage: resourceAmountsSchema.nullable(),
});

export const fleetSummarySchema = fleetBreakdownSchema.extend({
  hubs: z.object({
    total: z.number().int(),
    connected: z.number().int(),
    degraded: z.number().int(),
    unreachable: z.number().int(),
    connecting: z.number().int(),
  }),
  perHub: z.array(fleetBreakdownSchema.extend({ hub: z.string(), region: z.string(), status: hubStatusSchema })),
  /** Offline nodes, crash-looping pods, hub trouble — newest first, bounded. */
  problems: z.array(problemSchema),
  hubStatus: z.array(hubListStatusSchema),
  generatedAt: z.string(),
});
export type FleetSummary = z.infer<typeof fleetSummarySchema>;

// ---------------------------------------------------------------------------------------------
// Datacenters
// ---------------------------------------------------------------------------------------------

export const datacenterDtoSchema = z.object({
  /** `<hub>:<zone>` — unique across the fleet and URL-safe. */
  id: z.string(),
  hub: z.string(),
  region: z.string(),
  /** Value of the datacenter label (default `topology.kubernetes.io/zone`). */
  zone: z.string(),
  displayName: z.string(),
  city: z.string().nullable(),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  /** Public gateway (ingress) address of the site. */
  gateway: z.string().nullable(),
  health: datacenterHealthSchema,
  nodes: countsByReadinessSchema.extend({ cordoned: z.number().int() }),
  /** Node count per architecture, e.g. { amd64: 6, arm64: 2 }. */
  architectures: z.record(z.string(), z.number().int()),
  /** Extended resource name → total capacity, e.g. { "nvidia.com/gpu": 4 }. */
  accelerators: z.record(z.string(), z.number()),
  pods: podCountsSchema,
  capacity: resourceAmountsSchema,
  usage: resourceAmountsSchema.nullable(),
  /** CloudCore replica addresses serving this datacenter's nodes. */
  cloudcore: z.array(z.string()),
  stale: z.boolean(),
});
export type DatacenterDto = z.infer<typeof datacenterDtoSchema>;

// ---------------------------------------------------------------------------------------------
// Nodes
// ---------------------------------------------------------------------------------------------

export const nodeReadinessSchema = z.enum(['ready', 'not-ready', 'unknown']);
export type NodeReadiness = z.infer<typeof nodeReadinessSchema>;

export const nodeListItemSchema = z.object({
  hub: z.string(),
  region: z.string(),
  name: z.string(),
  /** Datacenter id (`<hub>:<zone>`), null for nodes without the datacenter label. */
  datacenter: z.string().nullable(),
  role: z.enum(['edge', 'cloud']),
  status: nodeReadinessSchema,
  /** Ready condition reason/message, e.g. `NodeStatusUnknown` / `Kubelet stopped posting node status.` */
  statusReason: z.string().nullable(),
  statusMessage: z.string().nullable(),
  unschedulable: z.boolean(),
  arch: z.string(),
  os: z.string(),
  kubeletVersion: z.string(),
  /** KubeEdge version parsed from kubeletVersion (`v1.30.7-kubeedge-v1.21.0` → `v1.21.0`). */
  kubeedgeVersion: z.string().nullable(),
  internalIP: z.string().nullable(),
  cpu: z.object({ capacityCores: z.number(), usageCores: z.number().nullable() }),
  memory: z.object({ capacityBytes: z.number(), usageBytes: z.number().nullable() }),
  pods: z.number().int(),
  /** Extended resources present, e.g. ["nvidia.com/gpu"]. */
  accelerators: z.array(z.string()),
  /** Last heartbeat (Ready condition lastHeartbeatTime or Lease renewTime), ISO. */
  lastHeartbeat: z.string().nullable(),
  /** Since when the node is in its current readiness (Ready lastTransitionTime), ISO. */
  statusSince: z.string().nullable(),
  /** IP of the CloudCore replica serving the node (the `cloudcore` annotation). */
  cloudcore: z.string().nullable(),
  /** CloudStream tunnel port (status.daemonEndpoints.kubeletEndpoint.Port). */
  tunnelPort: z.number().int().nullable(),
  createdAt: z.string().nullable(),
  stale: z.boolean(),
});
export type NodeListItem = z.infer<typeof nodeListItemSchema>;

export const nodeSortKeys = [
  'name', 'hub', 'datacenter', 'status', 'role', 'arch', 'kubeletVersion', 'cpu', 'memory', 'pods', 'lastHeartbeat', 'createdAt',
] as const;
export type NodeSortKey = (typeof nodeSortKeys)[number];

// ---------------------------------------------------------------------------------------------
// Pods
// ---------------------------------------------------------------------------------------------

export const podListItemSchema = z.object({
  hub: z.string(),
  region: z.string(),
  namespace: z.string(),
  name: z.string(),
  node: z.string().nullable(),
  datacenter: z.string().nullable(),
  phase: z.enum(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']),
  /** What kubectl's STATUS column shows: Running, CrashLoopBackOff, ContainerCreating, Completed, … */
  status: z.string(),
  readyContainers: z.number().int(),
  totalContainers: z.number().int(),
  restarts: z.number().int(),
  crashLooping: z.boolean(),
  /** Top-level owner (Deployment for ReplicaSet-owned pods), when any. */
  owner: z.object({ kind: z.string(), name: z.string() }).nullable(),
  /** Tenant slug from the namespace label `overlook.io/tenant`, when any. */
  tenant: z.string().nullable(),
  podIP: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** True when the pod's node is offline: its status is last-known (KubeEdge autonomy). */
  nodeOffline: z.boolean(),
  stale: z.boolean(),
});
export type PodListItem = z.infer<typeof podListItemSchema>;

export const podSortKeys = ['name', 'namespace', 'hub', 'node', 'datacenter', 'status', 'restarts', 'createdAt'] as const;
export type PodSortKey = (typeof podSortKeys)[number];

export const eventDtoSchema = z.object({
  hub: z.string(),
  namespace: z.string().nullable(),
  type: z.string(),
  reason: z.string(),
  message: z.string(),
  involvedObject: z.object({ kind: z.string(), name: z.string(), namespace: z.string().nullable() }),
  count: z.number().int(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
});
export type EventDto = z.infer<typeof eventDtoSchema>;

export const containerStateSchema = z.object({
  kind: z.enum(['running', 'waiting', 'terminated', 'unknown']),
  reason: z.string().nullable(),
  message: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  exitCode: z.number().int().nullable(),
});

export const podDetailSchema = podListItemSchema.extend({
  labels: z.record(z.string(), z.string()),
  hostIP: z.string().nullable(),
  qosClass: z.string().nullable(),
  /** Owner chain from the pod up, e.g. [ReplicaSet x-7d9f, Deployment x]. */
  ownerChain: z.array(z.object({ kind: z.string(), name: z.string() })),
  containers: z.array(
    z.object({
      name: z.string(),
      image: z.string(),
      ready: z.boolean(),
      restartCount: z.number().int(),
      state: containerStateSchema,
      lastTermination: containerStateSchema.nullable(),
      init: z.boolean(),
    }),
  ),
  conditions: z.array(z.object({ type: z.string(), status: z.string(), reason: z.string().nullable(), message: z.string().nullable(), lastTransitionTime: z.string().nullable() })),
  /** The node the pod runs on, as a list item, when it is in the cache. */
  nodeInfo: nodeListItemSchema.nullable(),
  events: z.array(eventDtoSchema),
  hubStatus: hubListStatusSchema,
});
export type PodDetail = z.infer<typeof podDetailSchema>;

export const nodeDetailSchema = nodeListItemSchema.extend({
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  taints: z.array(z.object({ key: z.string(), value: z.string().nullable(), effect: z.string(), timeAdded: z.string().nullable() })),
  conditions: z.array(
    z.object({
      type: z.string(),
      status: z.string(),
      reason: z.string().nullable(),
      message: z.string().nullable(),
      lastHeartbeatTime: z.string().nullable(),
      lastTransitionTime: z.string().nullable(),
    }),
  ),
  addresses: z.array(z.object({ type: z.string(), address: z.string() })),
  nodeInfo: z.object({
    kubeletVersion: z.string(),
    kubeedgeVersion: z.string().nullable(),
    containerRuntimeVersion: z.string(),
    osImage: z.string(),
    kernelVersion: z.string(),
    architecture: z.string(),
    operatingSystem: z.string(),
  }),
  /** Raw quantities as the hub reports them, e.g. { cpu: "8", memory: "16302548Ki", "nvidia.com/gpu": "1" }. */
  capacity: z.record(z.string(), z.string()),
  allocatable: z.record(z.string(), z.string()),
  lease: z.object({ holder: z.string().nullable(), renewTime: z.string().nullable(), durationSeconds: z.number().nullable() }).nullable(),
  podList: z.array(podListItemSchema),
  events: z.array(eventDtoSchema),
  hubStatus: hubListStatusSchema,
});
export type NodeDetail = z.infer<typeof nodeDetailSchema>;

// ---------------------------------------------------------------------------------------------
// Workloads
// ---------------------------------------------------------------------------------------------

export const workloadListItemSchema = z.object({
  hub: z.string(),
  region: z.string(),
  namespace: z.string(),
  kind: z.enum(['Deployment', 'DaemonSet']),
  name: z.string(),
  desired: z.number().int(),
  ready: z.number().int(),
  updated: z.number().int(),
  available: z.number().int(),
  images: z.array(z.string()),
  tenant: z.string().nullable(),
  createdAt: z.string().nullable(),
  stale: z.boolean(),
});
export type WorkloadListItem = z.infer<typeof workloadListItemSchema>;

export const workloadSortKeys = ['name', 'namespace', 'hub', 'kind', 'desired', 'ready', 'createdAt'] as const;

// ---------------------------------------------------------------------------------------------
// Paged lists
// ---------------------------------------------------------------------------------------------

export function pagedResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** Opaque cursor for the next page; null on the last page. */
    nextCursor: z.string().nullable(),
    /** Matching items across all hubs (after filtering, before paging). */
    total: z.number().int(),
    hubs: z.array(hubListStatusSchema),
  });
}
export type PagedResponse<T> = { items: T[]; nextCursor: string | null; total: number; hubs: HubListStatus[] };

// ---------------------------------------------------------------------------------------------
// Query schemas (one per operation). Lists of values are comma-separated in the query string.
// ---------------------------------------------------------------------------------------------

const csv = z
  .string()
  .trim()
  .min(1)
  .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean));

export const pagingQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor: z.string().max(2048).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const nodeListQuerySchema = pagingQuerySchema.extend({
  hub: csv.optional(),
  region: csv.optional(),
  datacenter: csv.optional(),
  status: z.string().trim().min(1).transform((v) => v.split(',')).pipe(z.array(nodeReadinessSchema)).optional(),
  role: z.enum(['edge', 'cloud']).optional(),
  arch: csv.optional(),
  /** Nodes running at least one pod of these namespaces. */
  namespace: csv.optional(),
  cordoned: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Free text over name, IP, datacenter, labels. */
  q: z.string().trim().max(200).optional(),
  sort: z.enum(nodeSortKeys).default('name'),
});
export type NodeListQuery = z.infer<typeof nodeListQuerySchema>;

export const podListQuerySchema = pagingQuerySchema.extend({
  hub: csv.optional(),
  region: csv.optional(),
  datacenter: csv.optional(),
  namespace: csv.optional(),
  node: csv.optional(),
  status: csv.optional(),
  tenant: csv.optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(podSortKeys).default('name'),
});
export type PodListQuery = z.infer<typeof podListQuerySchema>;

export const workloadListQuerySchema = pagingQuerySchema.extend({
  hub: csv.optional(),
  region: csv.optional(),
  namespace: csv.optional(),
  kind: z.enum(['Deployment', 'DaemonSet']).optional(),
  tenant: csv.optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(workloadSortKeys).default('name'),
});
export type WorkloadListQuery = z.infer<typeof workloadListQuerySchema>;

export const datacenterListQuerySchema = z.object({
  hub: csv.optional(),
  region: csv.optional(),
  health: z.string().trim().min(1).transform((v) => v.split(',')).pipe(z.array(datacenterHealthSchema)).optional(),
  q: z.string().trim().max(200).optional(),
});
export type DatacenterListQuery = z.infer<typeof datacenterListQuerySchema>;

export const datacenterListResponseSchema = z.object({ items: z.array(datacenterDtoSchema), hubs: z.array(hubListStatusSchema) });
export type DatacenterListResponse = z.infer<typeof datacenterListResponseSchema>;

/** Kubernetes object names: DNS-1123 subdomain (nodes, pods) or label (namespaces). */
export const k8sNameSchema = z.string().min(1).max(253).regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a valid Kubernetes name');
export const hubNameSchema = z.string().min(1).max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a valid hub name');

export const scaleBodySchema = z.object({ replicas: z.number().int().min(0).max(1000) });
export type ScaleBody = z.infer<typeof scaleBodySchema>;

/** Response of a mutation: accepted by the hub; the change arrives through the watch. */
export const mutationResultSchema = z.object({
  accepted: z.literal(true),
  hub: z.string(),
  target: z.object({ kind: z.string(), namespace: z.string().optional(), name: z.string() }),
  message: z.string(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

// ---------------------------------------------------------------------------------------------
// Live stream (GET /api/v1/stream, Server-Sent Events)
// ---------------------------------------------------------------------------------------------

/** One SSE `data:` payload. Clients use them to invalidate or patch cached queries. */
export const fleetStreamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), at: z.string() }),
  z.object({ type: z.literal('hub'), hub: hubListStatusSchema }),
  z.object({ type: z.literal('node'), op: z.enum(['upsert', 'delete']), hub: z.string(), name: z.string(), node: nodeListItemSchema.nullable() }),
  z.object({ type: z.literal('pod'), op: z.enum(['upsert', 'delete']), hub: z.string(), namespace: z.string(), name: z.string(), pod: podListItemSchema.nullable() }),
  z.object({ type: z.literal('workload'), hub: z.string(), namespace: z.string(), name: z.string() }),
  /** Coalesced: something in the summary changed; refetch it (sent at most every ~500 ms). */
  z.object({ type: z.literal('summary'), at: z.string() }),
]);
export type FleetStreamEvent = z.infer<typeof fleetStreamEventSchema>;

/** GET /api/v1/stream query (all optional): narrow the stream to some hubs and event types. */
export const fleetStreamEventTypes = ['hub', 'node', 'pod', 'workload', 'summary'] as const;
export const fleetStreamQuerySchema = z.object({
  hub: csv.optional(),
  /** Event types wanted (default all); `hello` is always sent. E.g. `hub,node,summary` skips pod churn. */
  types: z.string().trim().min(1).transform((v) => v.split(',')).pipe(z.array(z.enum(fleetStreamEventTypes))).optional(),
});
export type FleetStreamQuery = z.infer<typeof fleetStreamQuerySchema>;
