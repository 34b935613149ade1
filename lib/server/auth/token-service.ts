import 'server-only';

import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { ApiTokenDto, CreateTokenResponse, TokenScope } from '@/lib/contracts/tokens';
import { tokensRepository, type ApiTokenRecord } from '@/lib/server/db/tokens';
import { notFound } from '@/lib/server/http/errors';

import { generateApiToken, parseApiToken, tokenSecretMatches } from './api-tokens';

/** lastUsedAt is advisory: write it at most once a minute per token, not on every request. */
export const LAST_USED_WRITE_INTERVAL_MS = 60_000;

export function toApiTokenDto(record: ApiTokenRecord): ApiTokenDto {
  return {
    id: record.id,
    name: record.name,
    prefix: record.prefix,
    scopes: record.scopes,
    createdAt: record.createdAt.toISOString(),
    expiresAt: record.expiresAt?.toISOString() ?? null,
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
    revokedAt: record.revokedAt?.toISOString() ?? null,
  };
}

export async function createApiToken(
  db: PrismaClient,
  userId: string,
  input: { name: string; scopes: TokenScope[]; expiresInDays?: number },
  now: Date = new Date(),
): Promise<CreateTokenResponse> {
  const generated = generateApiToken();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  const record = await tokensRepository(db).create({
    userId,
    name: input.name,
    prefix: generated.prefix,
    tokenHash: generated.tokenHash,
    scopes: input.scopes,
    expiresAt,
  });
  return { token: generated.token, item: toApiTokenDto(record) };
}

export async function listApiTokens(db: PrismaClient, userId: string): Promise<ApiTokenDto[]> {
  return (await tokensRepository(db).listForUser(userId)).map(toApiTokenDto);
}

export async function revokeApiToken(db: PrismaClient, userId: string, id: string): Promise<ApiTokenDto> {
  const record = await tokensRepository(db).revoke(userId, id);
  // Someone else's token looks exactly like a missing one.
  if (!record) throw notFound('No active token with this id');
  return toApiTokenDto(record);
}

/** Resolves a presented token to its record when it is valid, unrevoked and unexpired. */
export async function authenticateApiToken(
  db: PrismaClient,
  presented: string,
  now: Date = new Date(),
): Promise<ApiTokenRecord | null> {
  const parsed = parseApiToken(presented);
  if (!parsed) return null;
  const repo = tokensRepository(db);
  const record = await repo.findByPrefix(parsed.prefix);
  if (!record || !tokenSecretMatches(parsed.secret, record.tokenHash)) return null;
  if (record.revokedAt) return null;
  if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) return null;
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() >= LAST_USED_WRITE_INTERVAL_MS) {
    // A failed write only loses a timestamp; it must not fail the request.
    await repo.touchLastUsed(record.id, now).catch(() => {});
  }
  const { tokenHash: _omit, ...publicRecord } = record;
  void _omit;
  return publicRecord;
}
