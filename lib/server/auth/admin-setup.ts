import 'server-only';

import { PASSWORD_MIN_LENGTH } from '@/lib/contracts/auth';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { roleBindingsRepository } from '@/lib/server/db/role-bindings';
import { normalizeEmail, usersRepository, type UserRecord } from '@/lib/server/db/users';

import { hashPassword } from './password';

/** A problem the operator can fix (shown as is by npm run admin:create). */
export class AdminSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminSetupError';
  }
}

/** Creates a platform admin with a local password (admin:create). */
export async function createPlatformAdmin(
  db: PrismaClient,
  input: { email: string; name?: string; password: string },
): Promise<UserRecord> {
  if (input.password.length < PASSWORD_MIN_LENGTH) {
    throw new AdminSetupError(`The password must be at least ${PASSWORD_MIN_LENGTH} characters.`);
  }
  const email = normalizeEmail(input.email);
  if (await usersRepository(db).findByEmail(email)) {
    throw new AdminSetupError(`A user with the email ${email} already exists.`);
  }
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await usersRepository(tx as PrismaClient).create({
      email,
      name: input.name ?? email.split('@')[0],
      passwordHash,
    });
    await roleBindingsRepository(tx as PrismaClient).add(user.id, { role: 'platform-admin', scope: {} });
    return user;
  });
}
