import 'server-only';

import type { PrismaClient } from '@/lib/generated/prisma/client';

/** A row of `hubs`: a hub registered by a platform admin. `encryptedCredentials` is an envelope, never plaintext. */
export type HubRow = {
  id: string;
  name: string;
  displayName: string;
  region: string | null;
  server: string;
  caPem: string | null;
  tlsServerName: string | null;
  credentialKind: string;
  encryptedCredentials: string;
  createdById: string | null;
  createdByEmail: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type HubRowInput = Omit<HubRow, 'id' | 'createdAt' | 'updatedAt'>;
export type HubRowPatch = Partial<Omit<HubRowInput, 'name' | 'createdById' | 'createdByEmail'>>;

export function hubsRepository(db: PrismaClient) {
  return {
    list(): Promise<HubRow[]> {
      return db.hub.findMany({ orderBy: { name: 'asc' } });
    },
    findByName(name: string): Promise<HubRow | null> {
      return db.hub.findUnique({ where: { name } });
    },
    create(input: HubRowInput): Promise<HubRow> {
      return db.hub.create({ data: input });
    },
    update(name: string, patch: HubRowPatch): Promise<HubRow> {
      return db.hub.update({ where: { name }, data: patch });
    },
    /** True when a row was deleted. */
    async delete(name: string): Promise<boolean> {
      const result = await db.hub.deleteMany({ where: { name } });
      return result.count > 0;
    },
    /** Which of these user ids still exist (createdBy shows null for a deleted user). */
    async existingUserIds(ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true } });
      return new Set(rows.map((row) => row.id));
    },
  };
}
