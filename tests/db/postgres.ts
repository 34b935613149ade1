// Throwaway PostgreSQL databases for integration tests: one per test file, dropped afterwards.
import { randomBytes } from 'node:crypto';

import pg from 'pg';

/** Admin connection (trust auth in CI/dev). Override with OVERLOOK_TEST_POSTGRES_URL. */
const ADMIN_URL = process.env.OVERLOOK_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export type ThrowawayDatabase = { url: string; name: string; drop(): Promise<void> };

/** Creates `overlook_test_<random>`; null (with the reason printed) when PostgreSQL is unreachable. */
export async function createThrowawayDatabase(suite: string): Promise<ThrowawayDatabase | null> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch (error) {
    console.warn(`[${suite}] SKIPPING PostgreSQL tests: cannot reach ${ADMIN_URL} (${(error as Error).message})`);
    return null;
  }
  const name = `overlook_test_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
