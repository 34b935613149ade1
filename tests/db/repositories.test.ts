import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/lib/server/auth/demo-accounts';
import { createPlatformAdmin } from '@/lib/server/auth/admin-setup';
import { LOCKOUT_THRESHOLD } from '@/lib/server/auth/lockout';
import { hashPassword } from '@/lib/server/auth/password';
import { seedDemoAccounts } from '@/lib/server/auth/seed-demo';
import { authenticateWithPassword } from '@/lib/server/auth/sign-in';
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from '@/lib/server/auth/token-service';
import type { OpenDatabase } from '@/lib/server/db/client';
import { isUniqueViolation } from '@/lib/server/db/errors';
import { roleBindingsRepository } from '@/lib/server/db/role-bindings';
import { usersRepository } from '@/lib/server/db/users';

import { testDatabases } from './databases';

const databases = await testDatabases('repositories');

describe.each(databases)('repositories on $label', (database) => {
  let db: OpenDatabase;
  beforeAll(async () => {
    db = await database.open();
  });
  afterAll(async () => {
    await db?.close();
    await database.cleanup();
  });

  it('round-trips users with lowercased unique emails and no password hash in records', async () => {
    const users = usersRepository(db.prisma);
    const created = await users.create({ email: '  Grace@Example.COM ', name: 'Grace', passwordHash: 'x', locale: 'zh-CN' });
    expect(created.email).toBe('grace@example.com');
    expect(created).not.toHaveProperty('passwordHash');
    expect(await users.findByEmail('GRACE@example.com')).toMatchObject({ id: created.id, locale: 'zh-CN' });
    expect((await users.findCredentialsByEmail('grace@example.com'))?.passwordHash).toBe('x');
    // Recognising this on both back ends is what lets seedDemoAccounts tolerate a concurrent replica.
    const duplicate = await users.create({ email: 'grace@EXAMPLE.com', name: 'Dup', passwordHash: null }).catch((e: unknown) => e);
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isUniqueViolation(new Error('connection refused'))).toBe(false);
    await users.setDisabled(created.id, true);
    expect((await users.findById(created.id))?.disabled).toBe(true);
  });

  it('round-trips role bindings with scopes as columns (empty = all)', async () => {
    const user = await usersRepository(db.prisma).create({ email: 'scoped@example.com', name: 'S', passwordHash: null });
    const bindings = roleBindingsRepository(db.prisma);
    await bindings.add(user.id, { role: 'operator', scope: { hubs: ['cn-east', 'cn-north'] } });
    await bindings.add(user.id, { role: 'tenant-viewer', scope: { tenant: 'acme', regions: ['cn-east'] } });
    await bindings.add(user.id, { role: 'auditor', scope: {} });
    const listed = await bindings.listForUser(user.id);
    expect(listed.map(({ role, scope }) => ({ role, scope }))).toEqual([
      { role: 'operator', scope: { hubs: ['cn-east', 'cn-north'] } },
      { role: 'tenant-viewer', scope: { tenant: 'acme', regions: ['cn-east'] } },
      { role: 'auditor', scope: {} },
    ]);
    expect(await bindings.remove(user.id, listed[2].id)).toBe(true);
    expect(await bindings.listForUser(user.id)).toHaveLength(2);
  });

  it('signs in, then locks the account after repeated failures', async () => {
    const users = usersRepository(db.prisma);
    const user = await users.create({
      email: 'lock@example.com',
      name: 'L',
      passwordHash: await hashPassword('correct horse battery'),
    });
    const now = new Date('2026-12-01T10:00:00Z');
    expect(await authenticateWithPassword(db.prisma, 'LOCK@example.com', 'correct horse battery', now)).toMatchObject({
      ok: true,
    });
    expect(await authenticateWithPassword(db.prisma, 'nobody@example.com', 'whatever', now)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    for (let i = 0; i < LOCKOUT_THRESHOLD; i += 1) {
      expect(await authenticateWithPassword(db.prisma, 'lock@example.com', 'wrong', now)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    const locked = await users.findById(user.id);
    expect(locked?.failedSignIns).toBe(LOCKOUT_THRESHOLD);
    expect(locked?.lockedUntil?.getTime()).toBe(now.getTime() + 15 * 60_000);
    // Even the right password is refused while locked…
    expect(await authenticateWithPassword(db.prisma, 'lock@example.com', 'correct horse battery', now)).toEqual({
      ok: false,
      reason: 'locked',
    });
    // …and accepted once the lock expires, which also resets the counter.
    const later = new Date(now.getTime() + 16 * 60_000);
    expect(await authenticateWithPassword(db.prisma, 'lock@example.com', 'correct horse battery', later)).toMatchObject({
      ok: true,
    });
    expect((await users.findById(user.id))?.failedSignIns).toBe(0);

    await users.setDisabled(user.id, true);
    expect(await authenticateWithPassword(db.prisma, 'lock@example.com', 'correct horse battery', later)).toEqual({
      ok: false,
      reason: 'disabled',
    });
  });

  it('creates, authenticates, lists and revokes API tokens', async () => {
    const owner = await usersRepository(db.prisma).create({ email: 'tok@example.com', name: 'T', passwordHash: null });
    const other = await usersRepository(db.prisma).create({ email: 'other@example.com', name: 'O', passwordHash: null });
    const now = new Date('2026-12-01T10:00:00Z');
    const created = await createApiToken(db.prisma, owner.id, { name: 'ci', scopes: ['read'], expiresInDays: 1 }, now);
    expect(created.token).toMatch(/^olk_[a-z2-7]{10}_[A-Za-z0-9_-]{43}$/);
    expect(created.item).toMatchObject({ name: 'ci', scopes: ['read'], expiresAt: '2026-12-02T10:00:00.000Z' });

    const authenticated = await authenticateApiToken(db.prisma, created.token, now);
    expect(authenticated).toMatchObject({ id: created.item.id, userId: owner.id, scopes: ['read'] });
    expect(authenticated).not.toHaveProperty('tokenHash');
    expect((await listApiTokens(db.prisma, owner.id))[0].lastUsedAt).toBe(now.toISOString());

    // A wrong secret with a real prefix, an expired token, and a revoked one all fail.
    const tampered = created.token.slice(0, -1) + (created.token.endsWith('A') ? 'B' : 'A');
    expect(await authenticateApiToken(db.prisma, tampered, now)).toBeNull();
    expect(await authenticateApiToken(db.prisma, created.token, new Date('2026-12-03T00:00:00Z'))).toBeNull();

    await expect(revokeApiToken(db.prisma, other.id, created.item.id)).rejects.toMatchObject({ status: 404 });
    const revoked = await revokeApiToken(db.prisma, owner.id, created.item.id);
    expect(revoked.revokedAt).not.toBeNull();
    expect(await authenticateApiToken(db.prisma, created.token, now)).toBeNull();
    await expect(revokeApiToken(db.prisma, owner.id, created.item.id)).rejects.toMatchObject({ status: 404 });
    expect(await listApiTokens(db.prisma, other.id)).toEqual([]);
  });

  it('seeds the demo accounts idempotently, with their role bindings', async () => {
    expect(await seedDemoAccounts(db.prisma)).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
    expect(await seedDemoAccounts(db.prisma)).toEqual([]);
    const eastOps = await usersRepository(db.prisma).findByEmail('ops-east@overlook.demo');
    const bindings = await roleBindingsRepository(db.prisma).listForUser(eastOps!.id);
    expect(bindings.map(({ role, scope }) => ({ role, scope }))).toEqual([{ role: 'operator', scope: { hubs: ['cn-east'] } }]);
    expect(await authenticateWithPassword(db.prisma, 'alice@acme.demo', DEMO_PASSWORD)).toMatchObject({ ok: true });
  });

  it('creates a platform admin and refuses short passwords and duplicates', async () => {
    await expect(createPlatformAdmin(db.prisma, { email: 'root@example.com', password: 'short' })).rejects.toThrow(
      /at least 12 characters/,
    );
    const admin = await createPlatformAdmin(db.prisma, { email: 'Root@Example.com', password: 'long enough pass' });
    expect(admin.name).toBe('root');
    expect(await roleBindingsRepository(db.prisma).countWithRole('platform-admin')).toBeGreaterThanOrEqual(1);
    await expect(createPlatformAdmin(db.prisma, { email: 'root@example.com', password: 'long enough pass' })).rejects.toThrow(
      /already exists/,
    );
  });
});
