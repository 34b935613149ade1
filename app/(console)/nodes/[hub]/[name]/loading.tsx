import { getTranslations } from 'next-intl/server';
import { PageContainer } from '@/components/shell/page-header';
import { NodeDetailSkeleton } from '@/components/nodes/node-detail-skeleton';

export default async function NodeDetailLoading() {
  const t = await getTranslations('nodes.detail');
  return (
    <PageContainer>
      <NodeDetailSkeleton label={t('loading')} />
    </PageContainer>
  );
}
