import 'server-only';

import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Locale } from '@/lib/contracts/auth';
import { bumpAuthGeneration } from '@/lib/server/auth/principal-cache';

/** A user as the server layer sees it (never the Prisma row, never the password hash). */
export type UserRecord = {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  locale: Locale;
  lastSignInAt: Date | null;
  failedSignIns: number;
  lockedUntil: Date | null;
  createdAt: Date;
};

/** Only the sign-in path needs the hash. */
export type UserWithCredentials = UserRecord & { passwordHash: string | null };

type UserRow = {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  locale: string;
  lastSignInAt: Date | null;
  failedSignIns: number;
  lockedUntil: Date | null;
  createdAt: Date;
  passwordHash?: string | null;
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    disabled: row.disabled,
    locale: row.locale === 'zh-CN' ? 'zh-CN' : 'en',
    lastSignInAt: row.lastSignInAt,
    failedSignIns: row.failedSignIns,
    lockedUntil: row.lockedUntil,
    createdAt: row.createdAt,
  };
}

export function usersRepository(db: PrismaClient) {
  return {
    async findById(id: string): Promise<UserRecord | null> {
      const row = await db.user.findUnique({ where: { id } });
      return row ? toUserRecord(row) : null;
    },

    async findByEmail(email: string): Promise<UserRecord | null> {
      const row = await db.user.findUnique({ where: { email: normalizeEmail(email) } });
      return row ? toUserRecord(row) : null;
    },

    async findCredentialsByEmail(email: string): Promise<UserWithCredentials | null> {
      const row = await db.user.findUnique({ where: { email: normalizeEmail(email) } });
      return row ? { ...toUserRecord(row), passwordHash: row.passwordHash } : null;
    },

    async create(input: { email: string; name: string; passwordHash: string | null; locale?: Locale }): Promise<UserRecord> {
      const row = await db.user.create({
        data: {
          email: normalizeEmail(input.email),
          name: input.name,
          passwordHash: input.passwordHash,
          locale: input.locale ?? 'en',
        },
      });
      bumpAuthGeneration();
      return toUserRecord(row);
    },

    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await db.user.update({ where: { id }, data: { passwordHash, failedSignIns: 0, lockedUntil: null } });
      bumpAuthGeneration();
    },

    async setDisabled(id: string, disabled: boolean): Promise<void> {
      await db.user.update({ where: { id }, data: { disabled } });
      bumpAuthGeneration();
    },

    async setLocale(id: string, locale: Locale): Promise<void> {
      await db.user.update({ where: { id }, data: { locale } });
      bumpAuthGeneration();
    },

    // Sign-in bookkeeping below does not change a principal, and must not bump the auth generation:
    // anyone can cause failed sign-ins, and each bump empties the principal cache.

    /** Atomically counts a failure and returns the new count (so concurrent attempts all count). */
    async recordFailedSignIn(id: string): Promise<number> {
      const row = await db.user.update({ where: { id }, data: { failedSignIns: { increment: 1 } } });
      return row.failedSignIns;
    },

    async lockUntil(id: string, until: Date): Promise<void> {
      await db.user.update({ where: { id }, data: { lockedUntil: until } });
    },

    async recordSuccessfulSignIn(id: string, at: Date = new Date()): Promise<void> {
      await db.user.update({ where: { id }, data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: at } });
    },

    async count(): Promise<number> {
      return db.user.count();
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
