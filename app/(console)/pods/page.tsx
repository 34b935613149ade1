import { Suspense } from 'react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageContainer, PageHeader } from '@/components/shell/page-header';
import { LiveIndicator } from '@/components/fleet/live-indicator';
import { PodList } from '@/components/pods/pod-list';
import { PodListSkeleton } from '@/components/pods/pod-list-skeleton';
import { WorkloadTabs } from '@/components/workloads/workload-tabs';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pods');
  return { title: t('title') };
}

export default async function PodsPage() {
  const t = await getTranslations('pods');
  return (
    <PageContainer>
      <PageHeader title={t('title')} description={t('description')} actions={<LiveIndicator />} />
      <WorkloadTabs active="pods" />
      <Suspense fallback={<PodListSkeleton label={t('loading')} />}>
        <PodList />
      </Suspense>
    </PageContainer>
  );
}
