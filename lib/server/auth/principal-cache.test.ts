import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { PrismaClient } from '@/lib/generated/prisma/client';
import { closeDb, openDatabase, provideDatabase, type OpenDatabase } from '@/lib/server/db/client';
import { roleBindingsRepository } from '@/lib/server/db/role-bindings';
import { usersRepository } from '@/lib/server/db/users';

import type { Principal } from './principal';
import { getPrincipalFromRequest } from './principal';
import {
  PRINCIPAL_CACHE_MAX_ENTRIES,
  PRINCIPAL_CACHE_TTL_MS,
  authGeneration,
  bumpAuthGeneration,
  cachedSessionPrincipal,
  cachedTokenPrincipal,
  clearPrincipalCache,
  principalCacheSize,
  tokenCacheKey,
  type ResolvedTokenPrincipal,
} from './principal-cache';
import { createApiToken, revokeApiToken } from './token-service';

const fakeDb = {} as PrismaClient;
const otherDb = {} as PrismaClient;

function principalFor(userId: string): Principal {
  return { kind: 'token', userId, email: `${userId}@x.test`, name: userId, locale: 'en', tokenId: `tok-${userId}`, tokenScopes: ['read'], bindings: [{ role: 'auditor', scope: {} }] };
}

function resolverFor(userId: string, extra: Partial<ResolvedTokenPrincipal> = {}) {
  return vi.fn(async (): Promise<ResolvedTokenPrincipal | null> => ({
    principal: principalFor(userId),
    tokenId: `tok-${userId}`,
    expiresAt: null,
    lastUsedAt: new Date(Date.now()),
    ...extra,
  }));
}

const hooks = () => ({ touchLastUsed: vi.fn(async () => {}), lastUsedWriteIntervalMs: 60_000 });

let clock = 1_000_000_000_000;
beforeEach(() => {
  clock = 1_000_000_000_000;
  vi.spyOn(Date, 'now').mockImplementation(() => clock);
  clearPrincipalCache();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('principal cache (unit)', () => {
  it('reuses a cached principal and hands out copies', async () => {
    const resolve = resolverFor('u1');
    const first = await cachedTokenPrincipal(fakeDb, 'ovl_secret-1', resolve, hooks());
    first!.bindings.push({ role: 'platform-admin', scope: {} });
    const second = await cachedTokenPrincipal(fakeDb, 'ovl_secret-1', resolve, hooks());
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(second?.userId).toBe('u1');
    expect(second?.bindings).toEqual([{ role: 'auditor', scope: {} }]);
  });

  it('keys tokens by their sha256, never the token itself', () => {
    const key = tokenCacheKey('ovl_abc_supersecret');
    expect(key).not.toContain('supersecret');
    expect(key).toMatch(/^token:[0-9a-f]{64}$/);
    expect(tokenCacheKey('ovl_abc_supersecreT')).not.toBe(key);
  });

  it('reloads after an auth generation bump', async () => {
    const resolve = resolverFor('u1');
    await cachedTokenPrincipal(fakeDb, 't', resolve, hooks());
    const before = authGeneration();
    bumpAuthGeneration();
    expect(authGeneration()).toBe(before + 1);
    await cachedTokenPrincipal(fakeDb, 't', resolve, hooks());
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it('does not store a result loaded while the generation changed', async () => {
    const resolve = vi.fn(async () => {
      bumpAuthGeneration(); // a write lands while this load is in flight
      return { principal: principalFor('u1'), tokenId: 'tok-u1', expiresAt: null, lastUsedAt: null };
    });
    await cachedTokenPrincipal(fakeDb, 't', resolve, hooks());
    expect(principalCacheSize()).toBe(0);
    await cachedTokenPrincipal(fakeDb, 't', resolve, hooks());
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it('stops serving a token at its expiry even within the TTL', async () => {
    const resolve = resolverFor('u1', { expiresAt: new Date(clock + 1_000) });
    expect(await cachedTokenPrincipal(fakeDb, 't', resolve, hooks())).not.toBeNull();
    clock += 999;
    expect(await cachedTokenPrincipal(fakeDb, 't', resolve, hooks())).not.toBeNull();
    expect(resolve).toHaveBeenCalledTimes(1);
    clock += 1;
    resolve.mockResolvedValue(null); // the database now says expired
    expect(await cachedTokenPrincipal(fakeDb, 't', resolve, hooks())).toBeNull();
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it('reloads once the TTL has passed', async () => {
    const resolve = resolverFor('u1');
    await cachedTokenPrincipal(fakeDb, 't', resolve, hooks());
    clock += PRINCIPAL_CACHE_TTL_MS - 1;
    await cachedTokenPrincipal(fakeDb, 't', resolve, hooks());
    expect(resolve).toHaveBeenCalledTimes(1);
    clock += 1;
    await cachedTokenPrincipal(fakeDb, 't', resolve, hooks());
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it('never caches a negative result', async () => {
    const resolve = vi.fn(async () => null);
    expect(await cachedTokenPrincipal(fakeDb, 'bad', resolve, hooks())).toBeNull();
    expect(await cachedTokenPrincipal(fakeDb, 'bad', resolve, hooks())).toBeNull();
    expect(resolve).toHaveBeenCalledTimes(2);
    expect(principalCacheSize()).toBe(0);
    const session = vi.fn(async () => null);
    expect(await cachedSessionPrincipal(fakeDb, 'gone', session)).toBeNull();
    expect(await cachedSessionPrincipal(fakeDb, 'gone', session)).toBeNull();
    expect(session).toHaveBeenCalledTimes(2);
  });

  it('does not share entries between databases or between tokens and sessions', async () => {
    const resolve = resolverFor('u1');
    await cachedTokenPrincipal(fakeDb, 't', resolve, hooks());
    await cachedTokenPrincipal(otherDb, 't', resolve, hooks());
    expect(resolve).toHaveBeenCalledTimes(2);
    const session = vi.fn(async () => ({ ...principalFor('u1'), kind: 'user' as const }));
    expect((await cachedSessionPrincipal(fakeDb, 'u1', session))?.kind).toBe('user');
    expect((await cachedSessionPrincipal(fakeDb, 'u1', session))?.kind).toBe('user');
    expect(session).toHaveBeenCalledTimes(1);
  });

  it('is bounded: the least recently used entry is evicted first', async () => {
    const resolve = resolverFor('u');
    await cachedTokenPrincipal(fakeDb, 'token-0', resolve, hooks());
    await cachedTokenPrincipal(fakeDb, 'token-1', resolve, hooks());
    for (let i = 2; i < PRINCIPAL_CACHE_MAX_ENTRIES; i++) await cachedTokenPrincipal(fakeDb, `token-${i}`, resolve, hooks());
    expect(principalCacheSize()).toBe(PRINCIPAL_CACHE_MAX_ENTRIES);
    await cachedTokenPrincipal(fakeDb, 'token-0', resolve, hooks()); // a hit: token-0 is now the newest
    const calls = resolve.mock.calls.length;
    await cachedTokenPrincipal(fakeDb, 'one-too-many', resolve, hooks());
    expect(principalCacheSize()).toBe(PRINCIPAL_CACHE_MAX_ENTRIES);
    await cachedTokenPrincipal(fakeDb, 'token-0', resolve, hooks());
    expect(resolve.mock.calls.length).toBe(calls + 1); // token-0 stayed
    await cachedTokenPrincipal(fakeDb, 'token-1', resolve, hooks());
    expect(resolve.mock.calls.length).toBe(calls + 2); // token-1 was evicted
  });

  it('keeps writing lastUsedAt at most once a minute on cache hits', async () => {
    const h = hooks();
    h.lastUsedWriteIntervalMs = 1_000; // short, so hits inside the TTL cross the interval
    const resolve = resolverFor('u1', { lastUsedAt: new Date(clock) });
    await cachedTokenPrincipal(fakeDb, 't', resolve, h);
    clock += 500;
    await cachedTokenPrincipal(fakeDb, 't', resolve, h);
    expect(h.touchLastUsed).not.toHaveBeenCalled();
    clock += 500;
    await cachedTokenPrincipal(fakeDb, 't', resolve, h);
    await cachedTokenPrincipal(fakeDb, 't', resolve, h);
    expect(h.touchLastUsed).toHaveBeenCalledTimes(1);
    expect(h.touchLastUsed).toHaveBeenCalledWith('tok-u1', new Date(clock));
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it('a failing lastUsedAt write does not fail the request', async () => {
    const h = { touchLastUsed: vi.fn(async () => Promise.reject(new Error('db down'))), lastUsedWriteIntervalMs: 0 };
    const resolve = resolverFor('u1', { lastUsedAt: null });
    await cachedTokenPrincipal(fakeDb, 't', resolve, h);
    expect(await cachedTokenPrincipal(fakeDb, 't', resolve, h)).not.toBeNull();
    expect(h.touchLastUsed).toHaveBeenCalledTimes(1);
  });
});

describe('principal cache through getPrincipalFromRequest (in-memory PGlite)', () => {
  let database: OpenDatabase;
  let userId: string;

  const bearer = (token: string) => new Request('http://127.0.0.1/api/v1/me', { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dir: 'memory://' });
    provideDatabase(Promise.resolve(database));
  });
  afterAll(() => closeDb());

  beforeEach(async () => {
    vi.restoreAllMocks(); // real time: PGlite and Prisma run as usual
    const user = await usersRepository(database.prisma).create({ email: `cache-${Math.random()}@x.test`, name: 'Cache', passwordHash: null });
    userId = user.id;
    await roleBindingsRepository(database.prisma).add(userId, { role: 'auditor', scope: {} });
  });

  it('serves a cached principal without the database, and sees repository changes at once', async () => {
    const { token } = await createApiToken(database.prisma, userId, { name: 'c', scopes: ['read'] });
    expect((await getPrincipalFromRequest(bearer(token)))?.bindings).toEqual([{ role: 'auditor', scope: {} }]);
    // Behind the cache's back (no bump, as another replica would): the cached principal still answers.
    await database.prisma.roleBinding.deleteMany({ where: { userId } });
    expect((await getPrincipalFromRequest(bearer(token)))?.bindings).toEqual([{ role: 'auditor', scope: {} }]);
    // Through the repository (this replica's write path): immediate.
    await roleBindingsRepository(database.prisma).add(userId, { role: 'operator', scope: { hubs: ['h1'] } });
    expect((await getPrincipalFromRequest(bearer(token)))?.bindings).toEqual([{ role: 'operator', scope: { hubs: ['h1'] } }]);
  });

  it('a change behind its back shows after the TTL', async () => {
    const { token } = await createApiToken(database.prisma, userId, { name: 'c', scopes: ['read'] });
    expect(await getPrincipalFromRequest(bearer(token))).not.toBeNull();
    await database.prisma.user.update({ where: { id: userId }, data: { disabled: true } });
    expect(await getPrincipalFromRequest(bearer(token))).not.toBeNull();
    const realNow = Date.now;
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + PRINCIPAL_CACHE_TTL_MS);
    expect(await getPrincipalFromRequest(bearer(token))).toBeNull();
  });

  it('revocation takes effect immediately', async () => {
    const { token, item } = await createApiToken(database.prisma, userId, { name: 'c', scopes: ['read'] });
    expect(await getPrincipalFromRequest(bearer(token))).not.toBeNull();
    await revokeApiToken(database.prisma, userId, item.id);
    expect(await getPrincipalFromRequest(bearer(token))).toBeNull();
  });

  it('disabling the user takes effect immediately', async () => {
    const { token } = await createApiToken(database.prisma, userId, { name: 'c', scopes: ['read'] });
    expect(await getPrincipalFromRequest(bearer(token))).not.toBeNull();
    await usersRepository(database.prisma).setDisabled(userId, true);
    expect(await getPrincipalFromRequest(bearer(token))).toBeNull();
  });

  it('a cached token stops working at its expiry', async () => {
    // Created "a day ago" with a one-day lifetime: it expires 1.5 s from now.
    const { token } = await createApiToken(database.prisma, userId, { name: 'c', scopes: ['read'], expiresInDays: 1 }, new Date(Date.now() - 86_400_000 + 1_500));
    expect(await getPrincipalFromRequest(bearer(token))).not.toBeNull();
    const realNow = Date.now;
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 1_600); // past expiry, inside the TTL
    expect(await getPrincipalFromRequest(bearer(token))).toBeNull();
  });

  it('a wrong secret for a cached token prefix grants nothing', async () => {
    const { token } = await createApiToken(database.prisma, userId, { name: 'c', scopes: ['read'] });
    expect(await getPrincipalFromRequest(bearer(token))).not.toBeNull();
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(await getPrincipalFromRequest(bearer(tampered))).toBeNull();
    expect(await getPrincipalFromRequest(bearer(tampered))).toBeNull();
    expect(await getPrincipalFromRequest(bearer('not-a-token'))).toBeNull();
  });
});
