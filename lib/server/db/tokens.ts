import 'server-only';

import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { TokenScope } from '@/lib/contracts/tokens';
import { bumpAuthGeneration } from '@/lib/server/auth/principal-cache';

export type ApiTokenRecord = {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};

/** Only the authentication path sees the stored hash. */
export type ApiTokenWithHash = ApiTokenRecord & { tokenHash: string };

type ApiTokenRow = Omit<ApiTokenRecord, 'scopes'> & { scopes: string[]; tokenHash: string };

function toRecord(row: ApiTokenRow): ApiTokenRecord {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.filter((scope): scope is TokenScope => scope === 'read' || scope === 'write'),
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    createdAt: row.createdAt,
  };
}

export function tokensRepository(db: PrismaClient) {
  return {
    async create(input: {
      userId: string;
      name: string;
      prefix: string;
      tokenHash: string;
      scopes: TokenScope[];
      expiresAt: Date | null;
    }): Promise<ApiTokenRecord> {
      const record = toRecord(await db.apiToken.create({ data: input }));
      bumpAuthGeneration();
      return record;
    },

    async listForUser(userId: string): Promise<ApiTokenRecord[]> {
      const rows = await db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: 'desc' } });
      return rows.map(toRecord);
    },

    async findByPrefix(prefix: string): Promise<ApiTokenWithHash | null> {
      const row = await db.apiToken.findUnique({ where: { prefix } });
      return row ? { ...toRecord(row), tokenHash: row.tokenHash } : null;
    },

    /** Revokes one of the user's own tokens; false when there is no such (unrevoked) token. */
    async revoke(userId: string, id: string, at: Date = new Date()): Promise<ApiTokenRecord | null> {
      const result = await db.apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: at } });
      bumpAuthGeneration();
      if (result.count === 0) return null;
      const row = await db.apiToken.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },

    async touchLastUsed(id: string, at: Date = new Date()): Promise<void> {
      await db.apiToken.update({ where: { id }, data: { lastUsedAt: at } });
    },
  };
}

export type TokensRepository = ReturnType<typeof tokensRepository>;
