import 'server-only';

import { createHash, randomBytes } from 'node:crypto';

import { INVITATION_LIFETIME_DAYS, INVITATION_TOKEN_PREFIX, type InvitationInfo, type InvitationLink } from '@/lib/contracts/invitations';
import { TENANT_ROLES } from '@/lib/contracts/tenancy';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { conflict, HttpError, notFound } from '@/lib/server/http/errors';

import { hashPassword } from './password';
import { bumpAuthGeneration } from './principal-cache';

/**
 * One-time invitation links for accounts without a password. The link carries
 * `olki_<base64url of 32 random bytes>`; only its sha256 is stored (unique index, so lookup by hash
 * needs no constant-time comparison). Tokens are never logged or audited.
 */

const LIFETIME_MS = INVITATION_LIFETIME_DAYS * 86_400_000;

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function generateToken(): string {
  return `${INVITATION_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

function unknownLink(): HttpError {
  return notFound('This invitation link is not valid or has already been used');
}

function expiredLink(): HttpError {
  return new HttpError(410, 'gone', 'This invitation link has expired; ask whoever invited you for a new link');
}

/**
 * Creates a link for a user without a password who is not disabled (409 otherwise, 404 when there is
 * no such user). Older open links of that user stop working.
 */
export async function createInvitation(
  db: PrismaClient,
  userId: string,
  createdBy: string | null,
  now: Date = new Date(),
): Promise<InvitationLink & { email: string }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, passwordHash: true, disabled: true } });
  if (!user) throw notFound(`User "${userId}" not found`);
  if (user.passwordHash !== null) throw conflict(`${user.email} already has a password; an invitation link is only for accounts without one`);
  if (user.disabled) throw conflict(`${user.email} is disabled; enable the account before inviting them`);
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + LIFETIME_MS);
  await db.$transaction([
    db.invitation.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } }),
    db.invitation.create({ data: { userId, tokenHash: hashInvitationToken(token), expiresAt, createdById: createdBy } }),
  ]);
  return { path: `/invite/${token}`, expiresAt: expiresAt.toISOString(), email: user.email };
}

type OpenInvitation = { id: string; expiresAt: Date; user: { id: string; email: string; name: string; passwordHash: string | null; disabled: boolean } };

/** The open invitation for a token: 404 unknown/used (or the account got a password or was disabled meanwhile), 410 expired. */
async function findOpen(db: PrismaClient, token: string, now: Date): Promise<OpenInvitation> {
  if (!token.startsWith(INVITATION_TOKEN_PREFIX)) throw unknownLink();
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { id: true, expiresAt: true, usedAt: true, user: { select: { id: true, email: true, name: true, passwordHash: true, disabled: true } } },
  });
  if (!row || row.usedAt !== null || row.user.passwordHash !== null || row.user.disabled) throw unknownLink();
  if (row.expiresAt.getTime() <= now.getTime()) throw expiredLink();
  return row;
}

export async function lookupInvitation(db: PrismaClient, token: string, now: Date = new Date()): Promise<InvitationInfo> {
  const row = await findOpen(db, token, now);
  const bindings = await db.roleBinding.findMany({
    where: { userId: row.user.id, role: { in: [...TENANT_ROLES] }, tenant: { not: null } },
    select: { tenant: true },
  });
  const slugs = [...new Set(bindings.map((binding) => binding.tenant).filter((slug): slug is string => slug !== null))];
  const tenants = slugs.length
    ? await db.tenant.findMany({ where: { slug: { in: slugs } }, select: { slug: true, displayName: true }, orderBy: { slug: 'asc' } })
    : [];
  return { email: row.user.email, name: row.user.name, tenants, expiresAt: row.expiresAt.toISOString() };
}

/** Sets the password (argon2id), optionally the name, and marks the link used. Returns who accepted. */
export async function acceptInvitation(
  db: PrismaClient,
  token: string,
  input: { password: string; name?: string },
  now: Date = new Date(),
): Promise<{ userId: string; email: string; tenants: string[] }> {
  const row = await findOpen(db, token, now);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    // Only one request can claim the link: the update matches only while it is still unused.
    const claimed = await tx.invitation.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw unknownLink();
    await tx.user.update({
      where: { id: row.user.id },
      data: { passwordHash, failedSignIns: 0, lockedUntil: null, ...(input.name ? { name: input.name } : {}) },
    });
  });
  bumpAuthGeneration();
  const bindings = await db.roleBinding.findMany({ where: { userId: row.user.id, role: { in: [...TENANT_ROLES] } }, select: { tenant: true } });
  return { userId: row.user.id, email: row.user.email, tenants: [...new Set(bindings.map((b) => b.tenant).filter((t): t is string => t !== null))] };
}
