import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Terminal } from 'lucide-react';
import { safeCallbackPath } from '@/components/auth/callback-url';
import { SignInForm } from '@/components/auth/sign-in-form';
import { AuthBrand } from '@/components/auth/auth-brand';
import { describeRole } from '@/components/shell/role-label';
import { demoAccounts, DEMO_PASSWORD } from '@/lib/server/auth/demo-accounts';
import { getPrincipal } from '@/lib/server/auth/principal';
import { hasAnyAdmin } from '@/lib/server/auth/setup-state';
import { getEnv } from '@/lib/server/env';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signIn');
  return { title: t('metaTitle') };
}

type LoginSearchParams = { callbackUrl?: string | string[]; error?: string | string[] };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<LoginSearchParams> }) {
  const params = await searchParams;
  const env = getEnv();
  const callbackUrl = safeCallbackPath(first(params.callbackUrl), env.publicUrl);

  // Already signed in: go where the user was heading.
  if (await getPrincipal()) redirect(callbackUrl);

  const t = await getTranslations('auth');
  const common = await getTranslations('common');
  const needsFirstAdmin = !env.demo && !(await hasAnyAdmin());

  const header = (
    <>
      <h1 className="text-base font-semibold text-fg">{t('signIn.title')}</h1>
      <p className="mt-1 mb-5 text-[13px] text-muted">{t('signIn.subtitle')}</p>
      {needsFirstAdmin ? (
        <div className="mb-5 rounded-md border border-info/30 bg-info-soft px-3 py-2.5 text-[13px]" data-testid="no-admin">
          <div className="flex items-center gap-2 font-medium text-info">
            <Terminal aria-hidden className="size-4" />
            {t('setup.title')}
          </div>
          <p className="mt-1 text-muted">{t('setup.description')}</p>
          <code className="mt-2 block overflow-x-auto rounded bg-panel-sunken px-2 py-1.5 font-mono text-xs whitespace-nowrap text-fg">
            npm run admin:create -- --email you@example.com
          </code>
        </div>
      ) : null}
    </>
  );

  return (
    <div className="flex w-full flex-col items-center">
      <AuthBrand name={common('productName')} tagline={common('productTagline')} />
      <SignInForm
        header={header}
        callbackUrl={callbackUrl}
        initialError={first(params.error)}
        demoAccounts={
          env.demo
            ? demoAccounts.map((account) => ({
                email: account.email,
                name: account.name,
                // Described from the role binding through the catalog, so it reads in the UI language.
                description: describeRole([{ role: account.role, scope: account.scope }], (role) =>
                  common(`roles.${role}`),
                ),
                tone: account.role === 'platform-admin' ? 'accent' : account.role === 'operator' ? 'info' : 'neutral',
              }))
            : undefined
        }
        demoPassword={env.demo ? DEMO_PASSWORD : undefined}
      />
    </div>
  );
}
