import { getTranslations } from 'next-intl/server';
import { PageContainer } from '@/components/shell/page-header';
import { PodDetailSkeleton } from '@/components/pods/pod-detail-skeleton';

export default async function PodDetailLoading() {
  const t = await getTranslations('pods.detail');
  return (
    <PageContainer>
      <PodDetailSkeleton label={t('loading')} />
    </PageContainer>
  );
}
