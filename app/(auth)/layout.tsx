import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { ThemeSwitch } from '@/components/shell/theme-switch';
import { defaultTheme, isTheme, themeCookieName } from '@/i18n/config';

/** Signed-out pages: a quiet backdrop, language and theme available before signing in. */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const themeCookie = (await cookies()).get(themeCookieName)?.value;
  const theme = isTheme(themeCookie) ? themeCookie : defaultTheme;
  const t = await getTranslations('auth');

  return (
    <div className="relative flex min-h-dvh flex-col overflow-hidden">
      {/* Decorative backdrop: a faint grid fading out from the top, and a soft accent glow. */}
      <div
        aria-hidden
        className="pointer-events-none absolute inset-0 [background-image:linear-gradient(var(--border)_1px,transparent_1px),linear-gradient(90deg,var(--border)_1px,transparent_1px)] [background-size:44px_44px] [mask-image:radial-gradient(ellipse_70%_55%_at_50%_0%,black,transparent)] opacity-60"
      />
      <div
        aria-hidden
        className="pointer-events-none absolute top-[-180px] left-1/2 h-[420px] w-[720px] -translate-x-1/2 rounded-full bg-accent opacity-[0.10] blur-[100px]"
      />
      <div className="relative flex justify-end gap-2 p-4">
        <LanguageSwitch />
        <ThemeSwitch initialTheme={theme} />
      </div>
      <main className="relative flex flex-1 items-start justify-center px-4 pt-[6vh] pb-16">{children}</main>
      <footer className="relative pb-6 text-center text-2xs text-faint">{t('footer')}</footer>
    </div>
  );
}
