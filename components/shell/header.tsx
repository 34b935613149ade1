import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { RoleBinding } from '@/lib/contracts/auth';
import type { Theme } from '@/i18n/config';
import { DemoPill } from './demo-pill';
import { LanguageSwitch } from './language-switch';
import { ProductMark } from './product-mark';
import { describeRole } from './role-label';
import { HubFilter, TenantSwitcher } from './scope-filters';
import { ThemeSwitch } from './theme-switch';
import { UserMenu } from './user-menu';

export type HeaderUser = { name: string; email: string; bindings: RoleBinding[] };

/** The console's top bar: product mark, scope (hub/region, tenant), demo marker, preferences, account. */
export async function Header({ user, demo, theme }: { user: HeaderUser; demo: boolean; theme: Theme }) {
  const t = await getTranslations('common');
  const roleLabel = describeRole(user.bindings, (role) => t(`roles.${role}`));

  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-border bg-panel px-3">
      <Link href="/" className="flex items-center rounded-md px-1 py-1 hover:bg-panel-raised" aria-label={t('productName')}>
        <ProductMark name={t('productName')} />
      </Link>
      <div className="h-5 w-px bg-border" aria-hidden />
      <div className="hidden items-center gap-2 md:flex">
        <HubFilter />
        <TenantSwitcher />
      </div>
      <div className="ml-auto flex items-center gap-2">
        {demo ? <DemoPill /> : null}
        <LanguageSwitch />
        <ThemeSwitch initialTheme={theme} />
        <div className="h-5 w-px bg-border" aria-hidden />
        <UserMenu name={user.name} email={user.email} roleLabel={roleLabel} />
      </div>
    </header>
  );
}
