import 'server-only';

import type { PrismaClient } from '@/lib/generated/prisma/client';
import { usersRepository, type UserRecord } from '@/lib/server/db/users';
import { childLogger } from '@/lib/server/logger';

import { isLocked, lockoutDurationMs } from './lockout';
import { verifyPassword } from './password';

const log = childLogger({ module: 'auth' });

export type SignInResult =
  | { ok: true; user: UserRecord }
  /** `reason` is for logs and tests only; callers show the same generic message for all. */
  | { ok: false; reason: 'invalid' | 'locked' | 'disabled' };

/**
 * Checks an email and password. Every path costs one argon2 verification, so timing does not
 * reveal whether the account exists, is locked or is disabled.
 */
export async function authenticateWithPassword(
  db: PrismaClient,
  email: string,
  password: string,
  now: Date = new Date(),
): Promise<SignInResult> {
  const users = usersRepository(db);
  const user = await users.findCredentialsByEmail(email);
  if (!user) {
    await verifyPassword(null, password);
    log.info({ event: 'sign-in-failed', reason: 'unknown-email' }, 'sign-in failed');
    return { ok: false, reason: 'invalid' };
  }
  if (isLocked(user.lockedUntil, now)) {
    // Do not even look at the password while locked: that is what stops guessing.
    await verifyPassword(null, password);
    log.info({ event: 'sign-in-failed', reason: 'locked', userId: user.id }, 'sign-in refused: account locked');
    return { ok: false, reason: 'locked' };
  }
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid) {
    const failures = await users.recordFailedSignIn(user.id);
    const lockMs = lockoutDurationMs(failures);
    if (lockMs > 0) await users.lockUntil(user.id, new Date(now.getTime() + lockMs));
    log.info(
      { event: 'sign-in-failed', reason: 'bad-password', userId: user.id, failures, lockedForMs: lockMs },
      'sign-in failed',
    );
    return { ok: false, reason: 'invalid' };
  }
  if (user.disabled) {
    log.info({ event: 'sign-in-failed', reason: 'disabled', userId: user.id }, 'sign-in refused: account disabled');
    return { ok: false, reason: 'disabled' };
  }
  await users.recordSuccessfulSignIn(user.id, now);
  log.info({ event: 'sign-in', userId: user.id }, 'signed in');
  return { ok: true, user: { ...user, failedSignIns: 0, lockedUntil: null, lastSignInAt: now } };
}
