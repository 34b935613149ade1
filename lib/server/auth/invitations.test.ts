import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, openDatabase, type OpenDatabase } from '@/lib/server/db/client';

import { acceptInvitation, createInvitation, hashInvitationToken, lookupInvitation } from './invitations';
import { verifyPassword } from './password';
import { authGeneration } from './principal-cache';

let database: OpenDatabase;

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite', dir: 'memory://' });
});
afterAll(() => closeDb());

async function invitedUser(email: string): Promise<string> {
  return (await database.prisma.user.create({ data: { email, name: email.split('@')[0], passwordHash: null } })).id;
}

describe('invitations', () => {
  it('makes olki_ tokens from 32 random bytes, stores only their sha256 and expires them after 7 days', async () => {
    const userId = await invitedUser('token@example.test');
    const now = new Date('2026-12-01T12:00:00Z');
    const link = await createInvitation(database.prisma, userId, null, now);
    const token = link.path.replace('/invite/', '');
    expect(token).toMatch(/^olki_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(5), 'base64url')).toHaveLength(32);
    expect(link.expiresAt).toBe('2026-12-08T12:00:00.000Z');
    const rows = await database.prisma.invitation.findMany({ where: { userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashInvitationToken(token));
    expect(rows[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token.slice(5));
    await expect(lookupInvitation(database.prisma, token, new Date('2026-12-08T11:59:59Z'))).resolves.toMatchObject({ email: 'token@example.test', tenants: [] });
    await expect(lookupInvitation(database.prisma, token, new Date('2026-12-08T12:00:00Z'))).rejects.toMatchObject({ status: 410 });
  });

  it('accepts once: sets an argon2id hash, marks the link used and bumps the auth generation; a second, concurrent accept gets 404', async () => {
    const userId = await invitedUser('race@example.test');
    const token = (await createInvitation(database.prisma, userId, null)).path.replace('/invite/', '');
    const generation = authGeneration();
    const results = await Promise.allSettled([
      acceptInvitation(database.prisma, token, { password: 'first-password-123', name: 'Racer' }),
      acceptInvitation(database.prisma, token, { password: 'second-password-123' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { status: 404 } });
    const user = await database.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const first = await verifyPassword(user.passwordHash, 'first-password-123');
    const second = await verifyPassword(user.passwordHash, 'second-password-123');
    expect(first !== second).toBe(true);
    expect(authGeneration()).toBeGreaterThan(generation);
    expect((await database.prisma.invitation.findFirstOrThrow({ where: { userId } })).usedAt).not.toBeNull();
    await expect(lookupInvitation(database.prisma, token)).rejects.toMatchObject({ status: 404 });
  });

  it('a new link revokes the older ones; no links for accounts with a password, disabled or unknown', async () => {
    const userId = await invitedUser('again@example.test');
    const first = (await createInvitation(database.prisma, userId, null)).path.replace('/invite/', '');
    const second = (await createInvitation(database.prisma, userId, 'someone')).path.replace('/invite/', '');
    await expect(lookupInvitation(database.prisma, first)).rejects.toMatchObject({ status: 404 });
    await expect(lookupInvitation(database.prisma, second)).resolves.toMatchObject({ email: 'again@example.test' });
    await database.prisma.user.update({ where: { id: userId }, data: { disabled: true } });
    await expect(createInvitation(database.prisma, userId, null)).rejects.toMatchObject({ status: 409 });
    await expect(lookupInvitation(database.prisma, second)).rejects.toMatchObject({ status: 404 });
    const withPassword = (await database.prisma.user.create({ data: { email: 'has@example.test', name: 'Has', passwordHash: 'x' } })).id;
    await expect(createInvitation(database.prisma, withPassword, null)).rejects.toMatchObject({ status: 409 });
    await expect(createInvitation(database.prisma, 'no-such-user', null)).rejects.toMatchObject({ status: 404 });
    await expect(lookupInvitation(database.prisma, 'olki_unknown')).rejects.toMatchObject({ status: 404 });
  });
});
