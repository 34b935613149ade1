import { getTranslations } from 'next-intl/server';
import { PageContainer } from '@/components/shell/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { NodeListSkeleton } from '@/components/nodes/node-list-skeleton';

export default async function NodesLoading() {
  const t = await getTranslations('nodes');
  return (
    <PageContainer>
      <div className="pb-5">
        <Skeleton className="h-6 w-32" />
        <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      </div>
      <NodeListSkeleton label={t('loading')} />
    </PageContainer>
  );
}
