import 'server-only';

import { getDb } from '@/lib/server/db/client';
import { roleBindingsRepository } from '@/lib/server/db/role-bindings';

/**
 * True once at least one enabled platform admin exists. The sign-in page uses it to say
 * "No administrator yet: run npm run admin:create -- --email you@example.com".
 */
export async function hasAnyAdmin(): Promise<boolean> {
  return (await roleBindingsRepository(await getDb()).countWithRole('platform-admin')) > 0;
}
