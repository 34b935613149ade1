import 'server-only';

import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';

import { SignInSchema, TOO_MANY_SIGN_INS } from '@/lib/contracts/auth';
import { recordAuditEvent, requestInfoOf } from '@/lib/server/audit/audit-log';
import { getDb } from '@/lib/server/db/client';
import { getEnv, type Env } from '@/lib/server/env';
import { childLogger } from '@/lib/server/logger';

import { authenticateWithPassword } from './sign-in';
import { getSignInThrottle } from './sign-in-throttle';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string };
  }
  interface User {
    id: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The signed-in user's id; every request re-checks the user still exists and is enabled. */
    userId?: string;
  }
}

const log = childLogger({ module: 'auth' });

/** A console session lasts a working day; it is extended while the user is active. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** next-auth's default cookie name (prefixed `__Secure-` on https). */
export function sessionCookieName(env: Pick<Env, 'secureCookies'>): string {
  return `${env.secureCookies ? '__Secure-' : ''}next-auth.session-token`;
}

const SIGN_IN_AUDIT_REASONS = {
  invalid: 'wrong email or password',
  locked: 'account locked after repeated failures',
  disabled: 'account disabled',
} as const;

/** next-auth hands authorize() the request headers as a plain object (or nothing in tests). */
function headersOf(raw: unknown): Headers {
  const headers = new Headers();
  if (raw instanceof Headers) return raw;
  if (raw && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof value === 'string') headers.set(key, value);
      else if (Array.isArray(value)) headers.set(key, value.join(', '));
    }
  }
  return headers;
}

/** Builds the options for a given configuration (pure apart from the authorize callback's I/O). */
export function buildAuthOptions(env: Env): AuthOptions {
  return {
    secret: env.authSecret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
    // httpOnly + SameSite=Lax are next-auth's defaults; Secure (and __Secure- names) when https.
    useSecureCookies: env.secureCookies,
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, req) {
          const parsed = SignInSchema.safeParse(credentials ?? {});
          // null makes next-auth answer `error=CredentialsSignin`: one generic message for all failures.
          if (!parsed.success) return null;
          const db = await getDb();
          const request = requestInfoOf(headersOf(req?.headers));
          const throttle = getSignInThrottle();
          const decision = throttle.check(request.clientIp);
          if (!decision.allowed) {
            // Refused before the password is even looked at (no argon2 work for a sprayer).
            const minutes = Math.ceil(decision.retryAfterMs / 60_000);
            await recordAuditEvent(
              {
                actor: { kind: 'anonymous', email: parsed.data.email.trim().toLowerCase() },
                action: 'sign-in',
                outcome: 'denied',
                target: { kind: 'Session', name: parsed.data.email.trim().toLowerCase() },
                reason: `too many failed sign-ins from this address; refused for ${minutes} more minute${minutes === 1 ? '' : 's'}`,
                request,
              },
              db,
            );
            log.warn({ event: 'sign-in-throttled', clientIp: request.clientIp, retryAfterMs: decision.retryAfterMs }, 'sign-in refused: too many failures from this address');
            // next-auth hands a thrown error's message to the client as the error code.
            throw new Error(TOO_MANY_SIGN_INS);
          }
          const result = await authenticateWithPassword(db, parsed.data.email, parsed.data.password);
          if (!result.ok) {
            throttle.recordFailure(request.clientIp);
            // The reason is for the audit trail only; the user sees the same message whatever it was.
            await recordAuditEvent(
              {
                actor: { kind: 'anonymous', email: parsed.data.email.trim().toLowerCase() },
                action: 'sign-in',
                outcome: 'denied',
                target: { kind: 'Session', name: parsed.data.email.trim().toLowerCase() },
                reason: SIGN_IN_AUDIT_REASONS[result.reason],
                request,
              },
              db,
            );
            return null;
          }
          await recordAuditEvent(
            {
              actor: { kind: 'user', userId: result.user.id, email: result.user.email },
              action: 'sign-in',
              outcome: 'allowed',
              target: { kind: 'Session', name: result.user.email },
              request,
            },
            db,
          );
          return { id: result.user.id, email: result.user.email, name: result.user.name };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.userId = user.id;
        return token;
      },
      async session({ session, token }) {
        session.user = {
          id: token.userId ?? '',
          email: token.email ?? '',
          name: token.name ?? '',
        };
        return session;
      },
      async redirect({ url, baseUrl }) {
        // Only same-origin callback URLs: an open redirect after sign-in is a phishing aid.
        if (url.startsWith('/') && !url.startsWith('//')) return `${baseUrl}${url}`;
        try {
          if (new URL(url).origin === baseUrl) return url;
        } catch {
          // fall through
        }
        return baseUrl;
      },
    },
    events: {
      async signOut({ token }) {
        log.info({ event: 'sign-out', userId: token?.userId }, 'signed out');
      },
    },
    logger: {
      error(code, metadata) {
        log.error({ code, metadata: metadata instanceof Error ? { message: metadata.message } : undefined }, 'next-auth error');
      },
      warn(code) {
        log.warn({ code }, 'next-auth warning');
      },
      debug() {},
    },
  };
}

const globalForAuth = globalThis as unknown as { overlookAuthOptions?: AuthOptions };

/** Auth options for this process (built lazily: configuration errors surface at start, not import). */
export function getAuthOptions(): AuthOptions {
  globalForAuth.overlookAuthOptions ??= buildAuthOptions(getEnv());
  return globalForAuth.overlookAuthOptions;
}
