import '@fontsource-variable/inter';
import './globals.css';

import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { QueryProvider } from '@/components/providers/query-provider';
import { defaultTheme, isTheme, themeCookieName } from '@/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    title: { template: `%s · ${t('productName')}`, default: t('productName') },
    description: t('productTagline'),
    // An operations console is never something to index.
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = {
  colorScheme: 'dark light',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const themeCookie = (await cookies()).get(themeCookieName)?.value;
  // The theme class is rendered on the server from the cookie, so the first paint is already right.
  const theme = isTheme(themeCookie) ? themeCookie : defaultTheme;

  return (
    <html lang={locale} className={theme} suppressHydrationWarning>
      <body className="min-h-dvh bg-surface text-fg">
        <NextIntlClientProvider>
          <QueryProvider>{children}</QueryProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
