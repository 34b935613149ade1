import 'server-only';

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API token format: `olk_<prefix>_<secret>`.
 * - prefix: 10 lowercase base32 characters, stored in clear and unique, used to find the row;
 * - secret: 32 random bytes as base64url (43 characters); only its sha256 is stored.
 * A high-entropy secret needs no slow hash: sha256 cannot be brute-forced at 256 bits.
 */
const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const PREFIX_LENGTH = 10;
const TOKEN_PATTERN = /^olk_([a-z2-7]{10})_([A-Za-z0-9_-]{43})$/;

export type GeneratedToken = { token: string; prefix: string; tokenHash: string };

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function generateApiToken(): GeneratedToken {
  const prefixBytes = randomBytes(PREFIX_LENGTH);
  let prefix = '';
  for (const byte of prefixBytes) prefix += PREFIX_ALPHABET[byte % 32];
  const secret = randomBytes(32).toString('base64url');
  return { token: `olk_${prefix}_${secret}`, prefix, tokenHash: hashTokenSecret(secret) };
}

/** Splits a presented token; null when it is not shaped like one of ours. */
export function parseApiToken(token: string): { prefix: string; secret: string } | null {
  const match = TOKEN_PATTERN.exec(token.trim());
  return match ? { prefix: match[1], secret: match[2] } : null;
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function tokenSecretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashTokenSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** Reads `Authorization: Bearer <token>`; undefined when there is no bearer header. */
export function bearerFromHeaders(headers: Headers): string | undefined {
  const header = headers.get('authorization');
  if (!header) return undefined;
  const [scheme, ...rest] = header.trim().split(/\s+/);
  if (scheme.toLowerCase() !== 'bearer') return undefined;
  return rest.join(' ');
}
