/**
 * Tenants' numbers are their own: as Alice (tenant-admin of acme, namespaces acme-* on every hub),
 * every per-node and per-datacenter pod count — node list, sort by pods, datacenter list and detail,
 * node detail, pod detail's node card — equals the number of acme pods there, computed independently
 * from the admin's unfiltered pod list. A count that includes other tenants' pods fails.
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';

import * as datacenterRoute from '@/app/api/v1/datacenters/[id]/route';
import * as datacentersRoute from '@/app/api/v1/datacenters/route';
import * as summaryRoute from '@/app/api/v1/fleet/summary/route';
import * as nodeRoute from '@/app/api/v1/hubs/[hub]/nodes/[name]/route';
import * as podRoute from '@/app/api/v1/hubs/[hub]/namespaces/[namespace]/pods/[name]/route';
import * as nodesRoute from '@/app/api/v1/nodes/route';
import * as podsRoute from '@/app/api/v1/pods/route';
import type { DatacenterDto, FleetSummary, NodeDetail, NodeListItem, PagedResponse, PodDetail, PodListItem } from '@/lib/contracts/fleet';

import { startRbacFixture, type AccountName, type RbacFixture } from './support';

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

let fx: RbacFixture;

async function get<T>(handler: Handler, account: AccountName, url: string, params: Record<string, string> = {}): Promise<T> {
  const req = new NextRequest(new URL(url, 'http://localhost:3000'), { headers: { authorization: `Bearer ${fx.tokens[account]}` } });
  const response = await handler(req, { params: Promise.resolve(params) });
  expect(response.status, `${account} ${url}`).toBe(200);
  return (await response.json()) as T;
}

async function allPages<T>(handler: Handler, account: AccountName, base: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: PagedResponse<T> = await get(handler, account, `${base}${base.includes('?') ? '&' : '?'}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Ground truth from the admin's view: acme pods (namespaces acme-*) per hub/node and per datacenter. */
let acmePodsByNode: Map<string, number>;
let acmePodsByDatacenter: Map<string, number>;
let allPodsByNode: Map<string, number>;

beforeAll(async () => {
  fx = await startRbacFixture();
  const pods = await allPages<PodListItem>(podsRoute.GET as Handler, 'admin', '/api/v1/pods');
  acmePodsByNode = new Map();
  acmePodsByDatacenter = new Map();
  allPodsByNode = new Map();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const pod of pods) {
    if (!pod.node) continue;
    bump(allPodsByNode, `${pod.hub}/${pod.node}`);
    if (!pod.namespace.startsWith('acme-')) continue;
    bump(acmePodsByNode, `${pod.hub}/${pod.node}`);
    if (pod.datacenter) bump(acmePodsByDatacenter, pod.datacenter);
  }
}, 120_000);

afterAll(async () => {
  await fx?.stop();
});

describe('tenant numbers', () => {
  it('the fixture has shared nodes (acme pods next to other tenants’ pods), so the test can fail', () => {
    const shared = [...acmePodsByNode].filter(([key, acme]) => (allPodsByNode.get(key) ?? 0) > acme);
    expect(shared.length).toBeGreaterThan(0);
  });

  it('node list: every node’s pods is Alice’s own pod count; sorting by pods uses that count', async () => {
    const nodes = await allPages<NodeListItem>(nodesRoute.GET as Handler, 'alice', '/api/v1/nodes?sort=pods&order=desc');
    expect(nodes.length).toBe(acmePodsByNode.size);
    for (const node of nodes) expect(node.pods, `${node.hub}/${node.name}`).toBe(acmePodsByNode.get(`${node.hub}/${node.name}`) ?? 0);
    const counts = nodes.map((node) => node.pods);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // The admin still gets the hub-wide count from the incremental aggregate.
    const adminNodes = await allPages<NodeListItem>(nodesRoute.GET as Handler, 'admin', '/api/v1/nodes');
    for (const node of adminNodes) expect(node.pods).toBe(allPodsByNode.get(`${node.hub}/${node.name}`) ?? 0);
  });

  it('datacenters: list and detail count Alice’s pods only, and detail’s node rows too', async () => {
    const { items } = await get<{ items: DatacenterDto[] }>(datacentersRoute.GET as Handler, 'alice', '/api/v1/datacenters');
    expect(items.length).toBeGreaterThan(0);
    for (const dc of items) {
      expect(dc.pods.total, dc.id).toBe(acmePodsByDatacenter.get(dc.id) ?? 0);
      const detail = await get<DatacenterDto & { nodeList: NodeListItem[] }>(datacenterRoute.GET as Handler, 'alice', `/api/v1/datacenters/${encodeURIComponent(dc.id)}`, { id: dc.id });
      expect(detail.pods.total).toBe(dc.pods.total);
      for (const node of detail.nodeList) expect(node.pods, `${dc.id} ${node.name}`).toBe(acmePodsByNode.get(`${node.hub}/${node.name}`) ?? 0);
      expect(detail.nodeList.reduce((sum, node) => sum + node.pods, 0)).toBe(dc.pods.total);
    }
  });

  it('node detail and pod detail’s node card show Alice’s own pods', async () => {
    const shared = [...acmePodsByNode].filter(([key, acme]) => (allPodsByNode.get(key) ?? 0) > acme).slice(0, 3);
    for (const [key, acme] of shared) {
      const [hub, name] = key.split('/') as [string, string];
      const detail = await get<NodeDetail>(nodeRoute.GET as Handler, 'alice', `/api/v1/hubs/${hub}/nodes/${name}`, { hub, name });
      expect(detail.pods).toBe(acme);
      expect(detail.podList.length).toBe(acme);
      expect(detail.podList.every((pod) => pod.namespace.startsWith('acme-'))).toBe(true);
      const pod = detail.podList[0]!;
      const podDetail = await get<PodDetail>(podRoute.GET as Handler, 'alice', `/api/v1/hubs/${hub}/namespaces/${pod.namespace}/pods/${pod.name}`, { hub, namespace: pod.namespace, name: pod.name });
      expect(podDetail.nodeInfo?.pods).toBe(acme);
    }
  });

  it('CPU and memory: Alice sees her own pods’ usage (PodMetrics of acme-*), not the shared nodes’ usage', async () => {
    // Ground truth straight from the simulator's metrics.k8s.io, with client-node (not our transport).
    const truth = { cpuCores: 0, memoryBytes: 0 };
    const probe = new KubeConfig();
    probe.loadFromFile(fx.fleet.simulator.kubeconfigPath);
    for (const context of probe.getContexts()) {
      const kc = new KubeConfig();
      kc.loadFromFile(fx.fleet.simulator.kubeconfigPath);
      kc.setCurrentContext(context.name);
      const list = (await kc.makeApiClient(CustomObjectsApi).listClusterCustomObject({ group: 'metrics.k8s.io', version: 'v1beta1', plural: 'pods' })) as {
        items: Array<{ metadata: { namespace: string }; containers: Array<{ usage: { cpu: string; memory: string } }> }>;
      };
      for (const item of list.items) {
        if (!item.metadata.namespace.startsWith('acme-')) continue;
        for (const container of item.containers) {
          truth.cpuCores += Number(container.usage.cpu.replace(/n$/, '')) / 1e9;
          truth.memoryBytes += Number(container.usage.memory.replace(/Ki$/, '')) * 1024;
        }
      }
    }
    expect(truth.cpuCores).toBeGreaterThan(0);
    // Nobody asked for tenant usage yet (the tests above are lists and details): no PodMetrics polled.
    expect(fx.fleet.manager.list().every((hub) => hub.store.namespaceUsage === null)).toBe(true);
    // Alice's first summary asks for pod usage; the poll it starts answers within moments.
    let alice: FleetSummary | null = null;
    for (let i = 0; i < 50 && !alice?.usage; i++) {
      alice = await get<FleetSummary>(summaryRoute.GET as Handler, 'alice', '/api/v1/fleet/summary');
      if (!alice.usage) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const usage = alice?.usage;
    expect(usage, 'tenant usage after the first metrics poll').toBeTruthy();
    // The simulator's usage moves with time (±50% CPU and ±10% memory per pod, averaged over many pods).
    expect(usage!.cpuCores).toBeGreaterThan(truth.cpuCores * 0.7);
    expect(usage!.cpuCores).toBeLessThan(truth.cpuCores * 1.3);
    expect(usage!.memoryBytes).toBeGreaterThan(truth.memoryBytes * 0.85);
    expect(usage!.memoryBytes).toBeLessThan(truth.memoryBytes * 1.15);
    // The admin's usage is the nodes' (everyone's pods plus system load): far more than Alice's.
    const admin = await get<FleetSummary>(summaryRoute.GET as Handler, 'admin', '/api/v1/fleet/summary');
    expect(admin.usage!.cpuCores).toBeGreaterThan(usage!.cpuCores * 1.5);
  });
});
