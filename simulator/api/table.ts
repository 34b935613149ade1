import type { DaemonSetObject, DeploymentObject, KubeObject, NodeObject, ObjectOf, PodObject, ReplicaSetObject } from '../world/types';
import type { ResourceDef } from './resources';

/** Server-side printing (meta.k8s.io/v1 Table), which kubectl asks for with `as=Table`. */

interface Column {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

const col = (name: string, type = 'string', priority = 0, format = '', description = ''): Column => ({ name, type, format, description: description || name, priority });
const nameCol = col('Name', 'string', 0, 'name', 'Name must be unique within a namespace.');
const ageCol = col('Age', 'string', 0, '', 'CreationTimestamp is a timestamp representing the server time when this object was created.');

/** apimachinery duration.HumanDuration */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) return `${Math.floor(hours / 24 / 365)}y${Math.floor(hours / 24) % 365}d`;
  return `${Math.floor(hours / 24 / 365)}y`;
}

const age = (obj: KubeObject): string => (obj.metadata.creationTimestamp ? humanDuration(Date.now() - Date.parse(obj.metadata.creationTimestamp)) : '<unknown>');

function nodeRow(n: NodeObject): unknown[] {
  const ready = (n.status?.conditions ?? []).find((c) => c.type === 'Ready');
  let status = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : ready.status === 'False' ? 'NotReady' : 'Unknown';
  if (n.spec?.unschedulable) status += ',SchedulingDisabled';
  const roles = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter((r) => r !== '')
    .sort();
  const addr = (type: string): string => (n.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
  const info: Partial<NonNullable<NodeObject['status']['nodeInfo']>> = n.status?.nodeInfo ?? {};
  return [n.metadata.name, status, roles.length ? roles.join(',') : '<none>', age(n), info.kubeletVersion ?? '', addr('InternalIP'), addr('ExternalIP'), info.osImage ?? '', info.kernelVersion ?? '', info.containerRuntimeVersion ?? ''];
}

/** kubectl's pod STATUS column logic (printPod). */
export function podStatusReason(p: PodObject): string {
  let reason: string = p.status?.reason ?? p.status?.phase ?? 'Unknown';
  for (const s of p.status?.containerStatuses ?? []) {
    if (s.state?.waiting?.reason) reason = s.state.waiting.reason;
    else if (s.state?.terminated?.reason) reason = s.state.terminated.reason;
  }
  if (p.metadata.deletionTimestamp) reason = p.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

function podRow(p: PodObject): unknown[] {
  const statuses = p.status?.containerStatuses ?? [];
  const total = p.spec?.containers?.length ?? 0;
  const ready = statuses.filter((s) => s.ready).length;
  let restarts = 0;
  let lastRestart = 0;
  for (const s of statuses) {
    restarts += s.restartCount ?? 0;
    const fin = s.lastState?.terminated?.finishedAt;
    if (fin) lastRestart = Math.max(lastRestart, Date.parse(fin));
  }
  const restartCell = restarts > 0 && lastRestart > 0 ? `${restarts} (${humanDuration(Date.now() - lastRestart)} ago)` : String(restarts);
  return [p.metadata.name, `${ready}/${total}`, podStatusReason(p), restartCell, age(p), p.status?.podIP ?? '<none>', p.spec?.nodeName ?? '<none>', '<none>', '<none>'];
}

type WorkloadSpec = (DeploymentObject | ReplicaSetObject | DaemonSetObject)['spec'] | undefined;
const images = (spec: WorkloadSpec): string => (spec?.template?.spec?.containers ?? []).map((c) => c.image).join(',');
const containerNames = (spec: WorkloadSpec): string => (spec?.template?.spec?.containers ?? []).map((c) => c.name).join(',');
const selectorText = (sel: { matchLabels?: Record<string, string> } | undefined): string =>
  Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>';

interface Printer {
  columns: Column[];
  row(obj: KubeObject): unknown[];
}

/**
 * The printer of one resource. Its objects have the kind's shape (`ResourceObjects`): the store keeps
 * one kind per resource, and printers are looked up by the resource the objects were read from.
 */
function printer<R extends string>(columns: Column[], row: (obj: ObjectOf<R>) => unknown[]): Printer {
  return { columns, row: (obj) => row(obj as ObjectOf<R>) };
}

const PRINTERS: Record<string, Printer> = {
  nodes: printer<'nodes'>(
    [nameCol, col('Status'), col('Roles'), ageCol, col('Version'), col('Internal-IP', 'string', 1), col('External-IP', 'string', 1), col('OS-Image', 'string', 1), col('Kernel-Version', 'string', 1), col('Container-Runtime', 'string', 1)],
    nodeRow,
  ),
  pods: printer<'pods'>(
    [nameCol, col('Ready'), col('Status'), col('Restarts'), ageCol, col('IP', 'string', 1), col('Node', 'string', 1), col('Nominated Node', 'string', 1), col('Readiness Gates', 'string', 1)],
    podRow,
  ),
  namespaces: printer<'namespaces'>([nameCol, col('Status'), ageCol], (o) => [o.metadata.name, o.status?.phase ?? 'Active', age(o)]),
  'apps/deployments': printer<'apps/deployments'>(
    [nameCol, col('Ready'), col('Up-to-date', 'integer'), col('Available', 'integer'), ageCol, col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)],
    (o) => [o.metadata.name, `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, o.status?.updatedReplicas ?? 0, o.status?.availableReplicas ?? 0, age(o), containerNames(o.spec), images(o.spec), selectorText(o.spec?.selector)],
  ),
  'apps/replicasets': printer<'apps/replicasets'>(
    [nameCol, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), ageCol, col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)],
    (o) => [o.metadata.name, o.spec?.replicas ?? 0, o.status?.replicas ?? 0, o.status?.readyReplicas ?? 0, age(o), containerNames(o.spec), images(o.spec), selectorText(o.spec?.selector)],
  ),
  'apps/daemonsets': printer<'apps/daemonsets'>(
    [nameCol, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), col('Up-to-date', 'integer'), col('Available', 'integer'), col('Node Selector'), ageCol, col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)],
    (o) => [o.metadata.name, o.status?.desiredNumberScheduled ?? 0, o.status?.currentNumberScheduled ?? 0, o.status?.numberReady ?? 0, o.status?.updatedNumberScheduled ?? 0, o.status?.numberAvailable ?? 0, Object.entries(o.spec?.template?.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>', age(o), containerNames(o.spec), images(o.spec), selectorText(o.spec?.selector)],
  ),
  events: printer<'events'>(
    [col('Last Seen'), col('Type'), col('Reason'), col('Object'), col('Message')],
    (o) => {
      const io = o.involvedObject as { kind: string; name: string };
      return [humanDuration(Date.now() - Date.parse(String(o.lastTimestamp ?? o.metadata.creationTimestamp))), o.type, o.reason, `${io.kind.toLowerCase()}/${io.name}`, o.message];
    },
  ),
  'coordination.k8s.io/leases': printer<'coordination.k8s.io/leases'>([nameCol, col('Holder'), ageCol], (o) => [o.metadata.name, o.spec?.holderIdentity ?? '', age(o)]),
  configmaps: { columns: [nameCol, col('Data', 'integer'), ageCol], row: (o) => [o.metadata.name, Object.keys((o.data as object) ?? {}).length, age(o)] },
  serviceaccounts: { columns: [nameCol, col('Secrets', 'integer'), ageCol], row: (o) => [o.metadata.name, 0, age(o)] },
  services: printer<'services'>(
    [nameCol, col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), ageCol, col('Selector', 'string', 1)],
    (o) => [o.metadata.name, o.spec?.type ?? 'ClusterIP', o.spec?.clusterIP ?? '', '<none>', (o.spec?.ports ?? []).map((p) => `${p.port}/${p.protocol}`).join(','), age(o), Object.entries(o.spec?.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'],
  ),
};

const DEFAULT_PRINTER: Printer = { columns: [nameCol, col('Created At', 'date', 0, '', 'CreationTimestamp is a timestamp representing the server time when this object was created.')], row: (o) => [o.metadata.name, o.metadata.creationTimestamp] };

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}

export function tableVersion(accept: string | undefined): string {
  return accept && /as=Table;v=v1;/.test(accept) ? 'v1' : accept && /as=Table;v=v1beta1/.test(accept) ? 'v1beta1' : 'v1';
}

function rowObject(obj: KubeObject, include: IncludeObject, version: string): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: obj.metadata };
}

export function tableRows(resource: ResourceDef, objects: KubeObject[], include: IncludeObject, version: string): unknown[] {
  const printer = PRINTERS[resource.id] ?? DEFAULT_PRINTER;
  return objects.map((o) => ({ cells: printer.row(o), object: rowObject(o, include, version) }));
}

export function toTable(resource: ResourceDef, objects: KubeObject[], meta: Record<string, unknown>, include: IncludeObject, version: string, withColumns = true): Record<string, unknown> {
  const printer = PRINTERS[resource.id] ?? DEFAULT_PRINTER;
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${version}`,
    metadata: meta,
    ...(withColumns ? { columnDefinitions: printer.columns } : { columnDefinitions: null }),
    rows: tableRows(resource, objects, include, version),
  };
}
