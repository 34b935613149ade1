import type { IDaemonSetSpec, IDaemonSetStatus, IDeploymentSpec, IDeploymentStatus, IReplicaSetSpec, IReplicaSetStatus } from 'kubernetes-models/apps/v1';
import type { ILeaseSpec } from 'kubernetes-models/coordination.k8s.io/v1';
import type { INamespaceSpec, INamespaceStatus, INodeSpec, INodeStatus, IObjectReference, IPodCondition, IPodSpec, IPodStatus, IServiceSpec } from 'kubernetes-models/v1';

/** Kubernetes object metadata. The simulator serves real API JSON, so objects stay plain records. */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  generateName?: string;
  [key: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/**
 * Any stored object. Its spec and status are opaque until the resource says what kind it is: read
 * objects through `Store.getObject('pods', …)` and friends, which return the kind's typed shape.
 */
export interface KubeObject<Spec = unknown, Status = unknown> {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: Spec;
  status?: Status;
  [key: string]: unknown;
}

/** An object of a kind the simulator always builds with both spec and status. */
export interface TypedObject<Spec, Status> extends KubeObject<Spec, Status> {
  spec: Spec;
  status: Status;
}

/** A pod condition as the apiserver serializes it: a never-probed condition says `lastProbeTime: null`. */
export type PodCondition = Omit<IPodCondition, 'lastProbeTime'> & { lastProbeTime?: string | null };
export type PodStatus = Omit<IPodStatus, 'conditions'> & { conditions?: PodCondition[] };

/** A workload's pod template; the simulator always gives it metadata and a spec. */
export interface PodTemplate {
  metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
  spec: IPodSpec;
}

export type PodObject = TypedObject<IPodSpec, PodStatus>;
export type NodeObject = TypedObject<INodeSpec, INodeStatus>;
export type ReplicaSetObject = TypedObject<Omit<IReplicaSetSpec, 'template'> & { template: PodTemplate }, IReplicaSetStatus>;
export type DeploymentObject = TypedObject<Omit<IDeploymentSpec, 'template'> & { template: PodTemplate }, IDeploymentStatus>;
export type DaemonSetObject = TypedObject<Omit<IDaemonSetSpec, 'template'> & { template: PodTemplate }, IDaemonSetStatus>;
export type LeaseObject = TypedObject<ILeaseSpec, undefined>;
export type ServiceObject = TypedObject<IServiceSpec, unknown>;
export type NamespaceObject = KubeObject<INamespaceSpec, INamespaceStatus>;

/** A core/v1 Event as the simulator writes it (events have no spec or status). */
export interface EventObject extends KubeObject<undefined, undefined> {
  involvedObject: IObjectReference;
  reason: string;
  message: string;
  source: { component: string; host?: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  type: 'Normal' | 'Warning';
  eventTime: null;
  reportingComponent: string;
  /** The node, for kubelet events. */
  reportingInstance?: string;
}

/** A KubeEdge Device (devices.kubeedge.io/v1beta1): only what the simulator reads and writes. */
export type DeviceObject = TypedObject<{ nodeName?: string; [key: string]: unknown }, { state?: string; lastOnlineTime?: string; [key: string]: unknown } | undefined>;

/** A KubeEdge NodeGroup (apps.kubeedge.io/v1alpha1). */
export type NodeGroupObject = TypedObject<{ [key: string]: unknown }, { nodeStatuses?: Array<{ nodeName: string; readyStatus: string; selectionStatus: string }> } | undefined>;

/** The shape of the objects each store resource holds; resources not listed hold plain `KubeObject`s. */
export interface ResourceObjects {
  pods: PodObject;
  nodes: NodeObject;
  events: EventObject;
  services: ServiceObject;
  namespaces: NamespaceObject;
  'apps/replicasets': ReplicaSetObject;
  'apps/deployments': DeploymentObject;
  'apps/daemonsets': DaemonSetObject;
  'coordination.k8s.io/leases': LeaseObject;
  'devices.kubeedge.io/devices': DeviceObject;
  'apps.kubeedge.io/nodegroups': NodeGroupObject;
}

export type ObjectOf<R extends string> = R extends keyof ResourceObjects ? ResourceObjects[R] : KubeObject;
