import 'server-only';

import { seedDemoAccounts } from '@/lib/server/auth/seed-demo';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/lib/server/auth/demo-accounts';
import { getOpenDatabase } from '@/lib/server/db/client';
import { ConfigError, getEnv, isBuildPhase, type Env } from '@/lib/server/env';
import { childLogger } from '@/lib/server/logger';

const log = childLogger({ module: 'startup' });

const globalForStartup = globalThis as unknown as { overlookStartup?: Promise<void> };

/** Human-readable start-up summary for the terminal (the JSON log has the details). */
export function startupBanner(env: Env, databaseDescription: string): string {
  const lines = [
    '',
    `  Overlook ${env.version} is starting on ${env.publicUrl}`,
    `  database: ${databaseDescription}`,
  ];
  if (env.demo) {
    lines.push(
      '',
      '  DEMO MODE: embedded database and a simulated fleet. Not for production.',
      `  Sign in with any of these accounts, password "${DEMO_PASSWORD}":`,
      ...DEMO_ACCOUNTS.map((account) => `    ${account.email.padEnd(24)} ${account.description}`),
    );
  }
  lines.push('');
  return lines.join('\n');
}

async function runStartup(): Promise<void> {
  let env: Env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      // Refuse to start: a half-configured console (e.g. no session secret) must not serve requests.
      console.error(`\nOverlook cannot start.\n${error.message}\nSee docs/foundation.md for every setting.\n`);
      process.exit(1);
    }
    throw error;
  }

  const database = await getOpenDatabase();
  const databaseDescription =
    database.target.kind === 'postgres'
      ? `PostgreSQL (${new URL(database.target.url).host})`
      : `embedded PGlite in ${database.target.dir}`;
  log.info(
    { database: database.target.kind, migrationsApplied: database.migrations.applied },
    'database ready',
  );

  if (env.demo) {
    const created = await seedDemoAccounts(database.prisma);
    if (created.length > 0) log.info({ created }, 'demo accounts seeded');
  }

  console.log(startupBanner(env, databaseDescription));

  // fleet: started by lib/server/hubs (added by the fleet layer). Does not wait for the first sync.
  const { startFleet } = await import('@/lib/server/hubs/start-fleet');
  await startFleet(env);
}

/**
 * Prepares the process once (idempotent; concurrent callers share one run): validate
 * configuration, migrate, seed demo accounts, print the banner. Called from instrumentation.ts.
 */
export function startServer(): Promise<void> {
  // `next build` loads server code to prerender; it must not open or migrate databases.
  if (isBuildPhase()) return Promise.resolve();
  globalForStartup.overlookStartup ??= runStartup().catch((error: unknown) => {
    log.fatal({ err: error }, 'start-up failed');
    globalForStartup.overlookStartup = undefined;
    throw error;
  });
  return globalForStartup.overlookStartup;
}
