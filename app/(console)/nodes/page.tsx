import { Suspense } from 'react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageContainer, PageHeader } from '@/components/shell/page-header';
import { LiveIndicator } from '@/components/fleet/live-indicator';
import { NodeList } from '@/components/nodes/node-list';
import { NodeListSkeleton } from '@/components/nodes/node-list-skeleton';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nodes');
  return { title: t('title') };
}

export default async function NodesPage() {
  const t = await getTranslations('nodes');
  return (
    <PageContainer>
      <PageHeader title={t('title')} description={t('description')} actions={<LiveIndicator />} />
      {/* The list reads its filters from the URL; Suspense lets the frame stream first. */}
      <Suspense fallback={<NodeListSkeleton label={t('loading')} />}>
        <NodeList />
      </Suspense>
    </PageContainer>
  );
}
