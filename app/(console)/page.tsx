import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageContainer, PageHeader } from '@/components/shell/page-header';
import { FleetOverview } from '@/components/fleet/fleet-overview';
import { LiveIndicator } from '@/components/fleet/live-indicator';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('fleet.overview');
  return { title: t('title') };
}

/** Overview: the fleet at a glance, live. The page is a server frame; widgets are client leaves. */
export default async function OverviewPage() {
  const t = await getTranslations('fleet.overview');
  return (
    <PageContainer>
      <PageHeader title={t('title')} description={t('description')} actions={<LiveIndicator />} />
      <FleetOverview />
    </PageContainer>
  );
}
