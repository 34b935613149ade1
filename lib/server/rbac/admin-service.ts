import 'server-only';

import type { AdminRoleBindingDto, AdminUserDto, CreateRoleBindingRequestSchema, CreateUserRequestSchema, ListRoleBindingsQuerySchema, ListUsersQuerySchema, ListUsersResponse, UpdateUserRequestSchema } from '@/lib/contracts/admin';
import { RoleSchema } from '@/lib/contracts/auth';
import type { z } from 'zod';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/server/auth/password';
import { bumpAuthGeneration } from '@/lib/server/auth/principal-cache';
import { isUniqueViolation } from '@/lib/server/db/errors';
import { normalizeEmail } from '@/lib/server/db/users';
import { badRequest, conflict, notFound } from '@/lib/server/http/errors';

type BindingRow = { id: string; userId: string; role: string; hubs: string[]; regions: string[]; tenant: string | null; createdAt: Date };

function toBindingDto(row: BindingRow, user: { email: string; name: string }): AdminRoleBindingDto | null {
  const role = RoleSchema.safeParse(row.role);
  if (!role.success) return null;
  return {
    id: row.id,
    userId: row.userId,
    userEmail: user.email,
    userName: user.name,
    role: role.data,
    scope: { hubs: row.hubs, regions: row.regions, tenant: row.tenant },
    createdAt: row.createdAt.toISOString(),
  };
}

type UserRow = {
  id: string;
  email: string;
  name: string;
  locale: string;
  disabled: boolean;
  passwordHash: string | null;
  lastSignInAt: Date | null;
  lockedUntil: Date | null;
  createdAt: Date;
  roleBindings: BindingRow[];
};

function toUserDto(row: UserRow): AdminUserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale === 'zh-CN' ? 'zh-CN' : 'en',
    disabled: row.disabled,
    hasPassword: row.passwordHash !== null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    lockedUntil: row.lockedUntil && row.lockedUntil.getTime() > Date.now() ? row.lockedUntil.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    bindings: row.roleBindings.map((binding) => toBindingDto(binding, row)).filter((dto): dto is AdminRoleBindingDto => dto !== null),
  };
}

const USER_INCLUDE = { roleBindings: { orderBy: { createdAt: 'asc' as const } } };

export async function listUsers(db: PrismaClient, query: z.output<typeof ListUsersQuerySchema>): Promise<ListUsersResponse> {
  const contains = query.q ? { contains: query.q, mode: 'insensitive' as const } : undefined;
  const rows = await db.user.findMany({
    where: {
      ...(contains ? { OR: [{ email: contains }, { name: contains }] } : {}),
      ...(query.cursor ? { email: { gt: query.cursor } } : {}),
    },
    include: USER_INCLUDE,
    orderBy: { email: 'asc' },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return { items: page.map(toUserDto), nextCursor: rows.length > query.limit ? page[page.length - 1].email : null };
}

export async function getUser(db: PrismaClient, id: string): Promise<AdminUserDto> {
  const row = await db.user.findUnique({ where: { id }, include: USER_INCLUDE });
  if (!row) throw notFound(`User "${id}" not found`);
  return toUserDto(row);
}

async function assertTenantExists(db: PrismaClient, tenant: string | undefined, param: string): Promise<void> {
  if (!tenant) return;
  if (!(await db.tenant.findUnique({ where: { slug: tenant }, select: { id: true } }))) {
    throw badRequest(param, `Tenant "${tenant}" does not exist; create it first`);
  }
}

export async function createUser(db: PrismaClient, input: z.output<typeof CreateUserRequestSchema>): Promise<AdminUserDto> {
  for (const [index, binding] of input.bindings.entries()) await assertTenantExists(db, binding.scope.tenant, `bindings.${index}.scope.tenant`);
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: {
        email: normalizeEmail(input.email),
        name: input.name,
        passwordHash,
        locale: input.locale,
        roleBindings: {
          create: input.bindings.map((binding) => ({
            role: binding.role,
            hubs: binding.scope.hubs,
            regions: binding.scope.regions,
            tenant: binding.scope.tenant ?? null,
          })),
        },
      },
    });
    bumpAuthGeneration();
    return getUser(db, user.id);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A user with email ${normalizeEmail(input.email)} already exists`);
    throw error;
  }
}

export async function updateUser(
  db: PrismaClient,
  id: string,
  patch: z.output<typeof UpdateUserRequestSchema>,
  actorUserId: string,
): Promise<AdminUserDto> {
  const existing = await db.user.findUnique({ where: { id }, select: { id: true } });
  if (!existing) throw notFound(`User "${id}" not found`);
  if (patch.disabled === true && id === actorUserId) throw conflict('You cannot disable your own account');
  await db.user.update({ where: { id }, data: patch });
  bumpAuthGeneration();
  return getUser(db, id);
}

export async function resetPassword(db: PrismaClient, id: string, password: string): Promise<AdminUserDto> {
  const existing = await db.user.findUnique({ where: { id }, select: { id: true } });
  if (!existing) throw notFound(`User "${id}" not found`);
  await db.user.update({ where: { id }, data: { passwordHash: await hashPassword(password), failedSignIns: 0, lockedUntil: null } });
  bumpAuthGeneration();
  return getUser(db, id);
}

export async function listRoleBindings(db: PrismaClient, query: z.output<typeof ListRoleBindingsQuerySchema>): Promise<AdminRoleBindingDto[]> {
  const rows = await db.roleBinding.findMany({
    where: { ...(query.userId ? { userId: query.userId } : {}), ...(query.role ? { role: query.role } : {}), ...(query.tenant ? { tenant: query.tenant } : {}) },
    include: { user: { select: { email: true, name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((row) => toBindingDto(row, row.user)).filter((dto): dto is AdminRoleBindingDto => dto !== null);
}

export async function createRoleBinding(db: PrismaClient, input: z.output<typeof CreateRoleBindingRequestSchema>): Promise<AdminRoleBindingDto> {
  const user = input.userId
    ? await db.user.findUnique({ where: { id: input.userId } })
    : await db.user.findUnique({ where: { email: normalizeEmail(input.email ?? '') } });
  if (!user) throw notFound(input.userId ? `User "${input.userId}" not found` : `No user with email ${input.email}`);
  await assertTenantExists(db, input.scope.tenant, 'scope.tenant');
  const hubs = [...new Set(input.scope.hubs)].sort();
  const regions = [...new Set(input.scope.regions)].sort();
  const same = await db.roleBinding.findMany({ where: { userId: user.id, role: input.role, tenant: input.scope.tenant ?? null } });
  if (same.some((row) => [...row.hubs].sort().join(',') === hubs.join(',') && [...row.regions].sort().join(',') === regions.join(','))) {
    throw conflict(`${user.email} already has this role binding`);
  }
  const row = await db.roleBinding.create({ data: { userId: user.id, role: input.role, hubs, regions, tenant: input.scope.tenant ?? null } });
  bumpAuthGeneration();
  return toBindingDto(row, user) as AdminRoleBindingDto;
}

/** Deletes a binding. The last platform admin's binding cannot be removed (nobody could administer). */
export async function deleteRoleBinding(db: PrismaClient, id: string): Promise<AdminRoleBindingDto> {
  const row = await db.roleBinding.findUnique({ where: { id }, include: { user: { select: { email: true, name: true } } } });
  if (!row) throw notFound(`Role binding "${id}" not found`);
  if (row.role === 'platform-admin') {
    const admins = await db.roleBinding.count({ where: { role: 'platform-admin', user: { disabled: false } } });
    if (admins <= 1) throw conflict('This is the last platform admin binding: grant platform-admin to someone else first');
  }
  await db.roleBinding.delete({ where: { id } });
  bumpAuthGeneration();
  return toBindingDto(row, row.user) as AdminRoleBindingDto;
}
