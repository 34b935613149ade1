import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

import { openDatabase } from '@/lib/server/db/client';
import {
  applyMigrations,
  DEFAULT_MIGRATIONS_DIR,
  MigrationDriftError,
  migratePostgres,
  migrationChecksum,
  pgliteMigrationConnection,
  readLocalMigrations,
} from '@/lib/server/db/migrate';

import { createThrowawayDatabase } from './postgres';

const scratch = mkdtempSync(path.join(tmpdir(), 'overlook-migrations-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A private copy of prisma/migrations that a test may tamper with. */
function copyMigrations(name: string): string {
  const dir = path.join(scratch, name);
  cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

const EXPECTED_TABLES = ['_prisma_migrations', 'api_tokens', 'audit_events', 'hubs', 'invitations', 'role_bindings', 'tenant_namespaces', 'tenants', 'users'];

describe('migration files', () => {
  it('are ordered, non-empty and checksummed like Prisma (sha256 hex)', async () => {
    const migrations = await readLocalMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());
    for (const migration of migrations) {
      expect(migration.sql).toMatch(/CREATE TABLE/);
      expect(migration.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(migration.checksum).toBe(migrationChecksum(migration.sql));
    }
  });
});

describe('migrations on PGlite', () => {
  it('apply from empty, re-run as a no-op, and refuse a changed migration', async () => {
    const dir = path.join(scratch, 'pglite');
    const migrationsDir = copyMigrations('pglite-migrations');
    const local = await readLocalMigrations(migrationsDir);

    const first = await openDatabase({ kind: 'pglite', dir }, { migrationsDir });
    try {
      expect(first.migrations.applied).toEqual(local.map((m) => m.name));
      const tables = await first.prisma.$queryRaw<Array<{ table_name: string }>>`
        SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
      expect(tables.map((t) => t.table_name)).toEqual(EXPECTED_TABLES);
    } finally {
      await first.close();
    }

    const second = await openDatabase({ kind: 'pglite', dir }, { migrationsDir });
    expect(second.migrations.applied).toEqual([]);
    expect(second.migrations.alreadyApplied).toEqual(local.map((m) => m.name));
    await second.close();

    appendFileSync(path.join(migrationsDir, local[0].name, 'migration.sql'), '\n-- edited after release\n');
    const drift = await openDatabase({ kind: 'pglite', dir }, { migrationsDir }).catch((error: unknown) => error);
    expect(drift).toBeInstanceOf(MigrationDriftError);
    expect((drift as Error).message).toMatch(new RegExp(`Migration ${local[0].name} was changed after it was applied`));
  });

  it('refuses a second opener of the same directory while the first holds it', async () => {
    const dir = path.join(scratch, 'pglite-locked');
    const first = await openDatabase({ kind: 'pglite', dir });
    try {
      await expect(openDatabase({ kind: 'pglite', dir })).rejects.toThrow(/already open in process/);
    } finally {
      await first.close();
    }
    // Released on close.
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it('rolls back a failing migration completely and records nothing', async () => {
    const migrationsDir = copyMigrations('broken-migrations');
    const brokenDir = path.join(migrationsDir, '99990101000000_broken');
    mkdirSync(brokenDir);
    writeFileSync(path.join(brokenDir, 'migration.sql'), 'CREATE TABLE "half" (id int);\nSELECT * FROM missing_table;\n');
    const pglite = new PGlite();
    try {
      const connection = pgliteMigrationConnection(pglite);
      await expect(applyMigrations(connection, { dir: migrationsDir })).rejects.toThrow(
        /Migration 99990101000000_broken failed and was rolled back/,
      );
      const half = await pglite.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half'",
      );
      expect(half.rows[0].n).toBe(0);
      const recorded = await pglite.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations"');
      expect(recorded.rows.map((r) => r.migration_name)).not.toContain('99990101000000_broken');
      // The migrations before it stay applied; once fixed, the run completes.
      expect(recorded.rows).toHaveLength((await readLocalMigrations(migrationsDir)).length - 1);
      writeFileSync(path.join(brokenDir, 'migration.sql'), 'CREATE TABLE "half" (id int);\n');
      expect((await applyMigrations(connection, { dir: migrationsDir })).applied).toEqual(['99990101000000_broken']);
    } finally {
      await pglite.close();
    }
  });
});

const postgres = await createThrowawayDatabase('migrations');

describe.skipIf(!postgres)('migrations on PostgreSQL', () => {
  afterAll(async () => {
    await postgres?.drop();
  });

  it('apply once even when two processes start at the same time, then detect drift', async () => {
    const url = postgres!.url;
    const migrationsDir = copyMigrations('postgres-migrations');
    const local = await readLocalMigrations(migrationsDir);

    // Two concurrent runners on separate connections: the advisory lock makes them take turns.
    const [a, b] = await Promise.all([migratePostgres(url, { dir: migrationsDir }), migratePostgres(url, { dir: migrationsDir })]);
    expect([...a.applied, ...b.applied]).toEqual(local.map((m) => m.name));
    expect([...a.alreadyApplied, ...b.alreadyApplied]).toEqual(local.map((m) => m.name));

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const rows = await client.query(
        'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"',
      );
      expect(rows.rows).toHaveLength(local.length);
      expect(rows.rows[0].checksum).toBe(local[0].checksum);
      expect(rows.rows[0].finished_at).not.toBeNull();
      const tables = await client.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(tables.rows.map((t) => t.table_name)).toEqual(EXPECTED_TABLES);
    } finally {
      await client.end();
    }

    const rerun = await migratePostgres(url, { dir: migrationsDir });
    expect(rerun.applied).toEqual([]);

    appendFileSync(path.join(migrationsDir, local[0].name, 'migration.sql'), '\n-- edited after release\n');
    await expect(migratePostgres(url, { dir: migrationsDir })).rejects.toThrow(MigrationDriftError);
  });

  it('opens a Prisma client on the migrated database', async () => {
    const database = await openDatabase({ kind: 'postgres', url: postgres!.url });
    try {
      expect(await database.prisma.user.count()).toBe(0);
    } finally {
      await database.close();
    }
  });
});
