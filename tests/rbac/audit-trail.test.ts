/**
 * The audit trail end to end on a memory PGlite: denied requests and failed sign-ins are recorded
 * with actor, target and client IP; tenant admins read only their tenant's events; the CSV export
 * escapes properly; the table refuses UPDATE and DELETE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import * as auditRoute from '@/app/api/v1/audit/route';
import * as exportRoute from '@/app/api/v1/audit/export.csv/route';
import * as usersRoute from '@/app/api/v1/admin/users/route';
import * as membersRoute from '@/app/api/v1/tenants/[slug]/members/route';
import type { AuditListResponse } from '@/lib/contracts/audit';
import { TOO_MANY_SIGN_INS } from '@/lib/contracts/auth';
import { recordAuditEvent, csvField } from '@/lib/server/audit/audit-log';
import { buildAuthOptions } from '@/lib/server/auth/options';
import { SignInThrottle, setSignInThrottle } from '@/lib/server/auth/sign-in-throttle';
import type { OpenDatabase } from '@/lib/server/db/client';
import { getEnv } from '@/lib/server/env';

import { callRoute, startDemoDatabase, type CallOptions, type DemoDatabase, type RouteHandler } from '../support/demo-database';

let fx: DemoDatabase;
let database: OpenDatabase;
let tokens: Record<string, string>;

type Handler = RouteHandler;
const call = (handler: Handler, url: string, options: CallOptions & { ip?: string } = {}) =>
  callRoute(handler, url, { userAgent: 'audit-test/1.0', forwardedFor: `${options.ip ?? '198.51.100.9'}, 10.0.0.1`, ...options });

beforeAll(async () => {
  fx = await startDemoDatabase('audit-test-secret-0123456789abcdef012345', { admin: 'admin@overlook.demo', alice: 'alice@acme.demo', bob: 'bob@acme.demo', carol: 'carol@globex.demo' });
  ({ database, tokens } = fx);
}, 120_000);

afterAll(async () => {
  await fx?.stop();
});

describe('audit trail', () => {
  it('records a denied request with actor, action, target, IP (first X-Forwarded-For hop) and user agent', async () => {
    const denied = await call(membersRoute.POST as Handler, '/api/v1/tenants/acme/members', {
      token: tokens.bob,
      method: 'POST',
      params: { slug: 'acme' },
      body: { email: 'mallory@example.com', role: 'tenant-admin' },
      ip: '203.0.113.50',
    });
    expect(denied.status).toBe(403);
    const list = (await (await call(auditRoute.GET as Handler, '/api/v1/audit?outcome=denied&action=member.add', { token: tokens.admin })).json()) as AuditListResponse;
    const event = list.items.find((item) => item.actor.email === 'bob@acme.demo');
    expect(event).toMatchObject({
      action: 'member.add',
      outcome: 'denied',
      status: 403,
      tenant: 'acme',
      clientIp: '203.0.113.50',
      userAgent: 'audit-test/1.0',
      target: { kind: 'TenantMember', name: 'mallory@example.com' },
      actor: { kind: 'token', email: 'bob@acme.demo' },
    });
    expect(event?.actor.tokenPrefix).toMatch(/^[A-Za-z0-9]+$/);
    expect(event?.reason).toMatch(/Tenant viewers cannot/);
  });

  it('records a forbidden admin call and an out-of-scope 404 on a mutation', async () => {
    expect((await call(usersRoute.POST as Handler, '/api/v1/admin/users', { token: tokens.alice, method: 'POST', body: { email: 'x@example.com', name: 'X', password: 'long-enough-password' } })).status).toBe(403);
    expect((await call(membersRoute.DELETE as Handler, '/api/v1/tenants/acme/members?userId=abc', { token: tokens.carol, method: 'DELETE', params: { slug: 'acme' } })).status).toBe(404);
    const list = (await (await call(auditRoute.GET as Handler, '/api/v1/audit?outcome=denied', { token: tokens.admin })).json()) as AuditListResponse;
    expect(list.items.some((e) => e.action === 'user.create' && e.actor.email === 'alice@acme.demo' && e.status === 403)).toBe(true);
    expect(list.items.some((e) => e.action === 'member.remove' && e.actor.email === 'carol@globex.demo' && e.status === 404 && e.tenant === null)).toBe(true);
    // Carol's out-of-scope attempt is not shown to acme's tenant admin (it would reveal a globex user).
    const alice = (await (await call(auditRoute.GET as Handler, '/api/v1/audit', { token: tokens.alice })).json()) as AuditListResponse;
    expect(JSON.stringify(alice)).not.toContain('carol@');
  });

  it('records failed and successful sign-ins with the typed email and the client IP', async () => {
    const options = buildAuthOptions(getEnv());
    const provider = options.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
    const req = { headers: { 'x-forwarded-for': '192.0.2.77', 'user-agent': 'browser/1' } };
    expect(await provider.options.authorize({ email: 'alice@acme.demo', password: 'wrong-password' }, req)).toBeNull();
    expect(await provider.options.authorize({ email: 'nobody@nowhere.test', password: 'whatever-password' }, req)).toBeNull();
    expect(await provider.options.authorize({ email: 'alice@acme.demo', password: 'overlook-demo' }, req)).toMatchObject({ email: 'alice@acme.demo' });
    const list = (await (await call(auditRoute.GET as Handler, '/api/v1/audit?action=sign-in', { token: tokens.admin })).json()) as AuditListResponse;
    const failed = list.items.filter((e) => e.outcome === 'denied');
    expect(failed.map((e) => e.actor.email).sort()).toEqual(['alice@acme.demo', 'nobody@nowhere.test']);
    expect(failed.every((e) => e.clientIp === '192.0.2.77' && e.target.kind === 'Session')).toBe(true);
    expect(list.items.some((e) => e.outcome === 'allowed' && e.actor.userId && e.actor.email === 'alice@acme.demo')).toBe(true);
  });

  it('refuses sign-ins from an address after too many failures, before checking the password, and audits it', async () => {
    setSignInThrottle(new SignInThrottle({ maxFailures: 3, windowMs: 60_000 }));
    try {
      const options = buildAuthOptions(getEnv());
      const provider = options.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
      const sprayer = { headers: { 'x-forwarded-for': '203.0.113.99', 'user-agent': 'sprayer/1' } };
      for (const email of ['alice@acme.demo', 'bob@acme.demo', 'carol@globex.demo']) {
        expect(await provider.options.authorize({ email, password: 'summer-2026!' }, sprayer)).toBeNull();
      }
      // Even the right password is refused from this address now; another address still signs in.
      await expect(provider.options.authorize({ email: 'alice@acme.demo', password: 'overlook-demo' }, sprayer)).rejects.toThrow(TOO_MANY_SIGN_INS);
      const elsewhere = { headers: { 'x-forwarded-for': '192.0.2.10', 'user-agent': 'browser/1' } };
      expect(await provider.options.authorize({ email: 'alice@acme.demo', password: 'overlook-demo' }, elsewhere)).toMatchObject({ email: 'alice@acme.demo' });
      const list = (await (await call(auditRoute.GET as Handler, '/api/v1/audit?action=sign-in&outcome=denied', { token: tokens.admin })).json()) as AuditListResponse;
      const throttled = list.items.filter((e) => e.clientIp === '203.0.113.99' && e.reason?.startsWith('too many failed sign-ins from this address'));
      expect(throttled).toHaveLength(1);
      expect(throttled[0].actor.email).toBe('alice@acme.demo');
      // The throttle counted failures only per address: bob's account was not locked by it.
      expect(list.items.filter((e) => e.clientIp === '203.0.113.99')).toHaveLength(4);
    } finally {
      setSignInThrottle(undefined);
    }
  });

  it('tenant admins read their own tenant’s events only; viewers not at all', async () => {
    await recordAuditEvent({ actor: { kind: 'anonymous' }, action: 'pod.restart', outcome: 'allowed', tenant: 'globex', target: { hub: 'cn-east', namespace: 'globex-cameras', kind: 'Pod', name: 'secret-globex-pod' } });
    const alice = await call(auditRoute.GET as Handler, '/api/v1/audit', { token: tokens.alice });
    expect(alice.status).toBe(200);
    const body = (await alice.json()) as AuditListResponse;
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((e) => e.tenant === 'acme')).toBe(true);
    expect(JSON.stringify(body)).not.toContain('secret-globex-pod');
    const asked = (await (await call(auditRoute.GET as Handler, '/api/v1/audit?tenant=globex', { token: tokens.alice })).json()) as AuditListResponse;
    expect(asked.items).toEqual([]);
    expect((await call(auditRoute.GET as Handler, '/api/v1/audit', { token: tokens.bob })).status).toBe(403);
  });

  it('pages with a cursor and filters by target substring and time range', async () => {
    for (let i = 0; i < 5; i++) await recordAuditEvent({ actor: { kind: 'anonymous' }, action: 'node.cordon', outcome: 'allowed', target: { hub: 'cn-east', kind: 'Node', name: `paging-node-${i}` } });
    const first = (await (await call(auditRoute.GET as Handler, '/api/v1/audit?target=paging-node&limit=2', { token: tokens.admin })).json()) as AuditListResponse;
    expect(first.items.map((e) => e.target.name)).toEqual(['paging-node-4', 'paging-node-3']);
    const second = (await (await call(auditRoute.GET as Handler, `/api/v1/audit?target=paging-node&limit=2&cursor=${first.nextCursor}`, { token: tokens.admin })).json()) as AuditListResponse;
    expect(second.items.map((e) => e.target.name)).toEqual(['paging-node-2', 'paging-node-1']);
    const future = (await (await call(auditRoute.GET as Handler, '/api/v1/audit?from=2999-01-01T00:00:00Z', { token: tokens.admin })).json()) as AuditListResponse;
    expect(future.items).toEqual([]);
    const bad = await call(auditRoute.GET as Handler, '/api/v1/audit?from=yesterday', { token: tokens.admin });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.param).toBe('from');
  });

  it('exports CSV with escaping and a header row', async () => {
    await recordAuditEvent({ actor: { kind: 'anonymous', email: 'quote"comma,@x' }, action: 'request', outcome: 'failed', reason: 'line one\nline two', target: { name: '=HYPERLINK("x")' } });
    const response = await call(exportRoute.GET as Handler, '/api/v1/audit/export.csv?outcome=failed', { token: tokens.admin });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await response.text();
    const [header] = text.split('\r\n');
    expect(header.startsWith('time,actor_kind,actor_email')).toBe(true);
    expect(text).toContain('"quote""comma,@x"');
    expect(text).toContain('"line one\nline two"');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
  });

  it('is append-only in the database', async () => {
    await expect(database.prisma.$executeRawUnsafe('UPDATE audit_events SET action = \'x\'')).rejects.toThrow();
    await expect(database.prisma.$executeRawUnsafe('DELETE FROM audit_events')).rejects.toThrow();
    expect(await database.prisma.auditEvent.count()).toBeGreaterThan(0);
  });
});
