import { describe, expect, it } from 'vitest';
import type { FleetSummary } from '@/lib/contracts/fleet';
import { staleContributors } from './kpi-tiles';

const zero = { total: 0, ready: 0, notReady: 0, unknown: 0 };
function breakdown(hub: string, pods: number, cpuCores: number): FleetSummary['perHub'][number] {
  return {
    hub,
    region: hub,
    status: 'connected',
    datacenters: { total: pods ? 1 : 0, healthy: 0, degraded: 0, down: 0, unknown: 0 },
    edgeNodes: zero,
    cloudNodes: zero,
    pods: { total: pods, running: pods, pending: 0, failed: 0, succeeded: 0, unknown: 0, crashLooping: 0 } as FleetSummary['pods'],
    capacity: { cpuCores, memoryBytes: 0 },
    usage: null,
  };
}
function status(hub: string, stale: boolean) {
  return { hub, region: hub, status: stale ? ('unreachable' as const) : ('connected' as const), lastSyncAt: '2026-12-01T12:03:00.000Z', since: null, error: null, stale };
}

describe('staleContributors', () => {
  const summary = {
    perHub: [breakdown('cn-east', 10, 4), breakdown('cn-south', 5, 0), breakdown('cn-west', 0, 0)],
    hubStatus: [status('cn-east', false), status('cn-south', true), status('cn-west', true)],
  } as unknown as FleetSummary;

  it('names the stale hubs that contribute to the tile, with their last sync', () => {
    expect(staleContributors(summary, (entry) => entry.pods.total > 0)).toEqual([{ hub: 'cn-south', lastSyncAt: '2026-12-01T12:03:00.000Z' }]);
  });

  it('ignores stale hubs that add nothing to the tile, and live hubs', () => {
    expect(staleContributors(summary, (entry) => entry.capacity.cpuCores > 0)).toEqual([]);
  });

  it('is empty when every hub is live', () => {
    const live = { ...summary, hubStatus: summary.hubStatus.map((entry) => ({ ...entry, stale: false })) } as FleetSummary;
    expect(staleContributors(live, () => true)).toEqual([]);
  });
});
