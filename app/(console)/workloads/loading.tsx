import { getTranslations } from 'next-intl/server';
import { PageContainer } from '@/components/shell/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { WorkloadListSkeleton } from '@/components/workloads/workload-list-skeleton';

export default async function WorkloadsLoading() {
  const t = await getTranslations('workloads');
  return (
    <PageContainer>
      <div className="pb-5">
        <Skeleton className="h-6 w-32" />
        <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      </div>
      <WorkloadListSkeleton label={t('loading')} />
    </PageContainer>
  );
}
