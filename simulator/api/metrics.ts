import type { Hub } from '../world/hub';
import type { NodeObject, PodObject } from '../world/types';
import { isoTime, quantityKi, quantityNanoCores } from '../world/builders';
import { nodeUsage, podUsage } from '../world/usage';
import { matchLabels, parseLabelSelector, parseFieldSelector, matchFields } from './selectors';
import { notFound } from './status';
import type { ResourceDef } from './resources';

/** metrics.k8s.io/v1beta1 as metrics-server serves it; unreachable edge nodes have no metrics. */

function nodeMetrics(hub: Hub, node: NodeObject, nowMs: number): Record<string, unknown> | undefined {
  if (hub.offline.has(node.metadata.name)) return undefined;
  const u = nodeUsage(hub, node.metadata.name, nowMs);
  if (!u) return undefined;
  return {
    metadata: { name: node.metadata.name, creationTimestamp: isoTime(nowMs), labels: node.metadata.labels },
    timestamp: isoTime(nowMs - 7_000),
    window: '30s',
    usage: { cpu: quantityNanoCores(u.cpuCores), memory: quantityKi(u.memoryBytes) },
  };
}

function podMetrics(hub: Hub, pod: PodObject, nowMs: number): Record<string, unknown> | undefined {
  if (hub.offline.has(pod.spec.nodeName ?? '')) return undefined;
  const containers = podUsage(pod, nowMs);
  if (containers.length === 0) return undefined;
  return {
    metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, creationTimestamp: isoTime(nowMs), labels: pod.metadata.labels },
    timestamp: isoTime(nowMs - 9_000),
    window: '30s',
    containers: containers.map((c) => ({ name: c.name, usage: { cpu: quantityNanoCores(c.cpuCores), memory: quantityKi(c.memoryBytes) } })),
  };
}

export function metricsResponse(hub: Hub, resource: ResourceDef, namespace: string | undefined, name: string | undefined, params: URLSearchParams): Record<string, unknown> {
  const now = Date.now();
  const labels = parseLabelSelector(params.get('labelSelector'));
  const fields = parseFieldSelector(params.get('fieldSelector'), resource);
  if (resource.plural === 'nodes') {
    if (name) {
      const node = hub.store.getObject('nodes', name);
      const m = node && nodeMetrics(hub, node, now);
      if (!m) throw notFound('nodemetrics', name, 'metrics.k8s.io');
      return { kind: 'NodeMetrics', apiVersion: 'metrics.k8s.io/v1beta1', ...m };
    }
    const items: unknown[] = [];
    for (const e of hub.store.iterate('nodes')) {
      if (!matchLabels(labels, e.obj.metadata.labels) || !matchFields(fields, e.obj)) continue;
      const m = nodeMetrics(hub, e.obj, now);
      if (m) items.push(m);
    }
    return { kind: 'NodeMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items };
  }
  if (name && namespace) {
    const pod = hub.store.getObject('pods', `${namespace}/${name}`);
    const m = pod && podMetrics(hub, pod, now);
    if (!m) throw notFound('podmetrics', name, 'metrics.k8s.io');
    return { kind: 'PodMetrics', apiVersion: 'metrics.k8s.io/v1beta1', ...m };
  }
  const items: unknown[] = [];
  for (const e of hub.store.iterate('pods', namespace)) {
    if (!matchLabels(labels, e.obj.metadata.labels) || !matchFields(fields, e.obj)) continue;
    const m = podMetrics(hub, e.obj, now);
    if (m) items.push(m);
  }
  return { kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items };
}
