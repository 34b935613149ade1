import type { KubeObject } from '../world/types';
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

function nodeRow(n: KubeObject): unknown[] {
  const ready = (n.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
  let status = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : ready.status === 'False' ? 'NotReady' : 'Unknown';
  if (n.spec?.unschedulable) status += ',SchedulingDisabled';
  const roles = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter((r) => r !== '')
    .sort();
  const addr = (type: string): string => (n.status?.addresses ?? []).find((a: { type: string }) => a.type === type)?.address ?? '<none>';
  const info = n.status?.nodeInfo ?? {};
  return [n.metadata.name, status, roles.length ? roles.join(',') : '<none>', age(n), info.kubeletVersion ?? '', addr('InternalIP'), addr('ExternalIP'), info.osImage ?? '', info.kernelVersion ?? '', info.containerRuntimeVersion ?? ''];
}

/** kubectl's pod STATUS column logic (printPod). */
export function podStatusReason(p: KubeObject): string {
  let reason: string = p.status?.reason ?? p.status?.phase ?? 'Unknown';
  for (const s of p.status?.containerStatuses ?? []) {
    if (s.state?.waiting?.reason) reason = s.state.waiting.reason;
    else if (s.state?.terminated?.reason) reason = s.state.terminated.reason;
  }
  if (p.metadata.deletionTimestamp) reason = p.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

function podRow(p: KubeObject): unknown[] {
  const statuses = p.status?.containerStatuses ?? [];
  const total = p.spec?.containers?.length ?? 0;
  const ready = statuses.filter((s: { ready: boolean }) => s.ready).length;
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

const images = (spec: KubeObject['spec']): string => (spec?.template?.spec?.containers ?? []).map((c: { image: string }) => c.image).join(',');
const containerNames = (spec: KubeObject['spec']): string => (spec?.template?.spec?.containers ?? []).map((c: { name: string }) => c.name).join(',');
const selectorText = (sel: { matchLabels?: Record<string, string> } | undefined): string =>
  Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>';

interface Printer {
  columns: Column[];
  row(obj: KubeObject): unknown[];
}

const PRINTERS: Record<string, Printer> = {
  nodes: {
    columns: [nameCol, col('Status'), col('Roles'), ageCol, col('Version'), col('Internal-IP', 'string', 1), col('External-IP', 'string', 1), col('OS-Image', 'string', 1), col('Kernel-Version', 'string', 1), col('Container-Runtime', 'string', 1)],
    row: nodeRow,
  },
  pods: {
    columns: [nameCol, col('Ready'), col('Status'), col('Restarts'), ageCol, col('IP', 'string', 1), col('Node', 'string', 1), col('Nominated Node', 'string', 1), col('Readiness Gates', 'string', 1)],
    row: podRow,
  },
  namespaces: { columns: [nameCol, col('Status'), ageCol], row: (o) => [o.metadata.name, o.status?.phase ?? 'Active', age(o)] },
  'apps/deployments': {
    columns: [nameCol, col('Ready'), col('Up-to-date', 'integer'), col('Available', 'integer'), ageCol, col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)],
    row: (o) => [o.metadata.name, `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, o.status?.updatedReplicas ?? 0, o.status?.availableReplicas ?? 0, age(o), containerNames(o.spec), images(o.spec), selectorText(o.spec?.selector)],
  },
  'apps/replicasets': {
    columns: [nameCol, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), ageCol, col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)],
    row: (o) => [o.metadata.name, o.spec?.replicas ?? 0, o.status?.replicas ?? 0, o.status?.readyReplicas ?? 0, age(o), containerNames(o.spec), images(o.spec), selectorText(o.spec?.selector)],
  },
  'apps/daemonsets': {
    columns: [nameCol, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), col('Up-to-date', 'integer'), col('Available', 'integer'), col('Node Selector'), ageCol, col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)],
    row: (o) => [o.metadata.name, o.status?.desiredNumberScheduled ?? 0, o.status?.currentNumberScheduled ?? 0, o.status?.numberReady ?? 0, o.status?.updatedNumberScheduled ?? 0, o.status?.numberAvailable ?? 0, Object.entries(o.spec?.template?.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>', age(o), containerNames(o.spec), images(o.spec), selectorText(o.spec?.selector)],
  },
  events: {
    columns: [col('Last Seen'), col('Type'), col('Reason'), col('Object'), col('Message')],
    row: (o) => {
      const io = o.involvedObject as { kind: string; name: string };
      return [humanDuration(Date.now() - Date.parse(String(o.lastTimestamp ?? o.metadata.creationTimestamp))), o.type, o.reason, `${io.kind.toLowerCase()}/${io.name}`, o.message];
    },
  },
  'coordination.k8s.io/leases': { columns: [nameCol, col('Holder'), ageCol], row: (o) => [o.metadata.name, o.spec?.holderIdentity ?? '', age(o)] },
  configmaps: { columns: [nameCol, col('Data', 'integer'), ageCol], row: (o) => [o.metadata.name, Object.keys((o.data as object) ?? {}).length, age(o)] },
  serviceaccounts: { columns: [nameCol, col('Secrets', 'integer'), ageCol], row: (o) => [o.metadata.name, 0, age(o)] },
  services: {
    columns: [nameCol, col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), ageCol, col('Selector', 'string', 1)],
    row: (o) => [o.metadata.name, o.spec?.type ?? 'ClusterIP', o.spec?.clusterIP ?? '', '<none>', (o.spec?.ports ?? []).map((p: { port: number; protocol: string }) => `${p.port}/${p.protocol}`).join(','), age(o), Object.entries(o.spec?.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'],
  },
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
