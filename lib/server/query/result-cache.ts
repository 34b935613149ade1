import 'server-only';

import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import type { HubManager } from '@/lib/server/hubs/hub-manager';
import type { FleetScope } from '@/lib/server/query/scope';
import { getTenantOwnership } from '@/lib/server/tenants/ownership';

/**
 * Answers for identical list queries (same scope, same filters, same page) are shared until the data
 * they were computed from changes. Many clients ask the same things (NOC walls, several operators on
 * the overview, the UI's background refetches), so under load most requests are a map lookup.
 *
 * Under churn the data version moves many times a second; an answer younger than `maxStaleMs` is then
 * still served (bounded staleness — the live stream patches clients in between), so one burst of
 * 32 identical requests costs one computation, not 32.
 */

const MAX_ENTRIES = 256;
/** Serve a slightly older answer while data churns (never older than this). */
const MAX_STALE_MS = 100;
/** Even with no change, recompute now and then (hub lastSyncAt, heartbeats from leases). */
const MAX_AGE_MS = 2_000;

interface Entry {
  version: number;
  at: number;
  value: unknown;
}

const caches = new WeakMap<HubManager, Map<string, Entry>>();

export function scopeKey(scope: FleetScope): string {
  if (scope.kind === 'all') return 'all';
  if (scope.key) return scope.key;
  const list = (set: ReadonlySet<string> | null) => (set ? [...set].sort().join(',') : '*');
  return `h=${list(scope.hubs)};r=${list(scope.regions)};t=${list(scope.tenants)}`;
}

/** Data version of a set of hubs for one resource family (plus hub status changes). */
export function versionOf(manager: HubManager, hubs: HubConnection[], pick: (hub: HubConnection) => number): number {
  // Namespace ownership changes what tenant-scoped answers contain.
  let version = manager.version + getTenantOwnership().version;
  for (const hub of hubs) version += pick(hub);
  return version;
}

export function cachedResult<T>(manager: HubManager, key: string, version: number, compute: () => T): T {
  let cache = caches.get(manager);
  if (!cache) {
    cache = new Map();
    caches.set(manager, cache);
  }
  const now = Date.now();
  const entry = cache.get(key);
  if (entry && now - entry.at < MAX_AGE_MS && (entry.version === version || now - entry.at < MAX_STALE_MS)) {
    return entry.value as T;
  }
  const value = compute();
  // Re-insert so the Map's order is least-recently-computed first.
  cache.delete(key);
  cache.set(key, { version, at: now, value });
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return value;
}
