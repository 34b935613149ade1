import { getTranslations } from 'next-intl/server';
import { PageContainer } from '@/components/shell/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { DatacenterListSkeleton } from '@/components/datacenters/datacenter-list-skeleton';

export default async function DatacentersLoading() {
  const t = await getTranslations('datacenters');
  return (
    <PageContainer>
      <div className="pb-5">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      </div>
      <DatacenterListSkeleton label={t('loading')} />
    </PageContainer>
  );
}
