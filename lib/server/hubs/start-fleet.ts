import 'server-only';

import type { Env } from '@/lib/server/env';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { registerReadinessCheck } from '@/lib/server/http/health';
import { childLogger } from '@/lib/server/logger';

const log = childLogger({ module: 'hubs' });

/**
 * The fleet start step of startServer(): connect the configured hubs (starting the demo simulator
 * when needed) without waiting for their first sync — pages show "connecting" meanwhile.
 */
export async function startFleet(env: Env): Promise<void> {
  const manager = getHubManager();
  // A hub that is unreachable does not make the console unready: it serves every other hub and says
  // which one is missing. Hub states are reported beside the checks by GET /api/ready.
  registerReadinessCheck('hubs', async () => 'ok');
  try {
    await manager.startFromEnv(env);
  } catch (error) {
    // No fleet is better than no console: the UI shows zero hubs and the log says why.
    log.error({ err: error }, 'could not start the fleet connections');
  }
  // Then the hubs registered by platform admins (stored encrypted in the database).
  try {
    const [{ getDb }, { loadRegisteredHubs, startRegisteredHubsSync }] = await Promise.all([
      import('@/lib/server/db/client'),
      import('@/lib/server/hubs/registered-hubs'),
    ]);
    const ctx = { db: await getDb(), manager, env };
    await loadRegisteredHubs(ctx);
    // Hubs registered, changed or deleted on another replica follow within 30 s.
    manager.onStop(startRegisteredHubsSync(ctx));
  } catch (error) {
    log.error({ err: error }, 'could not load the registered hubs');
  }
}

/** Hub sync state for GET /api/ready (informational; never makes the console unready). */
export function hubReadiness(): {
  total: number;
  synced: number;
  byStatus: Record<string, number>;
  items: Array<{ hub: string; status: string; since: string | null; lastSyncAt: string | null; error: string | null }>;
  note: string;
} {
  const hubs = getHubManager().list();
  const byStatus: Record<string, number> = { connecting: 0, connected: 0, degraded: 0, unreachable: 0 };
  const items = hubs.map((hub) => {
    const status = hub.listStatus();
    byStatus[status.status]++;
    return { hub: status.hub, status: status.status, since: status.since, lastSyncAt: status.lastSyncAt, error: status.error };
  });
  return {
    total: hubs.length,
    synced: hubs.filter((hub) => hub.initialSyncMs !== null).length,
    byStatus,
    items,
    note: 'Reported for information: an unreachable hub does not make the console unready.',
  };
}
