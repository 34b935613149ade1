import { describe, expect, it } from 'vitest';
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import type { HubListStatus, NodeListItem, PagedResponse } from '@/lib/contracts/fleet';
import { fleetKeys } from './fleet-api';
import { applyFleetEvents, backoffDelay } from './fleet-stream';

function node(name: string, status: NodeListItem['status'] = 'ready'): NodeListItem {
  return {
    hub: 'cn-east', region: 'cn-east', name, datacenter: 'cn-east:hz1', role: 'edge', status, statusReason: null, statusMessage: null,
    unschedulable: false, arch: 'amd64', os: 'linux', kubeletVersion: 'v1.30.7-kubeedge-v1.21.0', kubeedgeVersion: 'v1.21.0',
    internalIP: '10.0.0.1', cpu: { capacityCores: 8, usageCores: 1 }, memory: { capacityBytes: 1, usageBytes: 1 }, pods: 3,
    accelerators: [], lastHeartbeat: null, statusSince: null, cloudcore: null, tunnelPort: null, createdAt: null, stale: false,
  };
}
const hub = (status: HubListStatus['status']): HubListStatus => ({
  hub: 'cn-east', region: 'cn-east', status, lastSyncAt: null, since: null, error: null, stale: status === 'unreachable',
});

describe('applyFleetEvents', () => {
  it('patches a node in place in every cached list page, and its hub status', () => {
    const client = new QueryClient();
    const key = fleetKeys.nodes({ role: 'edge' });
    client.setQueryData<InfiniteData<PagedResponse<NodeListItem>>>(key, {
      pageParams: [null, 'c1'],
      pages: [
        { items: [node('a'), node('b')], nextCursor: 'c1', total: 3, hubs: [hub('connected')] },
        { items: [node('c')], nextCursor: null, total: 3, hubs: [hub('connected')] },
      ],
    });
    const { invalidate } = applyFleetEvents(client, [
      { type: 'node', op: 'upsert', hub: 'cn-east', name: 'c', node: node('c', 'unknown') },
      { type: 'node', op: 'delete', hub: 'cn-east', name: 'a', node: null },
      { type: 'hub', hub: hub('unreachable') },
    ]);
    const data = client.getQueryData<InfiniteData<PagedResponse<NodeListItem>>>(key)!;
    expect(data.pages[0].items.map((n) => n.name)).toEqual(['b']);
    expect(data.pages[1].items[0].status).toBe('unknown');
    expect(data.pages[0].hubs[0].status).toBe('unreachable');
    expect(data.pages[0].total).toBe(2);
    expect(invalidate).toContainEqual(fleetKeys.node('cn-east', 'c'));
    expect(invalidate).toContainEqual(fleetKeys.summary());
  });

  it('backs off exponentially with bounded jitter', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, () => 0.5)).toBe(8000);
    expect(backoffDelay(20, () => 1)).toBe(39000);
    expect(backoffDelay(20, () => 0)).toBe(21000);
  });
});
