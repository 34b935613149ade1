import { describe, expect, it } from 'vitest';

import { HubStore } from './hub-store';
import { isExtendedResource, kubeedgeVersionOf, parseLocation, podDetailParts, podDisplayStatus, projectNode, projectPod } from './projection';

const ZONE = 'topology.kubernetes.io/zone';

function edgeNode(name: string, overrides: { ready?: 'True' | 'False' | 'Unknown'; zone?: string; unschedulable?: boolean } = {}) {
  return {
    metadata: {
      name,
      creationTimestamp: '2026-11-01T00:00:00Z',
      managedFields: [{ manager: 'kubelet', big: 'x'.repeat(1000) }],
      labels: { 'node-role.kubernetes.io/edge': '', 'kubernetes.io/arch': 'arm64', [ZONE]: overrides.zone ?? 'hz-1', 'topology.kubernetes.io/region': 'cn-east' },
      annotations: { cloudcore: '10.0.0.5', 'overlook.io/display-name': 'Hangzhou 1', 'overlook.io/location': '30.27,120.15' },
    },
    spec: { unschedulable: overrides.unschedulable, taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: '2026-11-02T00:00:00Z' }] },
    status: {
      capacity: { cpu: '4', memory: '8Gi', 'nvidia.com/gpu': '1', pods: '110', 'hugepages-2Mi': '0' },
      allocatable: { cpu: '3800m', memory: '7Gi' },
      nodeInfo: { kubeletVersion: 'v1.30.7-kubeedge-v1.21.0', architecture: 'arm64', operatingSystem: 'linux', containerRuntimeVersion: 'containerd://1.7.2' },
      addresses: [{ type: 'InternalIP', address: '192.168.3.141' }, { type: 'Hostname', address: name }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10351 } },
      conditions: [
        { type: 'Ready', status: overrides.ready ?? 'True', reason: overrides.ready === 'Unknown' ? 'NodeStatusUnknown' : 'EdgeReady', message: 'edge is posting ready status', lastHeartbeatTime: '2026-12-01T08:00:00Z', lastTransitionTime: '2026-11-30T00:00:00Z' },
      ],
    },
  };
}

function pod(name: string, node: string, state: Record<string, unknown>, phase = 'Running', extra: Record<string, unknown> = {}) {
  return {
    metadata: { name, namespace: 'shop', creationTimestamp: '2026-11-05T00:00:00Z', labels: { app: 'shop' }, ownerReferences: [{ kind: 'ReplicaSet', name: 'web-7d9f', controller: true }] },
    spec: { nodeName: node, containers: [{ name: 'web', image: 'shop/web:1.2' }] },
    status: { phase, podIP: '10.1.0.9', containerStatuses: [{ name: 'web', image: 'shop/web:1.2', ready: phase === 'Running' && 'running' in state, restartCount: 4, state }], ...extra },
  };
}

describe('projectNode', () => {
  it('keeps only what the DTOs need, quantities parsed', () => {
    const node = projectNode(edgeNode('edge-1'), ZONE);
    expect(node).toMatchObject({
      name: 'edge-1',
      zone: 'hz-1',
      role: 'edge',
      readiness: 'ready',
      readyReason: 'EdgeReady',
      arch: 'arm64',
      kubeedgeVersion: 'v1.21.0',
      internalIP: '192.168.3.141',
      cpuCapacityCores: 4,
      memoryCapacityBytes: 8 * 1024 ** 3,
      accelerators: { 'nvidia.com/gpu': 1 },
      cloudcore: '10.0.0.5',
      tunnelPort: 10351,
      unschedulable: false,
    });
    expect(node.site).toEqual({ displayName: 'Hangzhou 1', city: null, location: { lat: 30.27, lon: 120.15 }, gateway: null });
    expect(node.statusSinceMs).toBe(Date.parse('2026-11-30T00:00:00Z'));
    expect(JSON.stringify(node)).not.toContain('managedFields');
  });

  it('maps Ready Unknown to unknown and missing Ready to unknown', () => {
    expect(projectNode(edgeNode('e', { ready: 'Unknown' }), ZONE).readiness).toBe('unknown');
    expect(projectNode(edgeNode('e', { ready: 'False' }), ZONE).readiness).toBe('not-ready');
    expect(projectNode({ metadata: { name: 'bare' } }, ZONE)).toMatchObject({ readiness: 'unknown', role: 'cloud', zone: null });
  });

  it('shares one labels object between identical label sets', () => {
    const a = projectPod(pod('a', 'edge-1', { running: {} }));
    const b = projectPod(pod('b', 'edge-1', { running: {} }));
    expect(a.labels).toBe(b.labels);
  });
});

describe('podDisplayStatus and projectPod', () => {
  it('reports CrashLoopBackOff and counts restarts', () => {
    const record = projectPod(pod('a', 'edge-1', { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s' } }));
    expect(record).toMatchObject({ status: 'CrashLoopBackOff', crashLooping: true, restarts: 4, readyContainers: 0, totalContainers: 1, ownerKind: 'ReplicaSet', crashMessage: 'back-off 5m0s' });
    expect(record.images).toEqual(['shop/web:1.2']);
    // The detail parts survive their compact encoding.
    const parts = podDetailParts(record);
    expect(parts.containers[0]).toMatchObject({ name: 'web', image: 'shop/web:1.2', restartCount: 4, init: false, state: { kind: 'waiting', reason: 'CrashLoopBackOff' } });
  });
  it('reports Completed, Terminating, init progress and evictions like kubectl', () => {
    expect(podDisplayStatus(pod('a', 'n', { terminated: { reason: 'Completed', exitCode: 0 } }, 'Succeeded'))).toBe('Completed');
    expect(podDisplayStatus({ ...pod('a', 'n', { running: {} }), metadata: { deletionTimestamp: '2026-01-01T00:00:00Z' } })).toBe('Terminating');
    expect(podDisplayStatus(pod('a', 'n', { terminated: { reason: 'OOMKilled', exitCode: 137 } }, 'Failed', { reason: 'Evicted' }))).toBe('OOMKilled');
    expect(
      podDisplayStatus({
        spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'web' }] },
        status: { phase: 'Pending', initContainerStatuses: [{ name: 'init', state: { waiting: { reason: 'PodInitializing' } } }] },
      }),
    ).toBe('Init:0/1');
    expect(podDisplayStatus(pod('a', 'n', { waiting: { reason: 'ContainerCreating' } }, 'Pending'))).toBe('ContainerCreating');
  });
});

describe('helpers', () => {
  it('parses kubeedge versions, extended resources and locations', () => {
    expect(kubeedgeVersionOf('v1.28.6-kubeedge-v1.17.0')).toBe('v1.17.0');
    expect(kubeedgeVersionOf('v1.32.1')).toBeNull();
    expect(isExtendedResource('nvidia.com/gpu')).toBe(true);
    expect(isExtendedResource('cpu')).toBe(false);
    expect(isExtendedResource('kubernetes.io/batch')).toBe(false);
    expect(parseLocation('30.1, 120.2')).toEqual({ lat: 30.1, lon: 120.2 });
    expect(parseLocation('200,1')).toBeNull();
    expect(parseLocation('x')).toBeNull();
  });
});

describe('HubStore aggregates', () => {
  it('keeps datacenter and hub counters exact through upserts, moves and deletes', () => {
    const store = new HubStore(ZONE);
    store.upsert('pods', pod('p1', 'edge-1', { running: {} }));
    store.upsert('pods', pod('p2', 'edge-1', { waiting: { reason: 'CrashLoopBackOff' } }));
    // Pods arrived before their node: the datacenter gets them when the node appears.
    expect(store.datacenters.size).toBe(0);
    store.upsert('nodes', edgeNode('edge-1'));
    store.upsert('nodes', edgeNode('edge-2', { ready: 'Unknown', unschedulable: true }));
    const dc = store.datacenters.get('hz-1')!;
    expect(dc.nodes).toEqual({ total: 2, ready: 1, notReady: 0, unknown: 1, cordoned: 1 });
    expect(dc.pods).toMatchObject({ total: 2, running: 2, crashLooping: 1 });
    expect(store.totals.edgeNodes).toEqual({ total: 2, ready: 1, notReady: 0, unknown: 1 });
    expect(store.crashLoopingPods.size).toBe(1);
    expect(store.nodesByReadiness.unknown.has('edge-2')).toBe(true);

    // edge-1 moves to another datacenter: its pods move with it.
    store.upsert('nodes', edgeNode('edge-1', { zone: 'hz-2' }));
    expect(store.datacenters.get('hz-2')!.pods.total).toBe(2);
    expect(store.datacenters.get('hz-1')!.pods.total).toBe(0);
    expect(store.datacenters.get('hz-1')!.nodes.total).toBe(1);

    // The crash loop ends; then a pod is deleted.
    store.upsert('pods', pod('p2', 'edge-1', { running: {} }));
    expect(store.totals.pods.crashLooping).toBe(0);
    store.remove('pods', 'shop/p1');
    expect(store.totals.pods.total).toBe(1);
    expect(store.datacenters.get('hz-2')!.pods.total).toBe(1);
    store.remove('nodes', 'edge-2');
    expect(store.datacenters.has('hz-1')).toBe(false);
    expect(store.podCountOn('edge-1')).toBe(1);
  });

  it('emits changes only outside quiet (listing) periods', () => {
    const store = new HubStore(ZONE);
    const changes: string[] = [];
    store.onChange = (change) => changes.push(change.kind);
    store.quiet.add('nodes');
    store.upsert('nodes', edgeNode('edge-1'));
    store.quiet.delete('nodes');
    store.upsert('nodes', edgeNode('edge-1', { ready: 'False' }));
    expect(changes).toEqual(['node']);
  });
});
