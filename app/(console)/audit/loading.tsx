import { getTranslations } from 'next-intl/server';
import { PageContainer } from '@/components/shell/page-header';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';

export default async function AuditLoading() {
  const t = await getTranslations('audit');
  return (
    <PageContainer>
      <SkeletonRegion name="audit-page" label={t('loading')}>
        <Skeleton className="h-3 w-16" />
        <Skeleton className="mt-2 h-6 w-40" />
        <Skeleton className="mt-2 h-4 w-[28rem] max-w-full" />
        <Skeleton className="mt-5 h-8 w-full" />
        <div className="mt-3 space-y-3 rounded-lg border border-border bg-panel p-4">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-5 w-full" />
          ))}
        </div>
      </SkeletonRegion>
    </PageContainer>
  );
}
