/**
 * Set-up shared by the RBAC suites: the fleet fixture (simulator + HubManager + memory PGlite), the
 * demo accounts and tenants seeded exactly as demo mode seeds them, and one API token per account.
 */
import { createApiToken } from '@/lib/server/auth/token-service';
import { DEMO_ACCOUNTS } from '@/lib/server/auth/demo-accounts';
import { seedDemoAccounts } from '@/lib/server/auth/seed-demo';
import { getDb } from '@/lib/server/db/client';
import { usersRepository } from '@/lib/server/db/users';
import { resetTenantOwnership } from '@/lib/server/tenants/ownership';
import { startFleetFixture, type FleetFixture } from '@/tests/fleet/support';

export const ACCOUNT_NAMES = ['admin', 'ops', 'opsEast', 'alice', 'bob', 'carol', 'readOnly', 'none'] as const;
export type AccountName = (typeof ACCOUNT_NAMES)[number];

const EMAILS: Record<Exclude<AccountName, 'readOnly' | 'none'>, string> = {
  admin: 'admin@overlook.demo',
  ops: 'ops@overlook.demo',
  opsEast: 'ops-east@overlook.demo',
  alice: 'alice@acme.demo',
  bob: 'bob@acme.demo',
  carol: 'carol@globex.demo',
};

export interface RbacFixture {
  fleet: FleetFixture;
  /** Bearer token per account ('none' → undefined). */
  tokens: Record<AccountName, string | undefined>;
  userIds: Record<Exclude<AccountName, 'readOnly' | 'none'>, string>;
  stop(): Promise<void>;
}

export async function startRbacFixture(): Promise<RbacFixture> {
  resetTenantOwnership();
  const fleet = await startFleetFixture({ hubs: 3 });
  const db = await getDb();
  await seedDemoAccounts(db);
  const users = usersRepository(db);
  const tokens = {} as Record<AccountName, string | undefined>;
  const userIds = {} as RbacFixture['userIds'];
  for (const [name, email] of Object.entries(EMAILS) as Array<[keyof typeof EMAILS, string]>) {
    const user = await users.findByEmail(email);
    if (!user) throw new Error(`demo account ${email} was not seeded`);
    userIds[name] = user.id;
    tokens[name] = (await createApiToken(db, user.id, { name: `matrix-${name}`, scopes: ['read', 'write'] })).token;
  }
  tokens.readOnly = (await createApiToken(db, userIds.admin, { name: 'matrix-read-only', scopes: ['read'] })).token;
  tokens.none = undefined;
  if (DEMO_ACCOUNTS.length !== 6) throw new Error('the matrix expects the six demo accounts');
  return {
    fleet,
    tokens,
    userIds,
    async stop() {
      await fleet.stop();
      resetTenantOwnership();
    },
  };
}
