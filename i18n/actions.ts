'use server';

import { cookies } from 'next/headers';
import { getPrincipal } from '@/lib/server/auth/principal';
import { getDb } from '@/lib/server/db/client';
import { usersRepository } from '@/lib/server/db/users';
import { childLogger } from '@/lib/server/logger';
import { preferenceCookieMaxAge, isLocale, localeCookieName } from './config';

const log = childLogger({ module: 'i18n' });

export type SetLocaleResult = { ok: true } | { ok: false; error: 'invalid_locale' };

/**
 * Remembers the UI language in the `overlook-locale` cookie and, for a signed-in user, on their
 * account (so a new browser starts in their language). Setting a cookie in a Server Action makes
 * Next.js re-render the current route, so the page comes back translated in the same round trip.
 */
export async function setLocale(locale: unknown): Promise<SetLocaleResult> {
  if (!isLocale(locale)) return { ok: false, error: 'invalid_locale' };
  (await cookies()).set(localeCookieName, locale, {
    path: '/',
    maxAge: preferenceCookieMaxAge,
    sameSite: 'lax',
    // Readable by the client on purpose: global-error.tsx renders outside the providers and reads it.
    httpOnly: false,
  });
  try {
    const principal = await getPrincipal();
    if (principal && principal.locale !== locale) {
      await usersRepository(await getDb()).setLocale(principal.userId, locale);
    }
  } catch (error) {
    // The cookie already switched the language; failing to save the account preference is not fatal.
    log.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not save locale preference');
  }
  return { ok: true };
}
