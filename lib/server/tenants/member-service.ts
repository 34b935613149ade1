import 'server-only';

import type { InvitationLink } from '@/lib/contracts/invitations';
import type { TenantMemberDto, TenantRole } from '@/lib/contracts/tenancy';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { normalizeEmail } from '@/lib/server/db/users';
import { createInvitation } from '@/lib/server/auth/invitations';
import { bumpAuthGeneration } from '@/lib/server/auth/principal-cache';
import { conflict, notFound } from '@/lib/server/http/errors';

import { TENANT_ROLES_LIST } from './roles';

type MemberRow = {
  id: string;
  role: string;
  createdAt: Date;
  user: { id: string; email: string; name: string; disabled: boolean; passwordHash: string | null };
};

function toMember(row: MemberRow): TenantMemberDto {
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.role as TenantRole,
    status: row.user.disabled ? 'disabled' : row.user.passwordHash === null ? 'invited' : 'active',
    bindingId: row.id,
    since: row.createdAt.toISOString(),
  };
}

const MEMBER_SELECT = {
  id: true,
  role: true,
  createdAt: true,
  user: { select: { id: true, email: true, name: true, disabled: true, passwordHash: true } },
} as const;

async function requireTenant(db: PrismaClient, slug: string): Promise<void> {
  if (!(await db.tenant.findUnique({ where: { slug }, select: { id: true } }))) throw notFound(`Tenant "${slug}" not found`);
}

export async function listMembers(db: PrismaClient, slug: string): Promise<TenantMemberDto[]> {
  await requireTenant(db, slug);
  const rows = await db.roleBinding.findMany({
    where: { tenant: slug, role: { in: [...TENANT_ROLES_LIST] } },
    select: MEMBER_SELECT,
    orderBy: { createdAt: 'asc' },
  });
  // One entry per user: the strongest role wins if someone holds both.
  const byUser = new Map<string, TenantMemberDto>();
  for (const row of rows) {
    const member = toMember(row);
    const existing = byUser.get(member.userId);
    if (!existing || (existing.role === 'tenant-viewer' && member.role === 'tenant-admin')) byUser.set(member.userId, member);
  }
  return [...byUser.values()].sort((a, b) => a.email.localeCompare(b.email));
}

/**
 * Adds an existing user, or invites a new one: an account is created with no password (status
 * "invited") together with a one-time invitation link (lib/server/auth/invitations.ts) that the
 * caller sends them; with it they choose their password. No email is sent.
 */
export async function addMember(
  db: PrismaClient,
  slug: string,
  input: { email: string; role: TenantRole; name?: string },
  options: { invitedBy?: string | null } = {},
): Promise<{ item: TenantMemberDto; invited: boolean; invitation: InvitationLink | null }> {
  await requireTenant(db, slug);
  const email = normalizeEmail(input.email);
  const result = await db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email } });
    let invited = false;
    if (!user) {
      user = await tx.user.create({ data: { email, name: input.name ?? email.split('@')[0], passwordHash: null } });
      invited = true;
    }
    const existing = await tx.roleBinding.findFirst({ where: { userId: user.id, tenant: slug, role: { in: [...TENANT_ROLES_LIST] } } });
    if (existing) throw conflict(`${email} is already a member of ${slug}; change their role instead`);
    const binding = await tx.roleBinding.create({ data: { userId: user.id, role: input.role, tenant: slug }, select: MEMBER_SELECT });
    return { item: toMember(binding), invited };
  }).finally(bumpAuthGeneration);
  if (!result.invited) return { ...result, invitation: null };
  const { path, expiresAt } = await createInvitation(db, result.item.userId, options.invitedBy ?? null);
  return { ...result, invitation: { path, expiresAt } };
}

/**
 * A fresh invitation link for a member of the tenant whose status is "invited" (404 when not a
 * member, 409 when they already have a password or are disabled). Older links stop working.
 */
export async function createMemberInvitation(db: PrismaClient, slug: string, userId: string, createdBy: string | null): Promise<InvitationLink & { email: string }> {
  await requireTenant(db, slug);
  const binding = await db.roleBinding.findFirst({ where: { userId, tenant: slug, role: { in: [...TENANT_ROLES_LIST] } }, select: { id: true } });
  if (!binding) throw notFound(`No member with id "${userId}" in tenant ${slug}`);
  return createInvitation(db, userId, createdBy);
}

async function countAdmins(db: PrismaClient, slug: string): Promise<number> {
  const rows = await db.roleBinding.findMany({ where: { tenant: slug, role: 'tenant-admin', user: { disabled: false } }, select: { userId: true } });
  return new Set(rows.map((row) => row.userId)).size;
}

/** Changes a member's role. A tenant keeps at least one tenant admin unless a platform admin changes it. */
export async function updateMember(
  db: PrismaClient,
  slug: string,
  userId: string,
  role: TenantRole,
  options: { keepLastAdmin: boolean },
): Promise<TenantMemberDto> {
  await requireTenant(db, slug);
  const bindings = await db.roleBinding.findMany({ where: { userId, tenant: slug, role: { in: [...TENANT_ROLES_LIST] } } });
  if (bindings.length === 0) throw notFound(`No member with id "${userId}" in tenant ${slug}`);
  const isAdmin = bindings.some((binding) => binding.role === 'tenant-admin');
  if (options.keepLastAdmin && isAdmin && role !== 'tenant-admin' && (await countAdmins(db, slug)) <= 1) {
    throw conflict(`This is the last tenant admin of ${slug}: make someone else tenant admin first`);
  }
  return db.$transaction(async (tx) => {
    await tx.roleBinding.deleteMany({ where: { userId, tenant: slug, role: { in: [...TENANT_ROLES_LIST] } } });
    return toMember(await tx.roleBinding.create({ data: { userId, role, tenant: slug }, select: MEMBER_SELECT }));
  }).finally(bumpAuthGeneration);
}

export async function removeMember(db: PrismaClient, slug: string, userId: string, options: { keepLastAdmin: boolean }): Promise<TenantMemberDto> {
  await requireTenant(db, slug);
  const members = await listMembers(db, slug);
  const member = members.find((candidate) => candidate.userId === userId);
  if (!member) throw notFound(`No member with id "${userId}" in tenant ${slug}`);
  if (options.keepLastAdmin && member.role === 'tenant-admin' && (await countAdmins(db, slug)) <= 1) {
    throw conflict(`This is the last tenant admin of ${slug}: make someone else tenant admin first`);
  }
  await db.roleBinding.deleteMany({ where: { userId, tenant: slug, role: { in: [...TENANT_ROLES_LIST] } } });
  bumpAuthGeneration();
  return member;
}

/** Display names of tenants, for /api/v1/me. */
export async function tenantDisplayNames(db: PrismaClient, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.tenant.findMany({ where: { slug: { in: slugs } }, select: { slug: true, displayName: true } });
  return new Map(rows.map((row) => [row.slug, row.displayName]));
}
