// Locale and preference constants shared by server and client code (no I/O here).

/** Locales the console ships catalogs for. */
export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** Cookie that remembers the chosen UI language (no locale in the URL: routes stay shareable). */
export const localeCookieName = 'overlook-locale';

/** Cookie that remembers the theme; read on the server to render the <html> class without a flash. */
export const themeCookieName = 'overlook-theme';
export const themes = ['dark', 'light', 'system'] as const;
export type Theme = (typeof themes)[number];
/** Ops consoles live on dark screens; first visit is dark unless the user picks otherwise. */
export const defaultTheme: Theme = 'dark';

/** Cookie that remembers a collapsed sidebar, so the server renders the right width. */
export const sidebarCookieName = 'overlook-sidebar';

/** A year: preferences should survive until the user changes them. */
export const preferenceCookieMaxAge = 60 * 60 * 24 * 365;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (themes as readonly string[]).includes(value);
}

/**
 * Picks the best supported locale from an Accept-Language header, honouring q-values.
 * Any Chinese variant maps to zh-CN (the only Chinese catalog); anything else falls back to English.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const qParam = params.find((p) => p.trim().startsWith('q='));
      const q = qParam ? Number.parseFloat(qParam.trim().slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return defaultLocale;
}
