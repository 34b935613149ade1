/**
 * The resources each simulated hub serves, with what discovery advertises about them and which fields a
 * fieldSelector may use (mirroring the apiserver's per-kind field label conversion funcs).
 */
export interface ResourceDef {
  /** Store id: plural for core, group/plural otherwise. */
  id: string;
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  /** Extra field selector keys beyond metadata.name / metadata.namespace. */
  fields?: string[];
  /** Computed on request (metrics) rather than kept in the store. */
  virtual?: boolean;
  subresources?: Array<{ name: string; kind: string; verbs: string[]; group?: string; version?: string }>;
}

const readWrite = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const RESOURCES: ResourceDef[] = [
  { id: 'namespaces', group: '', version: 'v1', plural: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['ns'], fields: ['status.phase'], subresources: [{ name: 'status', kind: 'Namespace', verbs: ['get', 'patch', 'update'] }] },
  { id: 'nodes', group: '', version: 'v1', plural: 'nodes', singular: 'node', kind: 'Node', namespaced: false, verbs: readWrite, shortNames: ['no'], fields: ['spec.unschedulable'], subresources: [{ name: 'status', kind: 'Node', verbs: ['get', 'patch', 'update'] }, { name: 'proxy', kind: 'NodeProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] }] },
  { id: 'pods', group: '', version: 'v1', plural: 'pods', singular: 'pod', kind: 'Pod', namespaced: true, verbs: readWrite, shortNames: ['po'], categories: ['all'], fields: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'], subresources: [{ name: 'log', kind: 'Pod', verbs: ['get'] }, { name: 'status', kind: 'Pod', verbs: ['get', 'patch', 'update'] }, { name: 'eviction', kind: 'Eviction', verbs: ['create'], group: 'policy', version: 'v1' }] },
  { id: 'events', group: '', version: 'v1', plural: 'events', singular: 'event', kind: 'Event', namespaced: true, verbs: readWrite, shortNames: ['ev'], fields: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'] },
  { id: 'configmaps', group: '', version: 'v1', plural: 'configmaps', singular: 'configmap', kind: 'ConfigMap', namespaced: true, verbs: readWrite, shortNames: ['cm'] },
  { id: 'services', group: '', version: 'v1', plural: 'services', singular: 'service', kind: 'Service', namespaced: true, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['svc'], categories: ['all'] },
  { id: 'serviceaccounts', group: '', version: 'v1', plural: 'serviceaccounts', singular: 'serviceaccount', kind: 'ServiceAccount', namespaced: true, verbs: readWrite, shortNames: ['sa'] },
  { id: 'apps/deployments', group: 'apps', version: 'v1', plural: 'deployments', singular: 'deployment', kind: 'Deployment', namespaced: true, verbs: readWrite, shortNames: ['deploy'], categories: ['all'], subresources: [{ name: 'scale', kind: 'Scale', verbs: ['get', 'patch', 'update'], group: 'autoscaling', version: 'v1' }, { name: 'status', kind: 'Deployment', verbs: ['get', 'patch', 'update'] }] },
  { id: 'apps/replicasets', group: 'apps', version: 'v1', plural: 'replicasets', singular: 'replicaset', kind: 'ReplicaSet', namespaced: true, verbs: readWrite, shortNames: ['rs'], categories: ['all'], subresources: [{ name: 'scale', kind: 'Scale', verbs: ['get', 'patch', 'update'], group: 'autoscaling', version: 'v1' }, { name: 'status', kind: 'ReplicaSet', verbs: ['get', 'patch', 'update'] }] },
  { id: 'apps/daemonsets', group: 'apps', version: 'v1', plural: 'daemonsets', singular: 'daemonset', kind: 'DaemonSet', namespaced: true, verbs: readWrite, shortNames: ['ds'], categories: ['all'], subresources: [{ name: 'status', kind: 'DaemonSet', verbs: ['get', 'patch', 'update'] }] },
  { id: 'coordination.k8s.io/leases', group: 'coordination.k8s.io', version: 'v1', plural: 'leases', singular: 'lease', kind: 'Lease', namespaced: true, verbs: readWrite },
  { id: 'apps.kubeedge.io/nodegroups', group: 'apps.kubeedge.io', version: 'v1alpha1', plural: 'nodegroups', singular: 'nodegroup', kind: 'NodeGroup', namespaced: false, verbs: readWrite, shortNames: ['ng'], subresources: [{ name: 'status', kind: 'NodeGroup', verbs: ['get', 'patch', 'update'] }] },
  { id: 'devices.kubeedge.io/devices', group: 'devices.kubeedge.io', version: 'v1beta1', plural: 'devices', singular: 'device', kind: 'Device', namespaced: true, verbs: readWrite, subresources: [{ name: 'status', kind: 'Device', verbs: ['get', 'patch', 'update'] }] },
  { id: 'devices.kubeedge.io/devicemodels', group: 'devices.kubeedge.io', version: 'v1beta1', plural: 'devicemodels', singular: 'devicemodel', kind: 'DeviceModel', namespaced: true, verbs: readWrite },
  { id: 'metrics.k8s.io/nodes', group: 'metrics.k8s.io', version: 'v1beta1', plural: 'nodes', singular: '', kind: 'NodeMetrics', namespaced: false, verbs: ['get', 'list'], virtual: true },
  { id: 'metrics.k8s.io/pods', group: 'metrics.k8s.io', version: 'v1beta1', plural: 'pods', singular: '', kind: 'PodMetrics', namespaced: true, verbs: ['get', 'list'], virtual: true },
  { id: 'authorization.k8s.io/selfsubjectaccessreviews', group: 'authorization.k8s.io', version: 'v1', plural: 'selfsubjectaccessreviews', singular: 'selfsubjectaccessreview', kind: 'SelfSubjectAccessReview', namespaced: false, verbs: ['create'], virtual: true },
];

export const STORED_RESOURCES = RESOURCES.filter((r) => !r.virtual);

const byPath = new Map<string, ResourceDef>();
for (const r of RESOURCES) byPath.set(`${r.group}/${r.version}/${r.plural}`, r);

export function findResource(group: string, version: string, plural: string): ResourceDef | undefined {
  return byPath.get(`${group}/${version}/${plural}`);
}

export function resourceById(id: string): ResourceDef {
  const r = RESOURCES.find((x) => x.id === id);
  if (!r) throw new Error(`unknown resource ${id}`);
  return r;
}

export function groupVersions(): Array<{ group: string; version: string }> {
  const seen = new Map<string, { group: string; version: string }>();
  for (const r of RESOURCES) seen.set(`${r.group}/${r.version}`, { group: r.group, version: r.version });
  return [...seen.values()];
}

export function apiVersionOf(r: ResourceDef): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}
