import { getTranslations } from 'next-intl/server';
import { PageContainer } from '@/components/shell/page-header';
import { DatacenterDetailSkeleton } from '@/components/datacenters/datacenter-detail-skeleton';

export default async function DatacenterDetailLoading() {
  const t = await getTranslations('datacenters.detail');
  return (
    <PageContainer>
      <DatacenterDetailSkeleton label={t('loading')} />
    </PageContainer>
  );
}
