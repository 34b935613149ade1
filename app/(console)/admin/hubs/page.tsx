import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { HubsPanel } from '@/components/admin/hubs-panel';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.tabs');
  return { title: t('hubs') };
}

export default function AdminHubsPage() {
  return <HubsPanel />;
}
