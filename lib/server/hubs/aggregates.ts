import 'server-only';

import type { CountsByReadiness, NodeReadiness, PodCounts } from '@/lib/contracts/fleet';
import type { PodRecord } from '@/lib/server/hubs/records';

/**
 * Counters maintained incrementally as watch events arrive (add the new record's contribution,
 * subtract the old one's), so the fleet summary costs O(hubs + datacenters), not O(pods).
 */

export function emptyReadiness(): CountsByReadiness {
  return { total: 0, ready: 0, notReady: 0, unknown: 0 };
}

export function emptyPodCounts(): PodCounts {
  return { total: 0, running: 0, pending: 0, failed: 0, succeeded: 0, crashLooping: 0 };
}

export function addReadiness(counts: CountsByReadiness, readiness: NodeReadiness, sign: 1 | -1): void {
  counts.total += sign;
  if (readiness === 'ready') counts.ready += sign;
  else if (readiness === 'not-ready') counts.notReady += sign;
  else counts.unknown += sign;
}

export function addPod(counts: PodCounts, pod: PodRecord, sign: 1 | -1): void {
  counts.total += sign;
  if (pod.phase === 'Running') counts.running += sign;
  else if (pod.phase === 'Pending') counts.pending += sign;
  else if (pod.phase === 'Failed') counts.failed += sign;
  else if (pod.phase === 'Succeeded') counts.succeeded += sign;
  if (pod.crashLooping) counts.crashLooping += sign;
}

export function addPodCounts(target: PodCounts, source: PodCounts, sign: 1 | -1): void {
  target.total += sign * source.total;
  target.running += sign * source.running;
  target.pending += sign * source.pending;
  target.failed += sign * source.failed;
  target.succeeded += sign * source.succeeded;
  target.crashLooping += sign * source.crashLooping;
}

export function sumReadiness(into: CountsByReadiness, from: CountsByReadiness): void {
  into.total += from.total;
  into.ready += from.ready;
  into.notReady += from.notReady;
  into.unknown += from.unknown;
}

/** Adjusts a count in a map, dropping the key at zero so maps only hold what is present. */
export function bump(map: Map<string, number>, key: string, delta: number): void {
  const next = (map.get(key) ?? 0) + delta;
  if (Math.abs(next) < 1e-9) map.delete(key);
  else map.set(key, next);
}
