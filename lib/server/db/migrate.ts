import 'server-only';

import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Applies prisma/migrations/<name>/migration.sql in name order, one transaction each, and records
 * them in Prisma's own `_prisma_migrations` table (same columns, sha256 checksum) so that
 * `prisma migrate status` agrees with us. We need our own runner because Prisma 6.19's JS engine
 * cannot run `migrate deploy` against PGlite or (reliably) PostgreSQL.
 */

/** The minimal SQL surface the runner needs; implemented for PGlite and node-postgres. */
export type MigrationConnection = {
  /** Parameterised single statement. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** A script of several statements, no parameters. */
  exec(sql: string): Promise<void>;
  /** Serialises concurrent runners across processes (no-op where only one process can connect). */
  lock(): Promise<void>;
  unlock(): Promise<void>;
};

export type LocalMigration = { name: string; sql: string; checksum: string };

export type MigrationResult = { applied: string[]; alreadyApplied: string[]; unknownInDatabase: string[] };

/** The database holds a migration whose file changed after it was applied, or a failed one. */
export class MigrationDriftError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationDriftError';
  }
}

/** Arbitrary constant: all Overlook replicas take the same advisory lock while migrating. */
export const MIGRATION_LOCK_KEY = 72_707_001;

export const DEFAULT_MIGRATIONS_DIR = path.resolve(process.cwd(), 'prisma', 'migrations');

export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

export async function readLocalMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Promise<LocalMigration[]> {
  // turbopackIgnore: the folder is read at run time from the working tree, not traced into the bundle.
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrations: LocalMigration[] = [];
  for (const name of names) {
    let sql: string;
    try {
      sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, 'migration.sql'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    migrations.push({ name, sql, checksum: migrationChecksum(sql) });
  }
  return migrations;
}

// Identical to the table Prisma's migration engine creates.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
};

export async function applyMigrations(
  connection: MigrationConnection,
  options: { dir?: string; log?: (message: string) => void } = {},
): Promise<MigrationResult> {
  const local = await readLocalMigrations(options.dir);
  const log = options.log ?? (() => {});
  await connection.lock();
  try {
    await connection.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await connection.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    const applied = new Map<string, AppliedRow>();
    for (const row of rows) {
      if (row.rolled_back_at !== null) continue;
      if (row.finished_at === null) {
        throw new MigrationDriftError(
          `Migration ${row.migration_name} failed earlier and is recorded as unfinished in _prisma_migrations. ` +
            `Repair the database, then mark it rolled back (npx prisma migrate resolve --rolled-back ${row.migration_name}).`,
        );
      }
      applied.set(row.migration_name, row);
    }

    const localNames = new Set(local.map((migration) => migration.name));
    for (const migration of local) {
      const row = applied.get(migration.name);
      if (row && row.checksum !== migration.checksum) {
        throw new MigrationDriftError(
          `Migration ${migration.name} was changed after it was applied to this database ` +
            `(checksum ${row.checksum.slice(0, 12)}… in the database, ${migration.checksum.slice(0, 12)}… on disk). ` +
            'Never edit an applied migration: restore the file and add a new migration instead.',
        );
      }
    }
    // A newer release may have migrated this database; older code keeps running (rollbacks) but says so.
    const unknownInDatabase = [...applied.keys()].filter((name) => !localNames.has(name));
    if (unknownInDatabase.length > 0) {
      log(`database has migrations this build does not know: ${unknownInDatabase.join(', ')}`);
    }

    const result: MigrationResult = { applied: [], alreadyApplied: [], unknownInDatabase };
    for (const migration of local) {
      if (applied.has(migration.name)) {
        result.alreadyApplied.push(migration.name);
        continue;
      }
      const id = randomUUID();
      await connection.exec('BEGIN');
      try {
        await connection.exec(migration.sql);
        await connection.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [id, migration.checksum, migration.name],
        );
        await connection.exec('COMMIT');
      } catch (error) {
        await connection.exec('ROLLBACK').catch(() => {});
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, {
          cause: error,
        });
      }
      log(`applied migration ${migration.name}`);
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await connection.unlock();
  }
}

type PGliteLike = {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(sql: string): Promise<unknown>;
};

/** PGlite is single-process (one process per data dir), so no lock is needed. */
export function pgliteMigrationConnection(db: PGliteLike): MigrationConnection {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      return (await db.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async lock() {},
    async unlock() {},
  };
}

type PgClientLike = {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
};

/** node-postgres client: a session-level advisory lock makes concurrent replicas take turns. */
export function pgMigrationConnection(client: PgClientLike): MigrationConnection {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as Row[];
    },
    async exec(sql: string) {
      // Without parameters node-postgres uses the simple protocol, which accepts several statements.
      await client.query(sql);
    },
    async lock() {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    },
    async unlock() {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    },
  };
}

/** Migrates a PostgreSQL database over its own short-lived connection. */
export async function migratePostgres(
  connectionString: string,
  options: { dir?: string; log?: (message: string) => void } = {},
): Promise<MigrationResult> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await applyMigrations(pgMigrationConnection(client), options);
  } finally {
    await client.end();
  }
}
