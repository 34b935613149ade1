/**
 * Registered hubs in each database back end (PGlite always, PostgreSQL when reachable): stored
 * encrypted, loaded again by a fresh HubManager (a restart) and synced from the real simulator,
 * credentials rotated, deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { OpenDatabase } from '@/lib/server/db/client';
import { decryptCredentials, keyIdOf } from '@/lib/server/hubs/credential-crypto';
import { createHub, deleteHub, getHub, loadRegisteredHubs, reconcileRegisteredHubs, updateHub, type RegisteredHubsContext } from '@/lib/server/hubs/registered-hubs';
import { testDatabases } from '@/tests/db/databases';
import { eventually } from '@/tests/fleet/support';

import { DATACENTER_LABEL, startHubsFixture, type HubsFixture } from './support';

const databases = await testDatabases('hubs');
let fx: HubsFixture;

beforeAll(async () => {
  fx = await startHubsFixture({ hubs: 2 });
}, 120_000);

afterAll(async () => {
  await fx?.stop();
});

describe.each(databases)('registered hubs on $label', (database) => {
  let open: OpenDatabase;
  let ctx: RegisteredHubsContext;

  beforeAll(async () => {
    open = await database.open();
    ctx = { db: open.prisma, manager: fx.newManager(), env: { secretKey: fx.key, datacenterLabel: DATACENTER_LABEL } };
  }, 60_000);

  afterAll(async () => {
    await ctx?.manager.stop();
    await open?.close();
    await database.cleanup();
  });

  it('stores a tested hub with an envelope only, and a restart loads and syncs it', async () => {
    const south = fx.hubs[1];
    const created = await createHub(ctx, { name: south.name, server: south.server, ca: south.caPem, credentials: { kind: 'token', token: south.token }, skipConnectionTest: false }, { userId: 'nobody', email: 'admin@hubs.test' });
    expect(created.test?.ok).toBe(true);
    expect(created.item).toMatchObject({ source: 'registered', credentialKind: 'token', createdBy: null });
    const rows = await open.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>('SELECT * FROM hubs');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain(south.token);
    expect(String(rows[0].encryptedCredentials)).toMatch(new RegExp(`^v1\\.${keyIdOf(fx.key)}\\.`));

    const restarted: RegisteredHubsContext = { ...ctx, manager: fx.newManager() };
    expect(await loadRegisteredHubs(restarted)).toEqual({ added: [south.name], problems: [] });
    expect(await restarted.manager.get(south.name)?.waitForSync(60_000)).toBe(true);
    // Synced; `connected` also needs the first health probe's answer.
    await eventually(async () => expect((await getHub(restarted, south.name)).status).toBe('connected'));
    await restarted.manager.stop();
  });

  it('after a change of OVERLOOK_SECRET_KEY, entering the credentials again re-encrypts them with the new key', async () => {
    const south = fx.hubs[1];
    const newKey = Buffer.alloc(32, 9);
    const rotated: RegisteredHubsContext = { ...ctx, manager: fx.newManager(), env: { ...ctx.env, secretKey: newKey } };
    const loaded = await loadRegisteredHubs(rotated);
    expect(loaded.problems[0]?.problem).toContain(`key id ${keyIdOf(newKey)}, stored with ${keyIdOf(fx.key)}`);
    // Anything that needs the old credentials says so (409), naming what to do.
    await expect(updateHub(rotated, south.name, { server: south.server, skipConnectionTest: false })).rejects.toMatchObject({ status: 409, code: 'credentials_unreadable' });
    const updated = await updateHub(rotated, south.name, { credentials: { kind: 'token', token: south.token }, skipConnectionTest: false });
    expect(updated.test?.ok).toBe(true);
    expect(updated.item.problem).toBeNull();
    const row = await open.prisma.hub.findUniqueOrThrow({ where: { name: south.name } });
    expect(row.encryptedCredentials.startsWith(`v1.${keyIdOf(newKey)}.`)).toBe(true);
    await rotated.manager.stop();
    // Back to the original key for the next test.
    await updateHub({ ...ctx, manager: fx.newManager() }, south.name, { credentials: { kind: 'token', token: south.token }, skipConnectionTest: true });
  });

  it('rotates to the read-only token and deletes the hub', async () => {
    const south = fx.hubs[1];
    const updated = await updateHub(ctx, south.name, { credentials: { kind: 'token', token: south.readOnlyToken }, skipConnectionTest: false });
    expect(updated.test?.ok).toBe(true);
    const row = await open.prisma.hub.findUniqueOrThrow({ where: { name: south.name } });
    expect(JSON.parse(decryptCredentials(row.encryptedCredentials, fx.key, south.name))).toEqual({ kind: 'token', token: south.readOnlyToken });
    await deleteHub(ctx, south.name);
    expect(ctx.manager.has(south.name)).toBe(false);
    expect(await open.prisma.hub.count()).toBe(0);
  });

  it('another replica (its own HubManager on the same database) follows registrations, changes and deletions', async () => {
    const south = fx.hubs[1];
    const other: RegisteredHubsContext = { ...ctx, manager: fx.newManager() };
    expect(await reconcileRegisteredHubs(other)).toEqual({ added: [], removed: [], problems: [] });

    await createHub(ctx, { name: south.name, server: south.server, ca: south.caPem, credentials: { kind: 'token', token: south.token }, skipConnectionTest: true }, { userId: 'nobody', email: 'admin@hubs.test' });
    expect((await getHub(other, south.name)).problem).toMatch(/not connected yet/);
    expect(await reconcileRegisteredHubs(other)).toMatchObject({ added: [south.name], removed: [] });
    expect(await other.manager.get(south.name)?.waitForSync(60_000)).toBe(true);
    // Unchanged rows are left alone (no reconnect).
    const connection = other.manager.get(south.name);
    expect(await reconcileRegisteredHubs(other)).toMatchObject({ added: [], removed: [] });
    expect(other.manager.get(south.name)).toBe(connection);

    await updateHub(ctx, south.name, { credentials: { kind: 'token', token: south.readOnlyToken }, skipConnectionTest: true });
    expect(await reconcileRegisteredHubs(other)).toMatchObject({ added: [south.name] });
    expect(other.manager.get(south.name)?.definition.kubeConfig.getCurrentUser()?.token).toBe(south.readOnlyToken);

    await deleteHub(ctx, south.name);
    expect(await reconcileRegisteredHubs(other)).toMatchObject({ removed: [south.name] });
    expect(other.manager.has(south.name)).toBe(false);
    await other.manager.stop();
  });
});
