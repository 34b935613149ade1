// npm run db:migrate — applies pending migrations to the configured database
// (DATABASE_URL, else the embedded PGlite in OVERLOOK_DATA_DIR) and exits.
// The server also does this at start-up; this is for deploy pipelines and init containers.
import { configuredDatabaseTarget, openDatabase } from '@/lib/server/db/client';
import { ConfigError } from '@/lib/server/env';

async function main(): Promise<void> {
  const target = configuredDatabaseTarget();
  const where = target.kind === 'postgres' ? `PostgreSQL at ${new URL(target.url).host}` : `PGlite in ${target.dir}`;
  const database = await openDatabase(target);
  try {
    const { applied, alreadyApplied } = database.migrations;
    for (const name of applied) console.log(`applied  ${name}`);
    console.log(
      applied.length > 0
        ? `${where}: ${applied.length} migration(s) applied, ${alreadyApplied.length} already applied.`
        : `${where}: up to date (${alreadyApplied.length} migration(s) applied earlier).`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Migration failed: ${(error as Error).message}`);
  process.exit(1);
});
