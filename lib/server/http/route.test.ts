import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import * as tokenRoutes from '@/app/api/v1/tokens/route';
import * as tokenByIdRoutes from '@/app/api/v1/tokens/[id]/route';
import * as meRoutes from '@/app/api/v1/me/route';
import * as healthRoutes from '@/app/api/health/route';
import * as readyRoutes from '@/app/api/ready/route';
import { createApiToken } from '@/lib/server/auth/token-service';
import { closeDb, openDatabase, provideDatabase, type OpenDatabase } from '@/lib/server/db/client';
import { roleBindingsRepository } from '@/lib/server/db/role-bindings';
import { usersRepository } from '@/lib/server/db/users';
import { resetEnvCache } from '@/lib/server/env';

import { conflict, HttpError } from './errors';
import { registerReadinessCheck } from './health';
import { defineRoute } from './route';

const SECRET = 'route-test-secret-0123456789abcdef0123';
const dataDir = mkdtempSync(path.join(tmpdir(), 'overlook-route-'));
let database: OpenDatabase;
let userId: string;
let readToken: string;
let writeToken: string;
let sessionCookie: string;

type Ctx = { params: Promise<Record<string, string | string[] | undefined>> };
const noParams: Ctx = { params: Promise.resolve({}) };

function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new NextRequest(new URL(url, 'http://localhost:3000'), init);
}

// Test files may share a worker process: put process.env back as it was afterwards.
const savedEnv = {
  OVERLOOK_DATA_DIR: process.env.OVERLOOK_DATA_DIR,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
  // getEnv() hands its default public URL to next-auth through this variable.
  NEXTAUTH_URL: process.env.NEXTAUTH_URL,
};

beforeAll(async () => {
  process.env.OVERLOOK_DATA_DIR = dataDir;
  process.env.NEXTAUTH_SECRET = SECRET;
  resetEnvCache();
  database = await openDatabase({ kind: 'pglite', dir: 'memory://' });
  provideDatabase(Promise.resolve(database));
  const user = await usersRepository(database.prisma).create({ email: 'route@example.com', name: 'Route', passwordHash: null });
  userId = user.id;
  await roleBindingsRepository(database.prisma).add(userId, { role: 'operator', scope: { hubs: ['cn-east'] } });
  readToken = (await createApiToken(database.prisma, userId, { name: 'read', scopes: ['read'] })).token;
  writeToken = (await createApiToken(database.prisma, userId, { name: 'write', scopes: ['read', 'write'] })).token;
  const jwt = await encode({ token: { userId, email: 'route@example.com', name: 'Route' }, secret: SECRET });
  sessionCookie = `next-auth.session-token=${jwt}`;
});

afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
});

const echo = defineRoute(
  {
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), hub: z.array(z.string()).or(z.string()).optional() }),
    body: z.object({ name: z.string().min(1), count: z.number().int() }).strict().optional(),
  },
  ({ principal, query, body, requestId }) => ({ user: principal.email, kind: principal.kind, query, body, requestId }),
);

describe('defineRoute', () => {
  it('answers 401 JSON without credentials, echoing a request id', async () => {
    const response = await echo(request('/api/v1/echo'), noParams);
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body).toEqual({
      error: { code: 'unauthorized', message: 'Sign in or send a valid API token', requestId: expect.any(String) },
    });
    expect(response.headers.get('x-request-id')).toBe(body.error.requestId);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps a well-formed incoming x-request-id and replaces a malformed one', async () => {
    const kept = await echo(request('/api/v1/echo', { headers: { 'x-request-id': 'abc-123' } }), noParams);
    expect(kept.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await echo(request('/api/v1/echo', { headers: { 'x-request-id': 'bad id <script>' } }), noParams);
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('authenticates a session cookie and an API token', async () => {
    const bySession = await echo(request('/api/v1/echo?limit=5', { headers: { cookie: sessionCookie } }), noParams);
    expect(bySession.status).toBe(200);
    expect(await bySession.json()).toMatchObject({ user: 'route@example.com', kind: 'user', query: { limit: 5 } });

    const byToken = await echo(request('/api/v1/echo?hub=a&hub=b', { headers: { authorization: `Bearer ${readToken}` } }), noParams);
    expect(byToken.status).toBe(200);
    expect(await byToken.json()).toMatchObject({ kind: 'token', query: { limit: 50, hub: ['a', 'b'] } });
  });

  it('does not fall back to the cookie when a bearer token is invalid', async () => {
    const response = await echo(
      request('/api/v1/echo', { headers: { authorization: 'Bearer olk_nope', cookie: sessionCookie } }),
      noParams,
    );
    expect(response.status).toBe(401);
  });

  it('maps the first validation issue to a 400 that names the parameter', async () => {
    const auth = { authorization: `Bearer ${writeToken}` };
    const tooBig = await echo(request('/api/v1/echo?limit=1000', { headers: auth }), noParams);
    expect(tooBig.status).toBe(400);
    expect((await tooBig.json()).error).toMatchObject({
      code: 'bad_request',
      param: 'limit',
      message: '"limit" must be at most 500',
    });

    const missing = await echo(
      request('/api/v1/echo', { method: 'POST', headers: auth, body: JSON.stringify({ count: 1 }) }),
      noParams,
    );
    expect((await missing.json()).error).toMatchObject({ param: 'name', message: '"name" is required' });

    const wrongType = await echo(
      request('/api/v1/echo', { method: 'POST', headers: auth, body: JSON.stringify({ name: 'x', count: 'one' }) }),
      noParams,
    );
    expect((await wrongType.json()).error).toMatchObject({ param: 'count', message: '"count" must be a number' });

    const unknown = await echo(
      request('/api/v1/echo', { method: 'POST', headers: auth, body: JSON.stringify({ name: 'x', count: 1, extra: 1 }) }),
      noParams,
    );
    expect((await unknown.json()).error).toMatchObject({ param: 'extra', message: 'Unknown parameter "extra"' });

    const notJson = await echo(request('/api/v1/echo', { method: 'POST', headers: auth, body: '{oops' }), noParams);
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toMatchObject({ param: 'body', message: 'The request body must be valid JSON' });
  });

  it('refuses non-GET methods for a read-only token with 403', async () => {
    const response = await echo(
      request('/api/v1/echo', { method: 'POST', headers: { authorization: `Bearer ${readToken}` }, body: '{"name":"x","count":1}' }),
      noParams,
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('"write" scope') });
  });

  it('maps HttpError to its status and anything else to a 500 with no internals', async () => {
    const auth = { cookie: sessionCookie };
    const conflicting = defineRoute({}, () => {
      throw conflict('A hub with this name already exists');
    });
    const withParam = defineRoute({}, () => {
      throw new HttpError(422, 'unprocessable', 'Bad cursor', { param: 'cursor' });
    });
    const crashing = defineRoute({}, () => {
      throw new Error('connect ECONNREFUSED postgresql://admin:hunter2@10.0.0.5/db');
    });
    const conflictResponse = await conflicting(request('/api/v1/x', { headers: auth }), noParams);
    expect(conflictResponse.status).toBe(409);
    expect((await conflictResponse.json()).error).toMatchObject({ code: 'conflict', message: 'A hub with this name already exists' });
    expect((await (await withParam(request('/api/v1/x', { headers: auth }), noParams)).json()).error).toMatchObject({
      code: 'unprocessable',
      param: 'cursor',
    });

    const crash = await crashing(request('/api/v1/x', { headers: auth }), noParams);
    expect(crash.status).toBe(500);
    const text = await crash.text();
    const body = JSON.parse(text);
    expect(body.error).toEqual({
      code: 'internal',
      message: `Something went wrong on our side. Request id ${body.error.requestId}`,
      requestId: body.error.requestId,
    });
    expect(text).not.toMatch(/hunter2|ECONNREFUSED|stack|at /);
  });

  it('lets public routes run without a principal', async () => {
    const publicRoute = defineRoute({ auth: 'public' }, ({ principal }) => ({ signedIn: principal !== null }));
    expect(await (await publicRoute(request('/api/x'), noParams)).json()).toEqual({ signedIn: false });
  });

  it('re-checks disabled users on every request', async () => {
    const other = await usersRepository(database.prisma).create({ email: 'gone@example.com', name: 'Gone', passwordHash: null });
    const jwt = await encode({ token: { userId: other.id }, secret: SECRET });
    const token = (await createApiToken(database.prisma, other.id, { name: 't', scopes: ['read'] })).token;
    const cookie = `next-auth.session-token=${jwt}`;
    expect((await echo(request('/api/v1/echo', { headers: { cookie } }), noParams)).status).toBe(200);
    await usersRepository(database.prisma).setDisabled(other.id, true);
    expect((await echo(request('/api/v1/echo', { headers: { cookie } }), noParams)).status).toBe(401);
    expect((await echo(request('/api/v1/echo', { headers: { authorization: `Bearer ${token}` } }), noParams)).status).toBe(401);
  });
});

describe('API routes', () => {
  it('GET /api/v1/me returns the identity and role bindings', async () => {
    const response = await meRoutes.GET(request('/api/v1/me', { headers: { authorization: `Bearer ${readToken}` } }), noParams);
    expect(await response.json()).toMatchObject({
      kind: 'token',
      id: userId,
      email: 'route@example.com',
      locale: 'en',
      token: { scopes: ['read'] },
      bindings: [{ role: 'operator', scope: { hubs: ['cn-east'] } }],
    });
  });

  it('creates a token once, lists it without its secret, and revokes it', async () => {
    const headers = { cookie: sessionCookie };
    const created = await tokenRoutes.POST(
      request('/api/v1/tokens', { method: 'POST', headers, body: JSON.stringify({ name: 'deploy bot', scopes: ['write', 'read'], expiresInDays: 30 }) }),
      noParams,
    );
    expect(created.status).toBe(200);
    const { token, item } = await created.json();
    expect(item).toMatchObject({ name: 'deploy bot', scopes: ['read', 'write'], revokedAt: null });

    // The new token works for writes…
    const viaToken = await tokenRoutes.GET(request('/api/v1/tokens', { headers: { authorization: `Bearer ${token}` } }), noParams);
    const listed = await viaToken.json();
    expect(listed.items.map((t: { id: string }) => t.id)).toContain(item.id);
    expect(JSON.stringify(listed)).not.toContain(token.split('_')[2]);
    expect(JSON.stringify(listed)).not.toContain('tokenHash');

    const minted = await tokenRoutes.POST(
      request('/api/v1/tokens', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify({ name: 'successor', scopes: ['read', 'write'] }),
      }),
      noParams,
    );
    expect(minted.status).toBe(403);

    const badScopes = await tokenRoutes.POST(
      request('/api/v1/tokens', { method: 'POST', headers, body: JSON.stringify({ name: 'x', scopes: ['write'] }) }),
      noParams,
    );
    expect(badScopes.status).toBe(400);
    expect((await badScopes.json()).error.param).toBe('scopes');

    const revoke = (id: string) =>
      tokenByIdRoutes.DELETE(request(`/api/v1/tokens/${id}`, { method: 'DELETE', headers }), { params: Promise.resolve({ id }) });
    const revoked = await revoke(item.id);
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).item.revokedAt).not.toBeNull();
    expect((await revoke(item.id)).status).toBe(404);
    expect((await tokenRoutes.GET(request('/api/v1/tokens', { headers: { authorization: `Bearer ${token}` } }), noParams)).status).toBe(401);
  });

  it('GET /api/health and /api/ready answer without credentials', async () => {
    const health = await (await healthRoutes.GET(request('/api/health'), noParams)).json();
    expect(health).toMatchObject({ status: 'ok', version: expect.any(String), uptimeSeconds: expect.any(Number) });
    const ready = await readyRoutes.GET(request('/api/ready'), noParams);
    expect(ready.status).toBe(200);
    // The fleet layer adds hub sync state beside `checks`; the foundation owns `status` and `checks`.
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok' } });
  });

  it('GET /api/ready answers 503 naming the failing check, without its error', async () => {
    registerReadinessCheck('test-dependency', async () => {
      throw new Error('hub cn-east token=abc unreachable');
    });
    try {
      const ready = await readyRoutes.GET(request('/api/ready'), noParams);
      expect(ready.status).toBe(503);
      const body = await ready.json();
      expect(body).toMatchObject({ status: 'not_ready', checks: { database: 'ok', 'test-dependency': 'failing' } });
      expect(JSON.stringify(body)).not.toContain('token=abc');
    } finally {
      registerReadinessCheck('test-dependency', async () => 'ok');
    }
  });
});
