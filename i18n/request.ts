// next-intl request configuration WITHOUT locale routing: URLs carry no locale. The language is, in
// order: the `overlook-locale` cookie (set by the language switch), the signed-in user's saved
// language (a new browser starts in it), then Accept-Language.
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { messagesByLocale } from '@/messages';
import { getPrincipal } from '@/lib/server/auth/principal';
import { isLocale, localeCookieName, localeFromAcceptLanguage, type Locale } from './config';

/** next-auth's session cookie, plain or `__Secure-` prefixed (https). */
const sessionCookiePattern = /(^|__Secure-)next-auth\.session-token/;

export async function resolveRequestLocale(): Promise<Locale> {
  const cookieStore = await cookies();
  const cookieLocale = cookieStore.get(localeCookieName)?.value;
  if (isLocale(cookieLocale)) return cookieLocale;
  // Only look the user up when a session cookie is present: signed-out pages cost no database read.
  if (cookieStore.getAll().some((cookie) => sessionCookiePattern.test(cookie.name))) {
    const principal = await getPrincipal().catch(() => null);
    if (principal) return principal.locale;
  }
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}

export default getRequestConfig(async () => {
  const locale = await resolveRequestLocale();
  return {
    locale,
    messages: messagesByLocale[locale],
    // Servers run in UTC; render times in UTC unless a component formats them on the client.
    timeZone: 'UTC',
  };
});
