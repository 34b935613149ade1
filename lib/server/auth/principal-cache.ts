import 'server-only';

import { createHash } from 'node:crypto';

import type { PrismaClient } from '@/lib/generated/prisma/client';

import type { Principal } from './principal';

/**
 * Without a cache every API request costs 3+ database queries (token by prefix, user, role
 * bindings) before any work starts; under concurrency they queue on PGlite and dominate latency.
 *
 * Correctness rests on the "auth generation": every write path that can change a principal (users,
 * API tokens, role bindings, tenants and their namespaces, tenant memberships) calls
 * bumpAuthGeneration(), and an entry is only served while the generation it was loaded under is
 * still current. So a change made on this replica applies at once; a change made on another
 * replica (which cannot bump our counter) applies when our entry's TTL runs out.
 *
 * This module has no runtime imports from the database layer (the repositories import it to bump
 * the generation); the caller passes in what a hit needs (touching lastUsedAt, loading ownership).
 */

/**
 * How stale a principal may be after a change made by ANOTHER replica. 5 s keeps the window in
 * which a revoked token or a disabled user still works elsewhere short, while a busy client (many
 * requests a second) still pays the database lookups only once per 5 s.
 */
export const PRINCIPAL_CACHE_TTL_MS = 5_000;

/** Bounds memory (~1–2 KB per entry → ≤ ~20 MB) even when many distinct tokens or users call. */
export const PRINCIPAL_CACHE_MAX_ENTRIES = 10_000;

// Negative results (bad, revoked or expired tokens, unknown or disabled users) are never cached:
// caching them would not make guessing cheaper, but it would not make it dearer either, and a token
// or user that becomes valid (e.g. just created on another replica) must work immediately.

type CacheEntry = {
  principal: Principal;
  /** The database the principal was loaded from (tests and scripts open several). */
  db: PrismaClient;
  generation: number;
  loadedAt: number;
  /** Token only: epoch ms at which the token expires (checked on every hit), null = never. */
  expiresAt: number | null;
  /** Token only: when lastUsedAt was last written (or last known), to keep touching it ≤ 1/min. */
  lastUsedWriteAt: number | null;
};

type CacheState = { generation: number; entries: Map<string, CacheEntry> };

// On globalThis so that every module instance (Next.js bundles route handlers and server components
// separately, and dev reloads modules) shares one counter: a bump from any write path must reach
// every reader in the process.
const globalForCache = globalThis as unknown as { overlookPrincipalCache?: CacheState };

function state(): CacheState {
  globalForCache.overlookPrincipalCache ??= { generation: 0, entries: new Map() };
  return globalForCache.overlookPrincipalCache;
}

/** Call after any write that may change who someone is or what they may do (see module comment). */
export function bumpAuthGeneration(): void {
  const cache = state();
  cache.generation++;
  // Every entry is now unusable; dropping them frees memory at once.
  cache.entries.clear();
}

export function authGeneration(): number {
  return state().generation;
}

/** Tests: start empty. */
export function clearPrincipalCache(): void {
  state().entries.clear();
}

export function principalCacheSize(): number {
  return state().entries.size;
}

/** Cache key for a presented token: its sha256, so the cache never holds a usable secret. */
export function tokenCacheKey(presented: string): string {
  return `token:${createHash('sha256').update(presented, 'utf8').digest('hex')}`;
}

function sessionCacheKey(userId: string): string {
  return `user:${userId}`;
}

function lookup(key: string, db: PrismaClient, now: number): CacheEntry | null {
  const cache = state();
  const entry = cache.entries.get(key);
  if (!entry) return null;
  const usable =
    entry.generation === cache.generation &&
    entry.db === db &&
    now - entry.loadedAt < PRINCIPAL_CACHE_TTL_MS &&
    (entry.expiresAt === null || now < entry.expiresAt);
  if (!usable) {
    cache.entries.delete(key);
    return null;
  }
  // Least recently used first in iteration order: re-insert on every hit.
  cache.entries.delete(key);
  cache.entries.set(key, entry);
  return entry;
}

function store(key: string, entry: CacheEntry): void {
  const cache = state();
  // Loaded under an older generation: a change happened during the load, the result may predate it.
  if (entry.generation !== cache.generation) return;
  cache.entries.delete(key);
  cache.entries.set(key, entry);
  while (cache.entries.size > PRINCIPAL_CACHE_MAX_ENTRIES) {
    const oldest = cache.entries.keys().next();
    if (oldest.done) break;
    cache.entries.delete(oldest.value);
  }
}

/** A copy, so that a caller changing its principal cannot change what the next request gets. */
function copy(principal: Principal): Principal {
  return structuredClone(principal);
}

/** What a hit needs from the caller, so this module does not import the repositories that bump it. */
export type CacheHitHooks = {
  /** Runs on every hit before the principal is returned (e.g. keep tenant ownership loaded). */
  onHit?: () => Promise<unknown>;
};

export type TokenCacheHooks = CacheHitHooks & {
  /** Writes the token's lastUsedAt; called fire-and-forget on a hit at most once per interval. */
  touchLastUsed: (tokenId: string, at: Date) => Promise<void>;
  /** At most one lastUsedAt write per token per this interval (LAST_USED_WRITE_INTERVAL_MS). */
  lastUsedWriteIntervalMs: number;
};

export type ResolvedTokenPrincipal = {
  principal: Principal;
  tokenId: string;
  expiresAt: Date | null;
  /** lastUsedAt as read from the database, before authentication touched it. */
  lastUsedAt: Date | null;
};

/**
 * The principal for a presented API token: from the cache when a fresh entry exists, else from
 * `resolve` (full authentication: constant-time secret check, revocation, expiry, user, bindings).
 */
export async function cachedTokenPrincipal(
  db: PrismaClient,
  presented: string,
  resolve: (now: Date) => Promise<ResolvedTokenPrincipal | null>,
  hooks: TokenCacheHooks,
): Promise<Principal | null> {
  const key = tokenCacheKey(presented);
  const now = Date.now();
  const hit = lookup(key, db, now);
  if (hit) {
    if (hit.lastUsedWriteAt === null || now - hit.lastUsedWriteAt >= hooks.lastUsedWriteIntervalMs) {
      hit.lastUsedWriteAt = now;
      const tokenId = hit.principal.tokenId;
      // Advisory timestamp, as on a miss: a failed write must not fail (or slow) the request.
      if (tokenId) void hooks.touchLastUsed(tokenId, new Date(now)).catch(() => {});
    }
    await hooks.onHit?.();
    return copy(hit.principal);
  }
  const generation = authGeneration();
  const resolved = await resolve(new Date(now));
  if (!resolved) return null;
  const lastUsed = resolved.lastUsedAt?.getTime() ?? null;
  // authenticateApiToken wrote lastUsedAt = now when it was due; mirror its rule.
  const touched = lastUsed === null || now - lastUsed >= hooks.lastUsedWriteIntervalMs;
  store(key, {
    principal: copy(resolved.principal),
    db,
    generation,
    loadedAt: now,
    expiresAt: resolved.expiresAt?.getTime() ?? null,
    lastUsedWriteAt: touched ? now : lastUsed,
  });
  return resolved.principal;
}

/** The principal for a verified session (JWT already checked by the caller), cached by user id. */
export async function cachedSessionPrincipal(
  db: PrismaClient,
  userId: string,
  resolve: () => Promise<Principal | null>,
  hooks: CacheHitHooks = {},
): Promise<Principal | null> {
  const key = sessionCacheKey(userId);
  const now = Date.now();
  const hit = lookup(key, db, now);
  if (hit) {
    await hooks.onHit?.();
    return copy(hit.principal);
  }
  const generation = authGeneration();
  const principal = await resolve();
  if (!principal) return null;
  store(key, { principal: copy(principal), db, generation, loadedAt: now, expiresAt: null, lastUsedWriteAt: null });
  return principal;
}
