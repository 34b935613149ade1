import 'server-only';

import { getDb } from '@/lib/server/db/client';
import { getEnv } from '@/lib/server/env';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import type { RegisteredHubsContext } from '@/lib/server/hubs/registered-hubs';

/** What the admin hub routes work with: the database, the process's HubManager and configuration. */
export async function hubAdminContext(): Promise<RegisteredHubsContext> {
  return { db: await getDb(), manager: getHubManager(), env: getEnv() };
}
