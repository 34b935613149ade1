import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Building } from 'lucide-react';
import { PageContainer, PageHeader } from '@/components/shell/page-header';
import { consoleAccessOf } from '@/components/tenancy/access';
import { EmptyState } from '@/components/ui/empty-state';
import { TENANT_NARROWING_COOKIE } from '@/lib/contracts/tenancy';
import { requirePrincipal } from '@/lib/server/auth/principal';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('tenancy.page');
  return { title: t('metaTitle') };
}

/** "My tenant" opens on the tenant the header is narrowed to, else the caller's first tenant. */
export default async function MyTenantPage() {
  const t = await getTranslations('tenancy.page');
  const access = consoleAccessOf((await requirePrincipal()).bindings);
  const narrowed = (await cookies()).get(TENANT_NARROWING_COOKIE)?.value;
  const slug = narrowed && (access.memberTenants.includes(narrowed) || access.platformAdmin) ? narrowed : [...access.memberTenants].sort()[0];
  if (slug) redirect(`/tenant/${encodeURIComponent(slug)}`);
  return (
    <PageContainer>
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} description={t('description')} />
      <EmptyState icon={Building} title={t('none.title')} description={t('none.description')} />
    </PageContainer>
  );
}
