import 'server-only';

import type { PrismaClient } from '@/lib/generated/prisma/client';
import { childLogger } from '@/lib/server/logger';

import { hubMatches, isPattern, patternToRegExp } from './patterns';

const log = childLogger({ module: 'tenants', component: 'ownership' });

/** One TenantNamespace row, compiled for matching. */
export type NamespaceAssignment = {
  id: string;
  tenant: string;
  hub: string;
  pattern: string;
  createdAt: Date;
  regex: RegExp | null;
};

/**
 * Who owns which namespace, from the TenantNamespace assignments in the database (never from
 * namespace labels: a label can be set by anyone with write access to the hub). Held in memory
 * (lookups are per pod in every list), refreshed after every change made through this process and
 * every REFRESH_MS (changes made by another replica).
 */
export class TenantOwnership {
  private assignments: NamespaceAssignment[] = [];
  private readonly memo = new Map<string, string | null>();
  private readonly listeners = new Set<() => void>();
  private loadedOnce = false;
  /** Bumped on every change: caches of derived views key on it. */
  version = 0;

  /** Replaces the assignments (tests may call this directly). */
  setAssignments(assignments: ReadonlyArray<Omit<NamespaceAssignment, 'regex'>>): void {
    const next = assignments.map((a) => ({ ...a, regex: isPattern(a.pattern) ? patternToRegExp(a.pattern) : null }));
    const signature = (list: ReadonlyArray<Omit<NamespaceAssignment, 'regex'>>) =>
      list.map((a) => `${a.id}|${a.tenant}|${a.hub}|${a.pattern}`).sort().join('\n');
    const changed = !this.loadedOnce || signature(next) !== signature(this.assignments);
    this.assignments = next;
    this.loadedOnce = true;
    if (!changed) return;
    this.memo.clear();
    this.version++;
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        log.warn({ err: error }, 'tenant ownership listener failed');
      }
    }
  }

  get loaded(): boolean {
    return this.loadedOnce;
  }

  list(): ReadonlyArray<NamespaceAssignment> {
    return this.assignments;
  }

  /** The tenant owning `namespace` on `hub`; exact names win over patterns, a specific hub over `*`. */
  tenantOf(hub: string, namespace: string): string | null {
    const key = `${hub}/${namespace}`;
    const cached = this.memo.get(key);
    if (cached !== undefined) return cached;
    let best: { tenant: string; rank: number } | null = null;
    for (const assignment of this.assignments) {
      if (!hubMatches(assignment.hub, hub)) continue;
      const matches = assignment.regex ? assignment.regex.test(namespace) : assignment.pattern === namespace;
      if (!matches) continue;
      const rank = (assignment.regex ? 0 : 2) + (assignment.hub === '*' ? 0 : 1);
      if (!best || rank > best.rank) best = { tenant: assignment.tenant, rank };
    }
    const tenant = best?.tenant ?? null;
    if (this.memo.size > 200_000) this.memo.clear();
    this.memo.set(key, tenant);
    return tenant;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async reload(db: PrismaClient): Promise<void> {
    const rows = await db.tenantNamespace.findMany({ include: { tenant: { select: { slug: true } } }, orderBy: { createdAt: 'asc' } });
    this.setAssignments(rows.map((row) => ({ id: row.id, tenant: row.tenant.slug, hub: row.hub, pattern: row.pattern, createdAt: row.createdAt })));
  }
}

/** Another replica's changes show up within this time. */
export const OWNERSHIP_REFRESH_MS = 15_000;

const globalForOwnership = globalThis as unknown as {
  overlookTenantOwnership?: TenantOwnership;
  overlookTenantOwnershipLoad?: { db: PrismaClient; at: number; loading: Promise<void> | null };
};

export function getTenantOwnership(): TenantOwnership {
  globalForOwnership.overlookTenantOwnership ??= new TenantOwnership();
  return globalForOwnership.overlookTenantOwnership;
}

/** Tests: start from a fresh resolver. */
export function resetTenantOwnership(): void {
  globalForOwnership.overlookTenantOwnership = undefined;
  globalForOwnership.overlookTenantOwnershipLoad = undefined;
}

/**
 * Loads the assignments on first use and again when they are older than OWNERSHIP_REFRESH_MS
 * (stale data keeps serving while a refresh runs; a failed refresh keeps the last good state).
 */
export async function ensureTenantOwnership(db: PrismaClient): Promise<TenantOwnership> {
  const ownership = getTenantOwnership();
  const state = globalForOwnership.overlookTenantOwnershipLoad;
  const fresh = state && state.db === db && Date.now() - state.at < OWNERSHIP_REFRESH_MS;
  if (ownership.loaded && fresh) return ownership;
  if (state?.loading && state.db === db) {
    if (!ownership.loaded) await state.loading;
    return ownership;
  }
  const loading = ownership
    .reload(db)
    .then(() => {
      globalForOwnership.overlookTenantOwnershipLoad = { db, at: Date.now(), loading: null };
    })
    .catch((error: unknown) => {
      log.warn({ err: error }, 'could not load tenant namespace assignments');
      globalForOwnership.overlookTenantOwnershipLoad = { db, at: Date.now(), loading: null };
      if (!ownership.loaded) throw error;
    });
  globalForOwnership.overlookTenantOwnershipLoad = { db, at: state?.at ?? 0, loading };
  if (!ownership.loaded) await loading;
  return ownership;
}

/** After a change made here: reload now. */
export async function refreshTenantOwnership(db: PrismaClient): Promise<void> {
  await getTenantOwnership().reload(db);
  globalForOwnership.overlookTenantOwnershipLoad = { db, at: Date.now(), loading: null };
}
