// Both database back ends, for suites that must pass on each.
import { openDatabase, type OpenDatabase } from '@/lib/server/db/client';

import { createThrowawayDatabase } from './postgres';

export type TestDatabase = { label: string; open(): Promise<OpenDatabase>; cleanup(): Promise<void> };

/** PGlite in memory always; PostgreSQL when reachable (skipped with a printed reason otherwise). */
export async function testDatabases(suite: string): Promise<TestDatabase[]> {
  const databases: TestDatabase[] = [
    { label: 'PGlite', open: () => openDatabase({ kind: 'pglite', dir: 'memory://' }), cleanup: async () => {} },
  ];
  const postgres = await createThrowawayDatabase(suite);
  if (postgres) {
    databases.push({
      label: 'PostgreSQL',
      open: () => openDatabase({ kind: 'postgres', url: postgres.url }),
      cleanup: () => postgres.drop(),
    });
  }
  return databases;
}
