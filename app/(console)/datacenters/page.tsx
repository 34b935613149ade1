import { Suspense } from 'react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageContainer, PageHeader } from '@/components/shell/page-header';
import { LiveIndicator } from '@/components/fleet/live-indicator';
import { DatacenterList } from '@/components/datacenters/datacenter-list';
import { DatacenterListSkeleton } from '@/components/datacenters/datacenter-list-skeleton';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('datacenters');
  return { title: t('title') };
}

export default async function DatacentersPage() {
  const t = await getTranslations('datacenters');
  return (
    <PageContainer>
      <PageHeader title={t('title')} description={t('description')} actions={<LiveIndicator />} />
      <Suspense fallback={<DatacenterListSkeleton label={t('loading')} />}>
        <DatacenterList />
      </Suspense>
    </PageContainer>
  );
}
