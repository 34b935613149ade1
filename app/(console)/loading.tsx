import { getTranslations } from 'next-intl/server';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';

/** Console page skeleton: a page header and a card grid, inside the already-rendered shell. */
export default async function ConsoleLoading() {
  const t = await getTranslations('states.loading');
  return (
    <SkeletonRegion name="console-page" label={t('page')} className="mx-auto w-full max-w-[1600px] px-6 py-5">
      <Skeleton className="h-6 w-48" />
      <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      <div className="mt-6 grid grid-cols-2 gap-3 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="rounded-lg border border-border bg-panel p-4">
            <Skeleton className="h-3 w-20" />
            <Skeleton className="mt-3 h-7 w-16" />
          </div>
        ))}
      </div>
      <div className="mt-3 rounded-lg border border-border bg-panel p-4">
        <Skeleton className="h-4 w-40" />
        <div className="mt-4 space-y-3">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-5 w-full" />
          ))}
        </div>
      </div>
    </SkeletonRegion>
  );
}
