import { getTranslations } from 'next-intl/server';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { PageContainer } from '@/components/shell/page-header';

export default async function TokensLoading() {
  const t = await getTranslations('tokens');
  return (
    <PageContainer>
      <SkeletonRegion name="tokens-page" label={t('skeleton')}>
        <Skeleton className="h-3 w-16" />
        <Skeleton className="mt-2 h-6 w-40" />
        <Skeleton className="mt-2 h-4 w-[28rem] max-w-full" />
        <div className="mt-5 max-w-5xl rounded-lg border border-border bg-panel">
          <div className="flex items-center justify-between border-b border-border px-4 py-3">
            <Skeleton className="h-4 w-32" />
            <Skeleton className="h-7 w-28" />
          </div>
          <div className="space-y-3 p-4">
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} className="h-5 w-full" />
            ))}
          </div>
        </div>
      </SkeletonRegion>
    </PageContainer>
  );
}
