/**
 * Invitation links end to end on a memory PGlite, through the real route handlers: a tenant admin
 * invites an unknown email and gets a one-time link; the link shows who is invited where, sets the
 * password once, signs in; expired, used and replaced links are refused; tenants stay isolated; the
 * audit trail records create/accept and never the token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import * as adminInvitationRoute from '@/app/api/v1/admin/users/[id]/invitation/route';
import * as invitationRoute from '@/app/api/v1/invitations/[token]/route';
import * as memberInvitationRoute from '@/app/api/v1/tenants/[slug]/members/[userId]/invitation/route';
import * as membersRoute from '@/app/api/v1/tenants/[slug]/members/route';
import type { InvitationInfo, InvitationLink } from '@/lib/contracts/invitations';
import type { AddTenantMemberResponse } from '@/lib/contracts/tenancy';
import { hashInvitationToken } from '@/lib/server/auth/invitations';
import { buildAuthOptions } from '@/lib/server/auth/options';
import type { OpenDatabase } from '@/lib/server/db/client';
import { getEnv } from '@/lib/server/env';

import { callRoute, startDemoDatabase, type CallOptions, type DemoDatabase, type RouteHandler } from '../support/demo-database';

let fx: DemoDatabase;
let database: OpenDatabase;
let tokens: Record<string, string>;
let userIds: Record<string, string>;

type Handler = RouteHandler;
const call = (handler: Handler, url: string, options: CallOptions = {}) => callRoute(handler, url, { userAgent: 'invitation-test/1.0', forwardedFor: '198.51.100.23', ...options });

const tokenOf = (path: string) => path.replace(/^\/invite\//, '');
const lookup = (token: string) => call(invitationRoute.GET as Handler, `/api/v1/invitations/${token}`, { params: { token } });
const accept = (token: string, body: unknown) => call(invitationRoute.POST as Handler, `/api/v1/invitations/${token}`, { method: 'POST', params: { token }, body });
const newLink = (slug: string, userId: string, token: string) =>
  call(memberInvitationRoute.POST as Handler, `/api/v1/tenants/${slug}/members/${userId}/invitation`, { method: 'POST', token, params: { slug, userId } });

async function invite(email: string, as = tokens.carol, slug = 'globex'): Promise<AddTenantMemberResponse> {
  const response = await call(membersRoute.POST as Handler, `/api/v1/tenants/${slug}/members`, {
    method: 'POST',
    token: as,
    params: { slug },
    body: { email, role: 'tenant-viewer' },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as AddTenantMemberResponse;
}

const issued: string[] = [];

beforeAll(async () => {
  fx = await startDemoDatabase('invitation-test-secret-0123456789abcdef01', { admin: 'admin@overlook.demo', alice: 'alice@acme.demo', carol: 'carol@globex.demo' });
  ({ database, tokens, userIds } = fx);
}, 120_000);

afterAll(async () => {
  await fx?.stop();
});

describe('invitation links', () => {
  let newUserId = '';

  it('a tenant admin invites an unknown email and gets a one-time link that sets the password and signs in', async () => {
    const added = await invite('New@Globex.example');
    expect(added.invited).toBe(true);
    expect(added.item).toMatchObject({ email: 'new@globex.example', status: 'invited' });
    expect(added.invitation?.path).toMatch(/^\/invite\/olki_[A-Za-z0-9_-]{43}$/);
    const expiresIn = Date.parse(added.invitation!.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(6.9 * 86_400_000);
    expect(expiresIn).toBeLessThanOrEqual(7 * 86_400_000);
    newUserId = added.item.userId;
    const token = tokenOf(added.invitation!.path);
    issued.push(token);

    const info = await lookup(token);
    expect(info.status).toBe(200);
    expect((await info.json()) as InvitationInfo).toMatchObject({ email: 'new@globex.example', name: 'new', tenants: [{ slug: 'globex', displayName: expect.any(String) }] });

    const short = await accept(token, { password: 'short' });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ error: { param: 'password', message: expect.stringContaining('at least 12') } });
    expect((await accept(token, { password: 'long-enough-password', name: '' })).status).toBe(400);

    const accepted = await accept(token, { password: 'new-member-password-1', name: 'Nova Globex' });
    expect(accepted.status).toBe(204);

    const provider = buildAuthOptions(getEnv()).providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
    const req = { headers: { 'x-forwarded-for': '192.0.2.31', 'user-agent': 'browser/1' } };
    expect(await provider.options.authorize({ email: 'new@globex.example', password: 'new-member-password-1' }, req)).toMatchObject({ email: 'new@globex.example', name: 'Nova Globex' });

    // Used once: both reading and accepting it again answer 404.
    const again = await accept(token, { password: 'another-password-22' });
    expect(again.status).toBe(404);
    expect((await again.json()).error.message).toMatch(/not valid or has already been used/);
    expect((await lookup(token)).status).toBe(404);
    expect(await provider.options.authorize({ email: 'new@globex.example', password: 'another-password-22' }, req)).toBeNull();

    // Active now: no more links for them (409), neither from the tenant admin nor from a platform admin.
    expect((await newLink('globex', newUserId, tokens.carol)).status).toBe(409);
    const admin = await call(adminInvitationRoute.POST as Handler, `/api/v1/admin/users/${newUserId}/invitation`, { method: 'POST', token: tokens.admin, params: { id: newUserId } });
    expect(admin.status).toBe(409);
  });

  it('an expired link answers 410, unknown tokens 404', async () => {
    const added = await invite('late@globex.example');
    const token = tokenOf(added.invitation!.path);
    issued.push(token);
    await database.prisma.invitation.update({ where: { tokenHash: hashInvitationToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await lookup(token);
    expect(expired.status).toBe(410);
    expect((await expired.json()).error.message).toMatch(/expired; ask whoever invited you for a new link/);
    expect((await accept(token, { password: 'late-member-password' })).status).toBe(410);
    expect((await lookup('olki_nope')).status).toBe(404);
    expect((await lookup('not-a-token')).status).toBe(404);
  });

  it('a new link revokes the old one; tenants stay isolated; platform admins can make links too', async () => {
    const added = await invite('again@globex.example');
    const first = tokenOf(added.invitation!.path);
    const fresh = await newLink('globex', added.item.userId, tokens.carol);
    expect(fresh.status).toBe(201);
    const second = tokenOf(((await fresh.json()) as InvitationLink).path);
    issued.push(first, second);
    expect(second).not.toBe(first);
    expect((await lookup(first)).status).toBe(404);
    expect((await lookup(second)).status).toBe(200);

    // Alice (acme) cannot make a link for a globex member, neither through globex nor through acme.
    expect([403, 404]).toContain((await newLink('globex', added.item.userId, tokens.alice)).status);
    expect((await newLink('acme', added.item.userId, tokens.alice)).status).toBe(404);
    // Nor via the admin route.
    const viaAdmin = await call(adminInvitationRoute.POST as Handler, `/api/v1/admin/users/${added.item.userId}/invitation`, { method: 'POST', token: tokens.alice, params: { id: added.item.userId } });
    expect(viaAdmin.status).toBe(403);

    const byAdmin = await call(adminInvitationRoute.POST as Handler, `/api/v1/admin/users/${added.item.userId}/invitation`, { method: 'POST', token: tokens.admin, params: { id: added.item.userId } });
    expect(byAdmin.status).toBe(201);
    const third = tokenOf(((await byAdmin.json()) as InvitationLink).path);
    issued.push(third);
    expect((await lookup(second)).status).toBe(404);
    expect((await lookup(third)).status).toBe(200);

    // Someone with a password gets no link (409).
    expect((await newLink('globex', userIds.carol, tokens.carol)).status).toBe(409);
    const adminForCarol = await call(adminInvitationRoute.POST as Handler, `/api/v1/admin/users/${userIds.carol}/invitation`, { method: 'POST', token: tokens.admin, params: { id: userIds.carol } });
    expect(adminForCarol.status).toBe(409);
    // A disabled account gets no link either.
    await database.prisma.user.update({ where: { id: added.item.userId }, data: { disabled: true } });
    expect((await newLink('globex', added.item.userId, tokens.carol)).status).toBe(409);
    expect((await lookup(third)).status).toBe(404);
  });

  it('audits create and accept (filed under globex, actor the invited user) and never records a token', async () => {
    const created = await database.prisma.auditEvent.findMany({ where: { action: 'invitation.create' } });
    expect(created.some((e) => e.outcome === 'allowed' && e.actorEmail === 'carol@globex.demo' && e.tenant === 'globex' && e.targetName === 'again@globex.example')).toBe(true);
    expect(created.some((e) => e.outcome === 'denied' && e.actorEmail === 'alice@acme.demo')).toBe(true);
    const accepted = await database.prisma.auditEvent.findMany({ where: { action: 'invitation.accept' } });
    expect(accepted.find((e) => e.outcome === 'allowed')).toMatchObject({ actorKind: 'user', actorUserId: newUserId, actorEmail: 'new@globex.example', tenant: 'globex', status: 204 });
    // A refused body is recorded before the handler runs: as a request to the path, with the token redacted.
    const badBody = await database.prisma.auditEvent.findMany({ where: { status: 400, targetKind: 'Route' } });
    expect(badBody.map((e) => e.targetName)).toContain('POST /api/v1/invitations/<token>');
    expect(accepted.some((e) => e.status === 410)).toBe(true);
    const everything = JSON.stringify(await database.prisma.auditEvent.findMany(), (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    expect(issued.length).toBeGreaterThan(3);
    expect(everything).not.toContain('olki_');
    for (const token of issued) {
      expect(everything).not.toContain(token.slice(5, 25));
      expect(everything).not.toContain(hashInvitationToken(token));
    }
  });
});
