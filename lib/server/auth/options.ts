import 'server-only';

import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';

import { SignInSchema } from '@/lib/contracts/auth';
import { getDb } from '@/lib/server/db/client';
import { getEnv, type Env } from '@/lib/server/env';
import { childLogger } from '@/lib/server/logger';

import { authenticateWithPassword } from './sign-in';

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
        async authorize(credentials) {
          const parsed = SignInSchema.safeParse(credentials ?? {});
          // null makes next-auth answer `error=CredentialsSignin`: one generic message for all failures.
          if (!parsed.success) return null;
          const result = await authenticateWithPassword(await getDb(), parsed.data.email, parsed.data.password);
          if (!result.ok) return null;
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
