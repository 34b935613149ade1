import type { Hub } from '../world/hub';
import type { HubServer } from '../api/hub-server';
import type { GroundTruth, HubNodeTruth, HubTruth, NodeCounts, PodTruth } from './types';

function readyStatus(node: { status?: { conditions?: Array<{ type: string; status: string }> } }): string {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'Unknown';
}

function emptyNodes(): HubNodeTruth {
  return { total: 0, edge: 0, cloud: 0, ready: 0, notReady: 0, unknown: 0, cordoned: 0 };
}

function emptyPods(): PodTruth {
  return { total: 0, running: 0, pending: 0, failed: 0, succeeded: 0, crashLooping: 0 };
}

function count(counts: NodeCounts, status: string): void {
  counts.total++;
  if (status === 'True') counts.ready++;
  else if (status === 'False') counts.notReady++;
  else counts.unknown++;
}

export function hubTruth(hub: Hub, server: HubServer): HubTruth {
  const nodes = emptyNodes();
  const dcCounts = new Map<string, NodeCounts>();
  for (const dc of hub.model.datacenters) dcCounts.set(dc.id, { total: 0, ready: 0, notReady: 0, unknown: 0 });
  for (const e of hub.store.values('nodes')) {
    const n = e.obj;
    const status = readyStatus(n);
    count(nodes, status);
    const edge = n.metadata.labels?.['node-role.kubernetes.io/edge'] === '';
    if (edge) nodes.edge++;
    else nodes.cloud++;
    if (n.spec?.unschedulable) nodes.cordoned++;
    const zone = n.metadata.labels?.['topology.kubernetes.io/zone'];
    const dc = zone ? dcCounts.get(zone) : undefined;
    if (dc) count(dc, status);
  }
  const pods = emptyPods();
  for (const e of hub.store.values('pods')) {
    const p = e.obj;
    pods.total++;
    const phase = p.status?.phase;
    if (phase === 'Running') pods.running++;
    else if (phase === 'Pending') pods.pending++;
    else if (phase === 'Failed') pods.failed++;
    else if (phase === 'Succeeded') pods.succeeded++;
    if ((p.status?.containerStatuses ?? []).some((c: { state?: { waiting?: { reason?: string } } }) => c.state?.waiting?.reason === 'CrashLoopBackOff')) pods.crashLooping++;
  }
  const namespaces = [...hub.store.values('namespaces')].map((e) => e.obj.metadata.name).sort();
  return {
    name: hub.name,
    region: hub.region,
    up: server.down === null,
    mode: server.down ?? 'up',
    datacenters: hub.model.datacenters.map((dc) => ({ id: dc.id, displayName: dc.displayName, city: dc.city, nodes: dcCounts.get(dc.id)! })),
    nodes,
    pods,
    namespaces,
    deployments: hub.store.count('apps/deployments'),
    daemonSets: hub.store.count('apps/daemonsets'),
  };
}

export function groundTruth(pairs: Array<{ hub: Hub; server: HubServer }>): GroundTruth {
  const hubs = pairs.map((p) => hubTruth(p.hub, p.server));
  const nodes = emptyNodes();
  const pods = emptyPods();
  for (const h of hubs) {
    for (const k of Object.keys(nodes) as Array<keyof HubNodeTruth>) nodes[k] += h.nodes[k];
    for (const k of Object.keys(pods) as Array<keyof PodTruth>) pods[k] += h.pods[k];
  }
  return {
    at: new Date().toISOString(),
    hubs,
    totals: {
      hubs: hubs.length,
      hubsUp: hubs.filter((h) => h.up).length,
      datacenters: hubs.reduce((n, h) => n + h.datacenters.length, 0),
      nodes,
      pods,
      namespaces: hubs.reduce((n, h) => n + h.namespaces.length, 0),
      deployments: hubs.reduce((n, h) => n + h.deployments, 0),
      daemonSets: hubs.reduce((n, h) => n + h.daemonSets, 0),
    },
  };
}
