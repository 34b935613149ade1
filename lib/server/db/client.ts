import 'server-only';

import { mkdir } from 'node:fs/promises';

import { acquireDirectoryLock } from './directory-lock';

import { PrismaClient } from '@/lib/generated/prisma/client';
import { getEnv } from '@/lib/server/env';
import { childLogger } from '@/lib/server/logger';

import { applyMigrations, migratePostgres, pgliteMigrationConnection, type MigrationResult } from './migrate';

const log = childLogger({ module: 'db' });

/** PostgreSQL by URL, or embedded PGlite in a directory (`memory://` for a throwaway in-memory one). */
export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };

export type OpenDatabase = {
  prisma: PrismaClient;
  target: DatabaseTarget;
  migrations: MigrationResult;
  /** Closes Prisma and, for PGlite, the embedded database (tests and scripts). */
  close(): Promise<void>;
};

/**
 * Opens a database, applies pending migrations, and returns a Prisma client bound to it.
 * Exported for tests and scripts; the app uses the `getDb()` singleton.
 */
export async function openDatabase(
  target: DatabaseTarget,
  options: { migrationsDir?: string } = {},
): Promise<OpenDatabase> {
  const migrationLog = (message: string) => log.info(message);
  if (target.kind === 'postgres') {
    const migrations = await migratePostgres(target.url, { dir: options.migrationsDir, log: migrationLog });
    const { PrismaPg } = await import('@prisma/adapter-pg');
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    return { prisma, target, migrations, close: () => prisma.$disconnect() };
  }

  // PGlite does not create its parent folder; it also must be opened by one process only.
  // Two processes on one PGlite directory corrupt it, so a lock file guards it.
  // `memory://` (tests) is private to this process and needs neither folder nor lock.
  const inMemory = target.dir.startsWith('memory://');
  if (!inMemory) await mkdir(target.dir, { recursive: true });
  const releaseLock = inMemory ? () => {} : acquireDirectoryLock(target.dir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    const pglite = new PGlite(target.dir);
    await pglite.waitReady;
    const migrations = await applyMigrations(pgliteMigrationConnection(pglite), {
      dir: options.migrationsDir,
      log: migrationLog,
    }).catch(async (error: unknown) => {
      await pglite.close().catch(() => {});
      throw error;
    });
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      prisma,
      target,
      migrations,
      async close() {
        await prisma.$disconnect();
        if (!pglite.closed) await pglite.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** Where this process's configuration says the database is. */
export function configuredDatabaseTarget(): DatabaseTarget {
  const env = getEnv();
  return env.databaseUrl ? { kind: 'postgres', url: env.databaseUrl } : { kind: 'pglite', dir: env.pgliteDir };
}

// On globalThis so `next dev` hot reloads reuse one client (and one PGlite) per process.
const globalForDb = globalThis as unknown as { overlookDb?: Promise<OpenDatabase> };

/** The process's database, migrated before first use. */
export function getOpenDatabase(): Promise<OpenDatabase> {
  if (!globalForDb.overlookDb) {
    const opening = openDatabase(configuredDatabaseTarget());
    globalForDb.overlookDb = opening;
    // A failed open must not be cached forever: the next caller retries (e.g. PostgreSQL came up).
    opening.catch(() => {
      if (globalForDb.overlookDb === opening) globalForDb.overlookDb = undefined;
    });
  }
  return globalForDb.overlookDb;
}

export async function getDb(): Promise<PrismaClient> {
  return (await getOpenDatabase()).prisma;
}

/** Makes `getDb()` return this database (tests use an in-memory PGlite; tools may share one). */
export function provideDatabase(database: Promise<OpenDatabase>): void {
  globalForDb.overlookDb = database;
}

/** For tests and scripts: closes the singleton so the process can exit. */
export async function closeDb(): Promise<void> {
  const opening = globalForDb.overlookDb;
  globalForDb.overlookDb = undefined;
  if (opening) await (await opening).close();
}
