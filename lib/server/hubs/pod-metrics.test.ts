import { describe, expect, it } from 'vitest';

import { sumPodMetricsByNamespace } from './pod-metrics';

describe('sumPodMetricsByNamespace', () => {
  it('sums every container of every pod per namespace, in cores and bytes', () => {
    const sums = sumPodMetricsByNamespace([
      { metadata: { namespace: 'acme-shop', name: 'a' }, containers: [{ usage: { cpu: '250m', memory: '64Mi' } }, { usage: { cpu: '500000000n', memory: '1Gi' } }] },
      { metadata: { namespace: 'acme-shop', name: 'b' }, containers: [{ usage: { cpu: '1', memory: '1024Ki' } }] },
      { metadata: { namespace: 'globex-cams', name: 'c' }, containers: [{ usage: { cpu: '2m', memory: '0' } }] },
    ]);
    expect(sums.get('acme-shop')).toEqual({ cpuCores: 1.75, memoryBytes: 64 * 1024 ** 2 + 1024 ** 3 + 1024 ** 2 });
    expect(sums.get('globex-cams')).toEqual({ cpuCores: 0.002, memoryBytes: 0 });
    expect(sums.size).toBe(2);
  });

  it('skips pods without a namespace or with a quantity it cannot read', () => {
    const sums = sumPodMetricsByNamespace([
      { metadata: { name: 'no-namespace' }, containers: [{ usage: { cpu: '1', memory: '1Mi' } }] },
      { metadata: { namespace: 'ns', name: 'bad' }, containers: [{ usage: { cpu: 'lots', memory: '1Mi' } }] },
      { metadata: { namespace: 'ns', name: 'ok' }, containers: [{ usage: { cpu: '100m', memory: '1Mi' } }] },
    ]);
    expect([...sums]).toEqual([['ns', { cpuCores: 0.1, memoryBytes: 1024 ** 2 }]]);
  });
});
