'use client';

// Last-resort boundary: replaces the root layout, so there are no providers, no cookies() and no
// theme class here. It picks the language from the `overlook-locale` cookie (or the browser) and
// reads the catalog directly, and follows the OS colour scheme.
import './globals.css';
import { useEffect, useState } from 'react';
import { isLocale, localeCookieName, localeFromAcceptLanguage, type Locale } from '@/i18n/config';
import enCommon from '@/messages/en/common.json';
import enStates from '@/messages/en/states.json';
import zhCommon from '@/messages/zh-CN/common.json';
import zhStates from '@/messages/zh-CN/states.json';

// Only the two namespaces this page needs, so the client bundle does not carry the whole catalog.
const messagesByLocale = {
  en: { common: enCommon, states: enStates },
  'zh-CN': { common: zhCommon, states: zhStates },
} satisfies Record<Locale, unknown>;

function browserLocale(): Locale {
  if (typeof document === 'undefined') return 'en';
  const match = document.cookie.match(new RegExp(`(?:^|; )${localeCookieName}=([^;]*)`));
  const fromCookie = match ? decodeURIComponent(match[1]) : null;
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(navigator.languages?.join(','));
}

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const [locale] = useState(browserLocale);
  const messages = messagesByLocale[locale];
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <html lang={locale} className="system">
      <body className="flex min-h-dvh items-center justify-center bg-surface px-6 text-fg">
        <title>{messages.states.globalError.title}</title>
        <div role="alert" className="max-w-md text-center">
          <h1 className="text-lg font-semibold">{messages.states.globalError.title}</h1>
          <p className="mt-2 text-[13px] text-muted">{messages.states.globalError.description}</p>
          {digest ? (
            <p className="mt-3 font-mono text-xs text-faint">
              {messages.states.error.reference.replace('{digest}', digest)}
            </p>
          ) : null}
          <button
            type="button"
            onClick={() => retry()}
            className="mt-6 inline-flex h-8 items-center rounded-md bg-accent px-3 text-[13px] font-medium text-accent-contrast hover:bg-accent-hover"
          >
            {messages.common.actions.retry}
          </button>
        </div>
      </body>
    </html>
  );
}
