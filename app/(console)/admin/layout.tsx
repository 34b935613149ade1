import { getTranslations } from 'next-intl/server';
import { AdminTabs } from '@/components/admin/admin-tabs';
import { PageContainer, PageHeader } from '@/components/shell/page-header';
import { canSeeAdmin, consoleAccessOf } from '@/components/tenancy/access';
import { ForbiddenPanel } from '@/components/tenancy/forbidden-panel';
import { requirePrincipal } from '@/lib/server/auth/principal';

/** The Admin section: platform admins only (the API refuses everyone else anyway). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations('admin');
  const access = consoleAccessOf((await requirePrincipal()).bindings);
  if (!canSeeAdmin(access)) {
    return (
      <PageContainer>
        <ForbiddenPanel title={t('forbidden.title')} description={t('forbidden.description')} />
      </PageContainer>
    );
  }
  return (
    <PageContainer>
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} description={t('description')} />
      <AdminTabs />
      {children}
    </PageContainer>
  );
}
