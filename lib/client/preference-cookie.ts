import { preferenceCookieMaxAge } from '@/i18n/config';

/**
 * Writes a UI preference cookie (theme, sidebar) from the browser. Not httpOnly on purpose: these are
 * display preferences the server reads to render the first paint correctly, never credentials.
 */
export function writePreferenceCookie(name: string, value: string): void {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${preferenceCookieMaxAge}; samesite=lax`;
}
