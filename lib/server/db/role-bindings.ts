import 'server-only';

import type { PrismaClient } from '@/lib/generated/prisma/client';
import { RoleSchema, type RoleBinding, type RoleBindingScope } from '@/lib/contracts/auth';
import { bumpAuthGeneration } from '@/lib/server/auth/principal-cache';

export type RoleBindingRecord = RoleBinding & { id: string; userId: string; createdAt: Date };

type RoleBindingRow = {
  id: string;
  userId: string;
  role: string;
  hubs: string[];
  regions: string[];
  tenant: string | null;
  createdAt: Date;
};

function toScope(row: RoleBindingRow): RoleBindingScope {
  const scope: RoleBindingScope = {};
  if (row.hubs && row.hubs.length > 0) scope.hubs = row.hubs;
  if (row.regions && row.regions.length > 0) scope.regions = row.regions;
  if (row.tenant) scope.tenant = row.tenant;
  return scope;
}

function toRecord(row: RoleBindingRow): RoleBindingRecord | null {
  const role = RoleSchema.safeParse(row.role);
  // A role this build does not know (written by a newer release) grants nothing here.
  if (!role.success) return null;
  return { id: row.id, userId: row.userId, role: role.data, scope: toScope(row), createdAt: row.createdAt };
}

export function roleBindingsRepository(db: PrismaClient) {
  return {
    async listForUser(userId: string): Promise<RoleBindingRecord[]> {
      const rows = await db.roleBinding.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
      return rows.map(toRecord).filter((record): record is RoleBindingRecord => record !== null);
    },

    async add(userId: string, binding: RoleBinding): Promise<RoleBindingRecord> {
      const row = await db.roleBinding.create({
        data: {
          userId,
          role: binding.role,
          hubs: binding.scope.hubs ?? [],
          regions: binding.scope.regions ?? [],
          tenant: binding.scope.tenant ?? null,
        },
      });
      bumpAuthGeneration();
      return toRecord(row) as RoleBindingRecord;
    },

    async remove(userId: string, id: string): Promise<boolean> {
      const result = await db.roleBinding.deleteMany({ where: { id, userId } });
      bumpAuthGeneration();
      return result.count > 0;
    },

    async countWithRole(role: RoleBinding['role']): Promise<number> {
      return db.roleBinding.count({ where: { role, user: { disabled: false } } });
    },
  };
}

export type RoleBindingsRepository = ReturnType<typeof roleBindingsRepository>;
