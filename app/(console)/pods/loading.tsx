import { getTranslations } from 'next-intl/server';
import { PageContainer } from '@/components/shell/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { PodListSkeleton } from '@/components/pods/pod-list-skeleton';

export default async function PodsLoading() {
  const t = await getTranslations('pods');
  return (
    <PageContainer>
      <div className="pb-5">
        <Skeleton className="h-6 w-32" />
        <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      </div>
      <PodListSkeleton label={t('loading')} />
    </PageContainer>
  );
}
