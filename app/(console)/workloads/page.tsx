import { Suspense } from 'react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageContainer, PageHeader } from '@/components/shell/page-header';
import { LiveIndicator } from '@/components/fleet/live-indicator';
import { WorkloadList } from '@/components/workloads/workload-list';
import { WorkloadListSkeleton } from '@/components/workloads/workload-list-skeleton';
import { WorkloadTabs } from '@/components/workloads/workload-tabs';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('workloads');
  return { title: t('title') };
}

export default async function WorkloadsPage() {
  const t = await getTranslations('workloads');
  return (
    <PageContainer>
      <PageHeader title={t('title')} description={t('description')} actions={<LiveIndicator />} />
      <WorkloadTabs active="workloads" />
      <Suspense fallback={<WorkloadListSkeleton label={t('loading')} />}>
        <WorkloadList />
      </Suspense>
    </PageContainer>
  );
}
