import 'server-only';

import { parseQuantity } from '@/lib/server/hubs/quantity';
import type { UsageRecord } from '@/lib/server/hubs/records';

/** One PodMetrics item of metrics.k8s.io/v1beta1, as far as it is read here. */
export interface PodMetricsItem {
  metadata?: { namespace?: string; name?: string };
  containers?: Array<{ usage?: { cpu?: string; memory?: string } }>;
}

/**
 * Sums a PodMetricsList per namespace (CPU in cores, memory in bytes). Pods are not kept one by one:
 * tenants' usage tiles need the sum over their namespaces, and 200,000 pods would cost memory for
 * numbers nobody reads. Items with unparsable quantities are skipped.
 */
export function sumPodMetricsByNamespace(items: readonly PodMetricsItem[]): Map<string, UsageRecord> {
  const sums = new Map<string, UsageRecord>();
  for (const item of items) {
    const namespace = item.metadata?.namespace;
    if (!namespace) continue;
    let cpuCores = 0;
    let memoryBytes = 0;
    let valid = true;
    for (const container of item.containers ?? []) {
      const cpu = parseQuantity(container.usage?.cpu);
      const memory = parseQuantity(container.usage?.memory);
      if (cpu === null || memory === null) {
        valid = false;
        break;
      }
      cpuCores += cpu;
      memoryBytes += memory;
    }
    if (!valid) continue;
    const sum = sums.get(namespace);
    if (sum) {
      sum.cpuCores += cpuCores;
      sum.memoryBytes += memoryBytes;
    } else {
      sums.set(namespace, { cpuCores, memoryBytes });
    }
  }
  return sums;
}
