import 'server-only';

import type { PrismaClient } from '@/lib/generated/prisma/client';
import { isUniqueViolation } from '@/lib/server/db/errors';
import { roleBindingsRepository } from '@/lib/server/db/role-bindings';
import { usersRepository } from '@/lib/server/db/users';
import { refreshTenantOwnership } from '@/lib/server/tenants/ownership';

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { hashPassword } from './password';

/**
 * Creates the demo accounts that do not exist yet (idempotent; never touches existing users,
 * so a demo user's changed password or locale survives restarts). Returns the emails created.
 */
export async function seedDemoAccounts(db: PrismaClient): Promise<string[]> {
  const users = usersRepository(db);
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await users.findByEmail(account.email)) continue;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    try {
      // User and binding together, so a crash cannot leave a demo user without its role.
      await db.$transaction(async (tx) => {
        const user = await usersRepository(tx as PrismaClient).create({
          email: account.email,
          name: account.name,
          passwordHash,
        });
        await roleBindingsRepository(tx as PrismaClient).add(user.id, { role: account.role, scope: account.scope });
      });
      created.push(account.email);
    } catch (error) {
      // Another replica sharing the PostgreSQL database seeded it first: that is the same outcome.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  await seedDemoTenants(db);
  return created;
}

/** Demo tenants matching the simulator's tenant namespaces (`acme-retail`, `acme-pos`, `globex-cameras`, …). */
export const DEMO_TENANTS = [
  { slug: 'acme', displayName: 'ACME Retail', description: 'Retail stores: storefront, point of sale', pattern: 'acme-*' },
  { slug: 'globex', displayName: 'Globex Traffic', description: 'Traffic cameras and analytics', pattern: 'globex-*' },
] as const;

/**
 * Creates the demo tenants that do not exist yet, each owning `<slug>-*` on every hub (idempotent;
 * an existing tenant — perhaps edited in the admin UI — is left alone).
 */
export async function seedDemoTenants(db: PrismaClient): Promise<string[]> {
  const created: string[] = [];
  for (const tenant of DEMO_TENANTS) {
    if (await db.tenant.findUnique({ where: { slug: tenant.slug } })) continue;
    try {
      await db.tenant.create({
        data: {
          slug: tenant.slug,
          displayName: tenant.displayName,
          description: tenant.description,
          namespaces: { create: [{ hub: '*', pattern: tenant.pattern }] },
        },
      });
      created.push(tenant.slug);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  if (created.length > 0) await refreshTenantOwnership(db);
  return created;
}
