/**
 * The watch caches and the read/write API against a real simulator (3 small hubs, churn 0):
 * every summary count equals the simulator's ground truth, before and after changes; pages cover
 * every item exactly once; bad parameters are 400s naming the parameter; mutations round-trip
 * through the watch; the SSE stream delivers a node going offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import * as datacenterRoute from '@/app/api/v1/datacenters/[id]/route';
import * as datacentersRoute from '@/app/api/v1/datacenters/route';
import * as summaryRoute from '@/app/api/v1/fleet/summary/route';
import * as deploymentRestartRoute from '@/app/api/v1/hubs/[hub]/namespaces/[namespace]/deployments/[name]/restart/route';
import * as deploymentScaleRoute from '@/app/api/v1/hubs/[hub]/namespaces/[namespace]/deployments/[name]/scale/route';
import * as podRoute from '@/app/api/v1/hubs/[hub]/namespaces/[namespace]/pods/[name]/route';
import * as cordonRoute from '@/app/api/v1/hubs/[hub]/nodes/[name]/cordon/route';
import * as nodeRoute from '@/app/api/v1/hubs/[hub]/nodes/[name]/route';
import * as uncordonRoute from '@/app/api/v1/hubs/[hub]/nodes/[name]/uncordon/route';
import * as hubsRoute from '@/app/api/v1/hubs/route';
import * as nodesRoute from '@/app/api/v1/nodes/route';
import * as podsRoute from '@/app/api/v1/pods/route';
import * as streamRoute from '@/app/api/v1/stream/route';
import * as workloadsRoute from '@/app/api/v1/workloads/route';
import type { FleetStreamEvent, FleetSummary, NodeListItem, PagedResponse, PodListItem } from '@/lib/contracts/fleet';
import { nodeListQuerySchema, podListQuerySchema } from '@/lib/contracts/fleet';
import { listNodes } from '@/lib/server/query/node-service';
import { listPods } from '@/lib/server/query/pod-service';
import { ALL_FLEET } from '@/lib/server/query/scope';
import { getFleetSummary } from '@/lib/server/query/summary-service';
import type { GroundTruth } from '@/simulator';

import { callRoute, eventually, startFleetFixture, type FleetFixture } from './support';

let fleet: FleetFixture;

beforeAll(async () => {
  fleet = await startFleetFixture({ hubs: 3 });
}, 120_000);

afterAll(async () => {
  await fleet?.stop();
});

/** Every count the summary carries, compared with the simulator's truth. */
function expectSummaryMatchesTruth(summary: FleetSummary, truth: GroundTruth): void {
  const nodes = truth.totals.nodes;
  expect(summary.hubs.total).toBe(truth.totals.hubs);
  expect(summary.datacenters.total).toBe(truth.totals.datacenters);
  expect(summary.edgeNodes.total + summary.cloudNodes.total).toBe(nodes.total);
  expect(summary.edgeNodes.total).toBe(nodes.edge);
  expect(summary.cloudNodes.total).toBe(nodes.cloud);
  expect(summary.edgeNodes.ready + summary.cloudNodes.ready).toBe(nodes.ready);
  expect(summary.edgeNodes.notReady + summary.cloudNodes.notReady).toBe(nodes.notReady);
  expect(summary.edgeNodes.unknown + summary.cloudNodes.unknown).toBe(nodes.unknown);
  expect(summary.pods).toEqual(truth.totals.pods);
  for (const hubTruth of truth.hubs) {
    const perHub = summary.perHub.find((entry) => entry.hub === hubTruth.name);
    expect(perHub, hubTruth.name).toBeDefined();
    expect(perHub!.region).toBe(hubTruth.region);
    expect(perHub!.pods).toEqual(hubTruth.pods);
    expect(perHub!.edgeNodes.total + perHub!.cloudNodes.total).toBe(hubTruth.nodes.total);
    expect(perHub!.edgeNodes.total).toBe(hubTruth.nodes.edge);
    expect(perHub!.edgeNodes.ready + perHub!.cloudNodes.ready).toBe(hubTruth.nodes.ready);
    expect(perHub!.edgeNodes.notReady + perHub!.cloudNodes.notReady).toBe(hubTruth.nodes.notReady);
    expect(perHub!.edgeNodes.unknown + perHub!.cloudNodes.unknown).toBe(hubTruth.nodes.unknown);
    expect(perHub!.datacenters.total).toBe(hubTruth.datacenters.length);
  }
  const crashLoopProblems = summary.problems.filter((p) => p.kind === 'pod-crashloop').length;
  expect(crashLoopProblems).toBe(Math.min(truth.totals.pods.crashLooping, 50 - summary.problems.filter((p) => p.kind !== 'pod-crashloop').length));
}

/** Datacenters, cordoned nodes, namespaces, workloads: the counts beyond the summary. */
async function expectDetailsMatchTruth(truth: GroundTruth): Promise<void> {
  const datacenters = await (await callRoute(datacentersRoute.GET, '/api/v1/datacenters', { token: fleet.tokens.auditor })).json();
  for (const hubTruth of truth.hubs) {
    for (const dcTruth of hubTruth.datacenters) {
      const dc = datacenters.items.find((item: { id: string }) => item.id === `${hubTruth.name}:${dcTruth.id}`);
      expect(dc, dcTruth.id).toBeDefined();
      expect(dc.displayName).toBe(dcTruth.displayName);
      expect(dc.city).toBe(dcTruth.city);
      const { cordoned, ...nodeCounts } = dc.nodes;
      expect(nodeCounts).toEqual(dcTruth.nodes);
      expect(cordoned).toBeGreaterThanOrEqual(0);
    }
    const cordoned = listNodes(fleet.manager, ALL_FLEET, nodeListQuerySchema.parse({ hub: hubTruth.name, cordoned: 'true' }));
    expect(cordoned.total).toBe(hubTruth.nodes.cordoned);
  }
  const hubs = await (await callRoute(hubsRoute.GET, '/api/v1/hubs', { token: fleet.tokens.auditor })).json();
  for (const hubTruth of truth.hubs) {
    const hub = hubs.items.find((item: { hub: string }) => item.hub === hubTruth.name);
    expect(hub.counts.namespaces).toBe(hubTruth.namespaces.length);
    expect(hub.counts.nodes).toBe(hubTruth.nodes.total);
    expect(hub.counts.edgeNodes).toBe(hubTruth.nodes.edge);
    expect(hub.counts.pods).toBe(hubTruth.pods.total);
    expect(hub.counts.datacenters).toBe(hubTruth.datacenters.length);
    expect(hub.cloudcore.total).toBeGreaterThan(0);
  }
  const deployments = await (await callRoute(workloadsRoute.GET, '/api/v1/workloads?kind=Deployment&limit=1', { token: fleet.tokens.auditor })).json();
  expect(deployments.total).toBe(truth.totals.deployments);
  const daemonSets = await (await callRoute(workloadsRoute.GET, '/api/v1/workloads?kind=DaemonSet&limit=1', { token: fleet.tokens.auditor })).json();
  expect(daemonSets.total).toBe(truth.totals.daemonSets);
}

describe('fleet caches against the simulator', () => {
  it('summary (service and route) equals the ground truth after the initial sync', async () => {
    const truth = await fleet.truth();
    expectSummaryMatchesTruth(getFleetSummary(fleet.manager, ALL_FLEET), truth);
    const response = await callRoute(summaryRoute.GET, '/api/v1/fleet/summary', { token: fleet.tokens.auditor });
    expect(response.status).toBe(200);
    const summary = (await response.json()) as FleetSummary;
    expectSummaryMatchesTruth(summary, truth);
    expect(summary.hubStatus.every((hub) => hub.status === 'connected' && !hub.stale && hub.lastSyncAt !== null)).toBe(true);
    expect(summary.usage).not.toBeNull();
    await expectDetailsMatchTruth(truth);
  });

  it('converges on the truth after nodes go offline, pods crash and a node is cordoned', async () => {
    const before = await fleet.truth();
    const east = before.hubs.find((hub) => hub.name === 'cn-east')!;
    const eastNodes = listNodes(fleet.manager, ALL_FLEET, nodeListQuerySchema.parse({ hub: 'cn-east', role: 'edge', status: 'ready', limit: 3 })).items;
    expect(eastNodes).toHaveLength(3);
    const runningPods = listPods(fleet.manager, ALL_FLEET, podListQuerySchema.parse({ hub: 'cn-south', status: 'Running', limit: 2 })).items;
    expect(runningPods).toHaveLength(2);

    expect((await fleet.control(`/hubs/cn-east/nodes/${eastNodes[0].name}/offline`)).status).toBe(200);
    expect((await fleet.control(`/hubs/cn-east/nodes/${eastNodes[1].name}/offline`)).status).toBe(200);
    for (const pod of runningPods) expect((await fleet.control(`/hubs/cn-south/namespaces/${pod.namespace}/pods/${pod.name}/crash`)).status).toBe(200);
    const cordon = await callRoute(cordonRoute.POST, '/x', { token: fleet.tokens.admin, method: 'POST', params: { hub: 'cn-east', name: eastNodes[2].name } });
    expect(cordon.status).toBe(202);
    expect(await cordon.json()).toMatchObject({ accepted: true, hub: 'cn-east', target: { kind: 'Node', name: eastNodes[2].name } });

    await eventually(async () => {
      const truth = await fleet.truth();
      expect(truth.hubs.find((hub) => hub.name === 'cn-east')!.nodes.unknown).toBe(east.nodes.unknown + 2);
      expectSummaryMatchesTruth(getFleetSummary(fleet.manager, ALL_FLEET), truth);
      await expectDetailsMatchTruth(truth);
    });
    const offline = getFleetSummary(fleet.manager, ALL_FLEET).problems.filter((p) => p.kind === 'node-offline').map((p) => p.target.name);
    expect(offline).toEqual(expect.arrayContaining([eastNodes[0].name, eastNodes[1].name]));
    const node = (await (await callRoute(nodeRoute.GET, '/x', { token: fleet.tokens.auditor, params: { hub: 'cn-east', name: eastNodes[0].name } })).json());
    expect(node).toMatchObject({ status: 'unknown', statusReason: 'NodeStatusUnknown', statusMessage: 'Kubelet stopped posting node status.' });
    expect(node.taints.map((t: { key: string }) => t.key)).toContain('node.kubernetes.io/unreachable');
    expect(node.podList.every((pod: PodListItem) => pod.nodeOffline)).toBe(true);

    // Uncordon and bring the nodes back: the round trip ends where it started.
    const uncordon = await callRoute(uncordonRoute.POST, '/x', { token: fleet.tokens.admin, method: 'POST', params: { hub: 'cn-east', name: eastNodes[2].name } });
    expect(uncordon.status).toBe(202);
    for (const n of eastNodes.slice(0, 2)) await fleet.control(`/hubs/cn-east/nodes/${n.name}/online`);
    await eventually(async () => {
      const truth = await fleet.truth();
      expect(truth.hubs.find((hub) => hub.name === 'cn-east')!.nodes.cordoned).toBe(east.nodes.cordoned);
      expect(fleet.manager.get('cn-east')!.store.nodes.get(eastNodes[2].name)!.unschedulable).toBe(false);
      expectSummaryMatchesTruth(getFleetSummary(fleet.manager, ALL_FLEET), truth);
      await expectDetailsMatchTruth(truth);
    });
  });

  it('pages return every node and pod exactly once, in order', async () => {
    const collect = async <T>(url: string, key: (item: T) => string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let total = -1;
      for (let guard = 0; guard < 500; guard++) {
        const response = await callRoute(url.startsWith('/api/v1/nodes') ? nodesRoute.GET : podsRoute.GET, `${url}${cursor ? `&cursor=${cursor}` : ''}`, { token: fleet.tokens.auditor });
        expect(response.status).toBe(200);
        const page = (await response.json()) as PagedResponse<T>;
        total = page.total;
        seen.push(...page.items.map(key));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(total);
      return seen;
    };
    const truth = await fleet.truth();
    const nodes = await collect<NodeListItem>('/api/v1/nodes?sort=pods&order=desc&limit=17', (n) => `${n.hub}/${n.name}`);
    expect(nodes.length).toBe(truth.totals.nodes.total);
    const pods = await collect<PodListItem>('/api/v1/pods?sort=status&limit=250', (p) => `${p.hub}/${p.namespace}/${p.name}`);
    expect(pods.length).toBe(truth.totals.pods.total);
    const filtered = await collect<NodeListItem>('/api/v1/nodes?role=edge&sort=cpu&limit=9&hub=cn-north', (n) => n.name);
    expect(filtered.length).toBe(truth.hubs.find((h) => h.name === 'cn-north')!.nodes.edge);
    // Sorted: status (the kubectl STATUS string) ascending across all pages.
    const firstPage = (await (await callRoute(podsRoute.GET, '/api/v1/pods?sort=restarts&order=desc&limit=50', { token: fleet.tokens.auditor })).json()) as PagedResponse<PodListItem>;
    const restarts = firstPage.items.map((p) => p.restarts);
    expect([...restarts].sort((a, b) => b - a)).toEqual(restarts);
  });

  it.each([
    ['/api/v1/nodes?sort=bogus', 'sort'],
    ['/api/v1/nodes?limit=-1', 'limit'],
    ['/api/v1/nodes?limit=0', 'limit'],
    ['/api/v1/nodes?limit=100000', 'limit'],
    ['/api/v1/nodes?cursor=%%%not-a-cursor', 'cursor'],
    ['/api/v1/nodes?cursor=eyJub3QiOiJhIGN1cnNvciJ9', 'cursor'],
    ['/api/v1/nodes?hub=nowhere', 'hub'],
    ['/api/v1/nodes?status=sleepy', 'status'],
    ['/api/v1/pods?sort=cpu', 'sort'],
    ['/api/v1/pods?hub=cn-east,nowhere', 'hub'],
    ['/api/v1/pods?limit=abc', 'limit'],
    ['/api/v1/workloads?kind=Job', 'kind'],
  ])('GET %s → 400 naming %s', async (url, param) => {
    const handler = url.startsWith('/api/v1/nodes') ? nodesRoute.GET : url.startsWith('/api/v1/pods') ? podsRoute.GET : workloadsRoute.GET;
    const response = await callRoute(handler, url, { token: fleet.tokens.auditor });
    expect(response.status).toBe(400);
    const body = await response.json();
    // A bad list element is named with its index (`status.0`): still the parameter first.
    expect(body.error.param.split('.')[0]).toBe(param);
    expect(body.error.message).not.toMatch(/at .*\.ts/);
  });

  it('a cursor from one sort is refused by another', async () => {
    const page = await (await callRoute(nodesRoute.GET, '/api/v1/nodes?sort=name&limit=2', { token: fleet.tokens.auditor })).json();
    const response = await callRoute(nodesRoute.GET, `/api/v1/nodes?sort=cpu&limit=2&cursor=${page.nextCursor}`, { token: fleet.tokens.auditor });
    expect(response.status).toBe(400);
    expect((await response.json()).error.param).toBe('cursor');
  });

  it('details: node, pod, datacenter; unknown ones are 404 with the Kubernetes wording', async () => {
    const pod = listPods(fleet.manager, ALL_FLEET, podListQuerySchema.parse({ hub: 'cn-east', namespace: 'kubeedge', limit: 1 })).items[0];
    const detail = await callRoute(podRoute.GET, '/x', { token: fleet.tokens.auditor, params: { hub: 'cn-east', namespace: pod.namespace, name: pod.name } });
    expect(detail.status).toBe(200);
    const body = await detail.json();
    expect(body.containers.length).toBeGreaterThan(0);
    expect(body.hubStatus.hub).toBe('cn-east');
    expect(body.nodeInfo?.name).toBe(pod.node);
    const missingNode = await callRoute(nodeRoute.GET, '/x', { token: fleet.tokens.auditor, params: { hub: 'cn-east', name: 'no-such-node' } });
    expect(missingNode.status).toBe(404);
    expect((await missingNode.json()).error.message).toBe('nodes "no-such-node" not found');
    const missingHub = await callRoute(nodeRoute.GET, '/x', { token: fleet.tokens.auditor, params: { hub: 'nowhere', name: 'x' } });
    expect(missingHub.status).toBe(404);
    const badName = await callRoute(nodeRoute.GET, '/x', { token: fleet.tokens.auditor, params: { hub: 'cn-east', name: 'Not_A_Name' } });
    expect(badName.status).toBe(400);
    expect((await badName.json()).error.param).toBe('name');
    const dcId = pod.datacenter ?? (await (await callRoute(datacentersRoute.GET, '/api/v1/datacenters', { token: fleet.tokens.auditor })).json()).items[0].id;
    const dc = await callRoute(datacenterRoute.GET, '/x', { token: fleet.tokens.auditor, params: { id: dcId } });
    expect(dc.status).toBe(200);
    expect((await dc.json()).nodeList.length).toBeGreaterThan(0);
    expect((await callRoute(datacenterRoute.GET, '/x', { token: fleet.tokens.auditor, params: { id: 'cn-east:nowhere' } })).status).toBe(404);
  });

  it('mutations: only admins and in-scope operators; hub errors pass through plainly', async () => {
    const node = listNodes(fleet.manager, ALL_FLEET, nodeListQuerySchema.parse({ hub: 'cn-east', role: 'edge', limit: 1 })).items[0];
    const asAuditor = await callRoute(cordonRoute.POST, '/x', { token: fleet.tokens.auditor, method: 'POST', params: { hub: 'cn-east', name: node.name } });
    expect(asAuditor.status).toBe(403);
    expect((await asAuditor.json()).error.message).toMatch(/Only platform admins and operators/);
    const outOfScope = await callRoute(cordonRoute.POST, '/x', { token: fleet.tokens.operatorSouth, method: 'POST', params: { hub: 'cn-east', name: node.name } });
    // Out of the operator's scope, the hub does not exist for them (no existence leak).
    expect(outOfScope.status).toBe(404);
    expect((await outOfScope.json()).error.message).toMatch(/Hub "cn-east" is not configured/);
    const readOnlyToken = await callRoute(cordonRoute.POST, '/x', { token: fleet.tokens.readOnlyAdmin, method: 'POST', params: { hub: 'cn-east', name: node.name } });
    expect(readOnlyToken.status).toBe(403);
    const missing = await callRoute(cordonRoute.POST, '/x', { token: fleet.tokens.operatorSouth, method: 'POST', params: { hub: 'cn-south', name: 'ghost-node' } });
    expect(missing.status).toBe(404);
    const missingBody = await missing.json();
    expect(missingBody.error.message).toBe('nodes "ghost-node" not found');
    expect(JSON.stringify(missingBody)).not.toMatch(/127\.0\.0\.1|Bearer|https:/);

    // Restart a pod: it disappears and its controller's replacement appears.
    const pod = listPods(fleet.manager, ALL_FLEET, podListQuerySchema.parse({ hub: 'cn-south', namespace: 'kubeedge', limit: 1 })).items[0];
    const deleted = await callRoute(podRoute.DELETE, '/x', { token: fleet.tokens.operatorSouth, method: 'DELETE', params: { hub: 'cn-south', namespace: pod.namespace, name: pod.name } });
    expect(deleted.status).toBe(202);
    await eventually(() => expect(fleet.manager.get('cn-south')!.store.pods.has(`${pod.namespace}/${pod.name}`)).toBe(false));

    // Scale and restart a deployment.
    const workloads = await (await callRoute(workloadsRoute.GET, '/api/v1/workloads?hub=cn-south&kind=Deployment&limit=1&sort=name', { token: fleet.tokens.auditor })).json();
    const deployment = workloads.items[0];
    const params = { hub: 'cn-south', namespace: deployment.namespace, name: deployment.name };
    const scaled = await callRoute(deploymentScaleRoute.POST, '/x', { token: fleet.tokens.admin, method: 'POST', params, body: { replicas: deployment.desired + 1 } });
    expect(scaled.status).toBe(202);
    await eventually(() => expect(fleet.manager.get('cn-south')!.store.workloads.get(`Deployment/${deployment.namespace}/${deployment.name}`)!.desired).toBe(deployment.desired + 1));
    const badScale = await callRoute(deploymentScaleRoute.POST, '/x', { token: fleet.tokens.admin, method: 'POST', params, body: { replicas: -3 } });
    expect(badScale.status).toBe(400);
    expect((await badScale.json()).error.param).toBe('replicas');
    const restarted = await callRoute(deploymentRestartRoute.POST, '/x', { token: fleet.tokens.admin, method: 'POST', params });
    expect(restarted.status).toBe(202);
    await callRoute(deploymentScaleRoute.POST, '/x', { token: fleet.tokens.admin, method: 'POST', params, body: { replicas: deployment.desired } });
  });

  it('the stream says hello, delivers a node going offline within 2 s, and cleans up on abort', async () => {
    const listenersBefore = fleet.manager.listenerCount;
    const abort = new AbortController();
    const response = await callRoute(streamRoute.GET, '/api/v1/stream?types=hub,node,summary', { token: fleet.tokens.auditor, signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(fleet.manager.listenerCount).toBe(listenersBefore + 1);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const events: FleetStreamEvent[] = [];
    const readUntil = async (predicate: (event: FleetStreamEvent) => boolean, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = events.find(predicate);
        if (found) return found;
        const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now()))]);
        if (!chunk || chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of block.split('\n')) if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
          end = buffer.indexOf('\n\n');
        }
      }
      return events.find(predicate) ?? null;
    };
    expect(await readUntil((event) => event.type === 'hello', 2_000)).not.toBeNull();
    const victim = listNodes(fleet.manager, ALL_FLEET, nodeListQuerySchema.parse({ hub: 'cn-north', role: 'edge', status: 'ready', limit: 1 })).items[0];
    const started = Date.now();
    await fleet.control(`/hubs/cn-north/nodes/${victim.name}/offline`);
    const event = await readUntil((e) => e.type === 'node' && e.name === victim.name && e.node?.status === 'unknown', 2_000);
    expect(event, 'node offline event within 2 s').not.toBeNull();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await readUntil((e) => e.type === 'summary', 2_000)).not.toBeNull();
    expect(events.some((e) => e.type === 'pod')).toBe(false);
    await fleet.control(`/hubs/cn-north/nodes/${victim.name}/online`);
    abort.abort();
    await reader.cancel().catch(() => undefined);
    await eventually(() => expect(fleet.manager.listenerCount).toBe(listenersBefore), 3_000);
  });
});
