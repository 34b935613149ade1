import 'server-only';

import type { FleetSummary, Problem } from '@/lib/contracts/fleet';
import { addPod, addReadiness, emptyPodCounts, emptyReadiness, sumReadiness } from '@/lib/server/hubs/aggregates';
import { hubPartiallyVisible } from '@/lib/server/rbac/fleet-access';
import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import type { HubManager } from '@/lib/server/hubs/hub-manager';
import type { PodRecord, UsageRecord } from '@/lib/server/hubs/records';
import { cloudcoreOf, datacenterHealth, iso } from '@/lib/server/query/dto';
import { pageOf } from '@/lib/server/query/paging';
import { hubsInScope, scopeAllowsNamespace, scopeAllowsNode, scopeLimitsNamespaces, type FleetScope } from '@/lib/server/query/scope';

/** Problems listed on the overview, newest first. */
export const MAX_PROBLEMS = 50;

type Breakdown = Omit<FleetSummary['perHub'][number], 'hub' | 'region' | 'status'>;

function emptyBreakdown(): Breakdown {
  return {
    datacenters: { total: 0, healthy: 0, degraded: 0, down: 0, unknown: 0 },
    edgeNodes: emptyReadiness(),
    cloudNodes: emptyReadiness(),
    pods: emptyPodCounts(),
    capacity: { cpuCores: 0, memoryBytes: 0 },
    usage: null,
  };
}

/**
 * Usage of the namespaces a tenant-limited scope sees, from the per-namespace PodMetrics sums:
 * a tenant's own load, never the node-level usage that includes other tenants. Null without pod metrics
 * (or until the first poll this call asks for has answered).
 */
function namespacesUsage(hub: HubConnection, scope: FleetScope): UsageRecord | null {
  hub.wantPodMetrics();
  const usage = hub.store.namespaceUsage;
  if (!usage) return null;
  const total: UsageRecord = { cpuCores: 0, memoryBytes: 0 };
  for (const [namespace, value] of usage) {
    if (!scopeAllowsNamespace(scope, hub, namespace)) continue;
    total.cpuCores += value.cpuCores;
    total.memoryBytes += value.memoryBytes;
  }
  return total;
}

/** O(datacenters): node and pod counts are read from the incrementally maintained aggregates. */
function hubBreakdown(hub: HubConnection, scope: FleetScope): Breakdown {
  const store = hub.store;
  const breakdown = emptyBreakdown();
  if (scope.kind === 'limited' && scope.visibility && hubPartiallyVisible(scope.visibility, hub)) {
    // Tenants see only the nodes and datacenters their pods run on: their own numbers, never others'.
    for (const dc of store.datacenters.values()) {
      if (![...dc.nodeNames].some((name) => scopeAllowsNode(scope, hub, name))) continue;
      breakdown.datacenters.total++;
      breakdown.datacenters[datacenterHealth(hub, dc)]++;
    }
    for (const node of store.nodes.values()) {
      if (!scopeAllowsNode(scope, hub, node.name)) continue;
      addReadiness(node.role === 'edge' ? breakdown.edgeNodes : breakdown.cloudNodes, node.readiness, 1);
      breakdown.capacity.cpuCores += node.cpuCapacityCores;
      breakdown.capacity.memoryBytes += node.memoryCapacityBytes;
    }
    for (const namespace of store.podsByNamespace.keys()) {
      if (!scopeAllowsNamespace(scope, hub, namespace)) continue;
      for (const key of store.podsByNamespace.get(namespace) ?? []) {
        const pod = store.pods.get(key);
        if (pod) addPod(breakdown.pods, pod, 1);
      }
    }
    breakdown.usage = namespacesUsage(hub, scope);
    return breakdown;
  }
  for (const dc of store.datacenters.values()) {
    breakdown.datacenters.total++;
    breakdown.datacenters[datacenterHealth(hub, dc)]++;
  }
  sumReadiness(breakdown.edgeNodes, store.totals.edgeNodes);
  sumReadiness(breakdown.cloudNodes, store.totals.cloudNodes);
  if (scopeLimitsNamespaces(scope)) {
    // A tenant-limited caller sees only its namespaces' pods: count them (O(its pods)).
    for (const namespace of store.podsByNamespace.keys()) {
      if (!scopeAllowsNamespace(scope, hub, namespace)) continue;
      for (const key of store.podsByNamespace.get(namespace) ?? []) {
        const pod = store.pods.get(key);
        if (pod) addPod(breakdown.pods, pod, 1);
      }
    }
  } else {
    Object.assign(breakdown.pods, store.totals.pods);
  }
  breakdown.capacity = { cpuCores: store.totals.cpuCapacityCores, memoryBytes: store.totals.memoryCapacityBytes };
  // Narrowed to tenants: their pods' usage, matching the pod counts; otherwise the nodes' usage.
  breakdown.usage = scopeLimitsNamespaces(scope) ? namespacesUsage(hub, scope) : store.totals.usage ? { ...store.totals.usage } : null;
  return breakdown;
}

function hubProblems(hub: HubConnection, scope: FleetScope): Problem[] {
  const problems: Problem[] = [];
  const status = hub.listStatus();
  if (status.status === 'unreachable' || status.status === 'degraded') {
    problems.push({
      kind: status.status === 'unreachable' ? 'hub-unreachable' : 'hub-degraded',
      severity: status.status === 'unreachable' ? 'critical' : 'warning',
      hub: hub.name,
      title: status.status === 'unreachable' ? `Hub ${hub.name} is unreachable` : `Hub ${hub.name} is degraded`,
      detail: status.error ?? '',
      since: status.since,
      target: { kind: 'hub', hub: hub.name, name: hub.name },
    });
  }
  const cloudcore = cloudcoreOf(hub);
  if (cloudcore.total > 0 && cloudcore.ready < cloudcore.total) {
    problems.push({
      kind: 'cloudcore-degraded',
      severity: cloudcore.ready === 0 ? 'critical' : 'warning',
      hub: hub.name,
      title: `CloudCore on ${hub.name}: ${cloudcore.ready} of ${cloudcore.total} replicas ready`,
      detail: cloudcore.ready === 0 ? 'No CloudCore replica is ready: edge nodes cannot reach the hub' : 'Some CloudCore replicas are not ready',
      since: null,
      target: { kind: 'hub', hub: hub.name, name: hub.name },
    });
  }
  const store = hub.store;
  for (const readiness of ['unknown', 'not-ready'] as const) {
    for (const name of store.nodesByReadiness[readiness]) {
      const node = store.nodes.get(name);
      if (!node || !scopeAllowsNode(scope, hub, name)) continue;
      problems.push({
        kind: readiness === 'unknown' ? 'node-offline' : 'node-not-ready',
        severity: readiness === 'unknown' && node.role === 'edge' ? 'critical' : 'warning',
        hub: hub.name,
        title: readiness === 'unknown' ? `${name} is offline` : `${name} is not ready`,
        detail: node.readyMessage ?? node.readyReason ?? '',
        since: iso(node.statusSinceMs),
        target: { kind: 'node', hub: hub.name, name },
      });
    }
  }
  // Thousands of pods may crash-loop at fleet scale: pick the newest few by time first, then build
  // Problem objects only for those.
  const lastFinishedOf = (pod: PodRecord): number | null => pod.lastFinishedMs ?? pod.createdMs;
  const newest = pageOf({
    items: store.crashLoopingPods,
    filter: (key) => {
      const pod = store.pods.get(key);
      return pod !== undefined && scopeAllowsNamespace(scope, hub, pod.namespace);
    },
    sortValue: (key) => lastFinishedOf(store.pods.get(key)!),
    id: (key) => key,
    order: 'desc',
    limit: MAX_PROBLEMS,
    after: null,
  }).page;
  for (const key of newest) {
    const pod = store.pods.get(key)!;
    problems.push({
      kind: 'pod-crashloop',
      severity: 'warning',
      hub: hub.name,
      title: `${pod.namespace}/${pod.name} is crash-looping`,
      detail: pod.crashMessage ?? `restarted ${pod.restarts} times`,
      since: iso(lastFinishedOf(pod)),
      target: { kind: 'pod', hub: hub.name, namespace: pod.namespace, name: pod.name },
    });
  }
  return problems;
}

function computeSummary(manager: HubManager, scope: FleetScope): FleetSummary {
  const hubs = hubsInScope(manager, scope);
  const total = emptyBreakdown();
  const counts = { total: hubs.length, connected: 0, degraded: 0, unreachable: 0, connecting: 0 };
  const perHub: FleetSummary['perHub'] = [];
  const allProblems: Problem[] = [];
  for (const hub of hubs) {
    counts[hub.currentStatus]++;
    const breakdown = hubBreakdown(hub, scope);
    perHub.push({ hub: hub.name, region: hub.region, status: hub.currentStatus, ...breakdown });
    for (const key of Object.keys(total.datacenters) as Array<keyof Breakdown['datacenters']>) total.datacenters[key] += breakdown.datacenters[key];
    sumReadiness(total.edgeNodes, breakdown.edgeNodes);
    sumReadiness(total.cloudNodes, breakdown.cloudNodes);
    for (const key of Object.keys(total.pods) as Array<keyof Breakdown['pods']>) total.pods[key] += breakdown.pods[key];
    total.capacity.cpuCores += breakdown.capacity.cpuCores;
    total.capacity.memoryBytes += breakdown.capacity.memoryBytes;
    if (breakdown.usage) {
      total.usage ??= { cpuCores: 0, memoryBytes: 0 };
      total.usage.cpuCores += breakdown.usage.cpuCores;
      total.usage.memoryBytes += breakdown.usage.memoryBytes;
    }
    allProblems.push(...hubProblems(hub, scope));
  }
  // Newest first, bounded; critical before warning at equal times.
  const severityRank = (problem: Problem) => (problem.severity === 'critical' ? 0 : 1);
  const { page } = pageOf({
    items: allProblems,
    sortValue: (problem) => (problem.since ? Date.parse(problem.since) : null),
    id: (problem) => `${severityRank(problem)}|${problem.kind}|${problem.hub}|${problem.target.namespace ?? ''}|${problem.target.name}`,
    order: 'desc',
    limit: MAX_PROBLEMS,
    after: null,
  });
  // Hub-level trouble always leads: it explains everything below it.
  const hubLevel = allProblems.filter((p) => p.target.kind === 'hub');
  const rest = page.filter((p) => p.target.kind !== 'hub');
  return {
    ...total,
    hubs: counts,
    perHub,
    problems: [...hubLevel, ...rest].slice(0, MAX_PROBLEMS),
    hubStatus: hubs.map((hub) => hub.listStatus()),
    generatedAt: new Date().toISOString(),
  };
}

/** How stale a cached fleet-wide summary may be while the fleet churns (bounded, small). */
const SUMMARY_MAX_AGE_MS = 100;
/** Even when nothing changed, refresh now and then so lastSyncAt / generatedAt stay current. */
const SUMMARY_REFRESH_MS = 2_000;

const cache = new WeakMap<HubManager, { version: number; at: number; summary: FleetSummary }>();

/**
 * The fleet summary. For the whole fleet it is cached and recomputed only when something changed
 * (and at most every 100 ms under churn); each computation is O(hubs + datacenters + problems).
 */
export function getFleetSummary(manager: HubManager, scope: FleetScope): FleetSummary {
  if (scope.kind !== 'all') return computeSummary(manager, scope);
  // Only what the summary reads: node, pod and workload changes (not leases or events, which churn).
  let version = manager.version;
  for (const hub of manager.list()) version += hub.store.nodesVersion + hub.store.podsVersion + hub.store.workloadsVersion;
  const now = Date.now();
  const cached = cache.get(manager);
  if (cached && now - cached.at < SUMMARY_REFRESH_MS && (cached.version === version || now - cached.at < SUMMARY_MAX_AGE_MS)) {
    return cached.summary;
  }
  const summary = computeSummary(manager, scope);
  cache.set(manager, { version, at: now, summary });
  return summary;
}
