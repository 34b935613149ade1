import 'server-only';

import { getDb } from '@/lib/server/db/client';
import { getEnv } from '@/lib/server/env';
import { childLogger } from '@/lib/server/logger';

const log = childLogger({ module: 'health' });

export type Health = { status: 'ok'; version: string; uptimeSeconds: number };

export type CheckState = 'ok' | 'failing';
export type Readiness = { status: 'ready' | 'not_ready'; checks: Record<string, CheckState> };

/** A named readiness check; the fleet layer registers its own (e.g. hub sync state). */
export type ReadinessCheck = () => Promise<CheckState>;

const globalForChecks = globalThis as unknown as { overlookReadinessChecks?: Map<string, ReadinessCheck> };

function checks(): Map<string, ReadinessCheck> {
  globalForChecks.overlookReadinessChecks ??= new Map([['database', databaseCheck]]);
  return globalForChecks.overlookReadinessChecks;
}

/** Adds (or replaces) a readiness check shown under `checks.<name>` in GET /api/ready. */
export function registerReadinessCheck(name: string, check: ReadinessCheck): void {
  checks().set(name, check);
}

const CHECK_TIMEOUT_MS = 2_000;

async function databaseCheck(): Promise<CheckState> {
  const db = await getDb();
  await db.$queryRaw`SELECT 1`;
  return 'ok';
}

export function getHealth(): Health {
  let version = '0.0.0';
  try {
    version = getEnv().version;
  } catch {
    // Liveness must answer even with bad configuration; start-up reports that.
  }
  return { status: 'ok', version, uptimeSeconds: Math.round(process.uptime()) };
}

export async function getReadiness(): Promise<Readiness> {
  const results = await Promise.all(
    [...checks()].map(async ([name, check]): Promise<[string, CheckState]> => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<CheckState>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
        });
        return [name, await Promise.race([check(), timeout])];
      } catch (error) {
        log.warn({ check: name, err: error }, 'readiness check failing');
        return [name, 'failing'];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const checkStates = Object.fromEntries(results);
  const ready = results.every(([, state]) => state === 'ok');
  return { status: ready ? 'ready' : 'not_ready', checks: checkStates };
}
