import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TenantsPanel } from '@/components/admin/tenants-panel';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.tabs');
  return { title: t('tenants') };
}

export default function AdminTenantsPage() {
  return <TenantsPanel />;
}
