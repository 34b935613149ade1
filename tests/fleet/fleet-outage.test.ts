/**
 * Hubs failing: taken down with `refuse` and with `hang` (accepts connections, never answers), a
 * watch resumed from a compacted resourceVersion (410 → relist). The other hubs keep working, the
 * failed hub's last-known data stays (marked stale), mutations answer 503, and everything recovers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import * as summaryRoute from '@/app/api/v1/fleet/summary/route';
import * as cordonRoute from '@/app/api/v1/hubs/[hub]/nodes/[name]/cordon/route';
import * as nodesRoute from '@/app/api/v1/nodes/route';
import * as readyRoute from '@/app/api/ready/route';
import type { FleetSummary, NodeListItem, PagedResponse } from '@/lib/contracts/fleet';
import { ALL_FLEET } from '@/lib/server/query/scope';
import { getFleetSummary } from '@/lib/server/query/summary-service';

import { callRoute, eventually, startFleetFixture, type FleetFixture } from './support';

let fleet: FleetFixture;

beforeAll(async () => {
  fleet = await startFleetFixture({ hubs: 2 });
}, 120_000);

afterAll(async () => {
  await fleet?.stop();
});

async function expectConvergedWithTruth(): Promise<void> {
  await eventually(async () => {
    const truth = await fleet.truth();
    const summary = getFleetSummary(fleet.manager, ALL_FLEET);
    expect(summary.pods).toEqual(truth.totals.pods);
    expect(summary.edgeNodes.total + summary.cloudNodes.total).toBe(truth.totals.nodes.total);
    expect(summary.edgeNodes.unknown + summary.cloudNodes.unknown).toBe(truth.totals.nodes.unknown);
  });
}

describe.each(['refuse', 'hang'] as const)('a hub going down (%s)', (mode) => {
  it('turns unreachable with since and reason, keeps last-known data stale, and recovers by itself', async () => {
    const east = fleet.manager.get('cn-east')!;
    const nodesBefore = east.store.nodes.size;
    const node = [...east.store.nodes.values()].find((n) => n.role === 'edge')!;
    const downAt = Date.now();
    expect((await fleet.control('/hubs/cn-east/down', { mode })).status).toBe(200);

    const status = await eventually(() => {
      const s = east.listStatus();
      expect(s.status).toBe('unreachable');
      return s;
    }, 20_000);
    expect(status.stale).toBe(true);
    expect(status.error).toBeTruthy();
    expect(status.error).not.toMatch(/Bearer|token/i);
    expect(Date.parse(status.since!)).toBeGreaterThanOrEqual(downAt - 1000);
    expect(Date.parse(status.lastSyncAt!)).toBeLessThanOrEqual(Date.parse(status.since!));

    // The other hub is untouched; the page still answers with cn-east's last-known nodes.
    expect(fleet.manager.get('cn-south')!.listStatus().status).toBe('connected');
    const response = await callRoute(nodesRoute.GET, '/api/v1/nodes?hub=cn-east&limit=5', { token: fleet.tokens.auditor });
    expect(response.status).toBe(200);
    const page = (await response.json()) as PagedResponse<NodeListItem>;
    expect(page.total).toBe(nodesBefore);
    expect(page.items.every((item) => item.stale)).toBe(true);
    expect(page.hubs[0]).toMatchObject({ hub: 'cn-east', status: 'unreachable', stale: true });
    const summary = (await (await callRoute(summaryRoute.GET, '/api/v1/fleet/summary', { token: fleet.tokens.auditor })).json()) as FleetSummary;
    expect(summary.hubs).toMatchObject({ total: 2, unreachable: 1, connected: 1 });
    expect(summary.problems[0]).toMatchObject({ kind: 'hub-unreachable', hub: 'cn-east', severity: 'critical' });
    expect(summary.perHub.find((h) => h.hub === 'cn-east')!.datacenters.unknown).toBeGreaterThan(0);

    // Mutations on an unreachable hub: 503, plainly.
    const cordon = await callRoute(cordonRoute.POST, '/x', { token: fleet.tokens.admin, method: 'POST', params: { hub: 'cn-east', name: node.name } });
    expect(cordon.status).toBe(503);
    expect((await cordon.json()).error.message).toMatch(/unreachable/);

    // The console stays ready; /api/ready reports the hub.
    const ready = await callRoute(readyRoute.GET, '/api/ready');
    expect(ready.status).toBe(200);
    const readyBody = await ready.json();
    expect(readyBody.hubs.byStatus.unreachable).toBe(1);

    expect((await fleet.control('/hubs/cn-east/up')).status).toBe(200);
    await eventually(() => {
      const s = east.listStatus();
      expect(s.status).toBe('connected');
      expect(s.stale).toBe(false);
    }, 30_000);
    await expectConvergedWithTruth();
  });
});

describe('resource versions', () => {
  it('a watch resumed from a compacted resourceVersion gets 410 and relists, staying exact', async () => {
    const south = fleet.manager.get('cn-south')!;
    const relists = () => south.watchStatuses().find((w) => w.kind === 'pods')!.relists;
    const before = relists();
    // Changes the relist must pick up.
    const pod = [...south.store.pods.values()].find((p) => p.phase === 'Running' && !p.crashLooping)!;
    south.rewatchFrom('pods', '1');
    await fleet.control(`/hubs/cn-south/namespaces/${pod.namespace}/pods/${pod.name}/crash`);
    await eventually(() => expect(relists()).toBe(before + 1), 10_000);
    await eventually(() => expect(south.watchStatuses().find((w) => w.kind === 'pods')!.state).toBe('live'), 10_000);
    await expectConvergedWithTruth();
    expect(south.listStatus().status).toBe('connected');
  });
});
