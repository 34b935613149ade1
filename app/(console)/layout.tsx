import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { Header } from '@/components/shell/header';
import { Sidebar } from '@/components/shell/sidebar';
import { canSeeAdmin, canSeeAudit, canSeeMyTenant, consoleAccessOf } from '@/components/tenancy/access';
import { AccessProvider } from '@/components/tenancy/access-provider';
import { defaultTheme, isTheme, sidebarCookieName, themeCookieName } from '@/i18n/config';
import { requirePrincipal } from '@/lib/server/auth/principal';
import { getEnv } from '@/lib/server/env';

/**
 * The authenticated console. Every page below requires a session: requirePrincipal() redirects a
 * signed-out request to /login?callbackUrl=<this page>. (API routes answer 401 JSON on their own.)
 */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const principal = await requirePrincipal();
  const { demo } = getEnv();
  const cookieStore = await cookies();
  const themeCookie = cookieStore.get(themeCookieName)?.value;
  const theme = isTheme(themeCookie) ? themeCookie : defaultTheme;
  const sidebarCollapsed = cookieStore.get(sidebarCookieName)?.value === 'collapsed';
  const t = await getTranslations('shell.header');
  const access = consoleAccessOf(principal.bindings);
  const hiddenHrefs = [
    ...(canSeeAdmin(access) ? [] : ['/admin']),
    ...(canSeeAudit(access) ? [] : ['/audit']),
    ...(canSeeMyTenant(access) ? [] : ['/tenant']),
  ];

  return (
    <AccessProvider access={access}>
    <div className="flex h-dvh flex-col overflow-hidden">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-accent px-3 py-1.5 text-accent-contrast focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        {t('skipToContent')}
      </a>
      <Header
        user={{ name: principal.name, email: principal.email, bindings: principal.bindings }}
        demo={demo}
        theme={theme}
      />
      <div className="flex min-h-0 flex-1">
        <Sidebar defaultCollapsed={sidebarCollapsed} hiddenHrefs={hiddenHrefs} />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 overflow-y-auto bg-surface outline-none">
          {children}
        </main>
      </div>
    </div>
    </AccessProvider>
  );
}
