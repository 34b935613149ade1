import 'server-only';

import { getToken } from 'next-auth/jwt';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';

import type { Locale, Role, RoleBinding } from '@/lib/contracts/auth';
import type { TokenScope } from '@/lib/contracts/tokens';
import { getDb } from '@/lib/server/db/client';
import { roleBindingsRepository } from '@/lib/server/db/role-bindings';
import { tokensRepository } from '@/lib/server/db/tokens';
import { usersRepository } from '@/lib/server/db/users';
import { getEnv } from '@/lib/server/env';
import { ensureTenantOwnership } from '@/lib/server/tenants/ownership';

import { bearerFromHeaders } from './api-tokens';
import { getAuthOptions, sessionCookieName } from './options';
import { cachedSessionPrincipal, cachedTokenPrincipal } from './principal-cache';
import { authenticateApiToken, LAST_USED_WRITE_INTERVAL_MS } from './token-service';

export type { Role, RoleBindingScope } from '@/lib/contracts/auth';

/** Who is calling: a signed-in user or an API token acting for its user. */
export type Principal = {
  kind: 'user' | 'token';
  userId: string;
  email: string;
  name: string;
  locale: Locale;
  /** Set for kind 'token'. */
  tokenId?: string;
  /** Set for kind 'token': what the token may do ('read' → GET only). */
  tokenScopes?: TokenScope[];
  /** Set for kind 'token': the public prefix, for the audit trail. */
  tokenPrefix?: string;
  /** The user's role bindings (a token acts with its user's roles, limited by its scopes). */
  bindings: RoleBinding[];
};

/** Loads a user and bindings by id; null for unknown or disabled users. */
export async function loadPrincipal(
  userId: string,
  extra: { kind: 'user' } | { kind: 'token'; tokenId: string; tokenScopes: TokenScope[]; tokenPrefix?: string },
): Promise<Principal | null> {
  const db = await getDb();
  const user = await usersRepository(db).findById(userId);
  if (!user || user.disabled) return null;
  const bindings = (await roleBindingsRepository(db).listForUser(userId)).map(({ role, scope }) => ({ role, scope }));
  // Namespace ownership decides what this caller sees: have it loaded before anything asks.
  await ensureTenantOwnership(db);
  return {
    kind: extra.kind,
    userId: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    ...(extra.kind === 'token' ? { tokenId: extra.tokenId, tokenScopes: extra.tokenScopes, tokenPrefix: extra.tokenPrefix } : {}),
    bindings,
  };
}

/** A session user's principal, cached by user id (the JWT itself is verified on every request). */
async function loadSessionPrincipal(userId: string): Promise<Principal | null> {
  const db = await getDb();
  return cachedSessionPrincipal(db, userId, () => loadPrincipal(userId, { kind: 'user' }), { onHit: () => ensureTenantOwnership(db) });
}

function parseCookieHeader(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

/**
 * Authenticates a request: `Authorization: Bearer <api token>` first (an invalid token is a
 * failure, not a fallback to cookies), else the next-auth session cookie. Disabled users → null.
 */
export async function getPrincipalFromRequest(req: Request): Promise<Principal | null> {
  const bearer = bearerFromHeaders(req.headers);
  if (bearer !== undefined) {
    const db = await getDb();
    // Cached for a few seconds (see principal-cache.ts); a miss runs the full check below.
    return cachedTokenPrincipal(
      db,
      bearer,
      async (now) => {
        const token = await authenticateApiToken(db, bearer, now);
        if (!token) return null;
        const principal = await loadPrincipal(token.userId, { kind: 'token', tokenId: token.id, tokenScopes: token.scopes, tokenPrefix: token.prefix });
        return principal && { principal, tokenId: token.id, expiresAt: token.expiresAt, lastUsedAt: token.lastUsedAt };
      },
      {
        touchLastUsed: (tokenId, at) => tokensRepository(db).touchLastUsed(tokenId, at),
        lastUsedWriteIntervalMs: LAST_USED_WRITE_INTERVAL_MS,
        onHit: () => ensureTenantOwnership(db),
      },
    );
  }
  const env = getEnv();
  const jwt = await getToken({
    req: { headers: req.headers, cookies: parseCookieHeader(req.headers.get('cookie')) } as never,
    secret: env.authSecret,
    secureCookie: env.secureCookies,
    cookieName: sessionCookieName(env),
  });
  const userId = typeof jwt?.userId === 'string' ? jwt.userId : undefined;
  if (!userId) return null;
  return loadSessionPrincipal(userId);
}

/** The signed-in user for server components and server actions; null when signed out. */
export async function getPrincipal(): Promise<Principal | null> {
  const session = await getServerSession(getAuthOptions());
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadSessionPrincipal(userId);
}

/** For pages: the signed-in user, or a redirect to /login that comes back here afterwards. */
export async function requirePrincipal(callbackPath?: string): Promise<Principal> {
  const principal = await getPrincipal();
  if (principal) return principal;
  let target = callbackPath;
  if (!target) {
    // Set by proxy.ts / the console layout when available; '/' otherwise.
    const headerList = await headers();
    target = headerList.get('x-overlook-pathname') ?? '/';
  }
  redirect(`/login?callbackUrl=${encodeURIComponent(target)}`);
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.bindings.some((binding) => binding.role === role);
}

export function isPlatformAdmin(principal: Principal): boolean {
  return hasRole(principal, 'platform-admin');
}

/** True when the principal may perform mutations (session users always; tokens need 'write'). */
export function canWrite(principal: Principal): boolean {
  return principal.kind === 'user' || (principal.tokenScopes ?? []).includes('write');
}
