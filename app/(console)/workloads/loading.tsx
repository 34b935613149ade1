import { getTranslations } from 'next-intl/server';
import { ListPageSkeleton } from '@/components/fleet/list/skeletons';
import { WorkloadListSkeleton } from '@/components/workloads/workload-list-skeleton';

export default async function WorkloadsLoading() {
  const t = await getTranslations('workloads');
  return <ListPageSkeleton><WorkloadListSkeleton label={t('loading')} /></ListPageSkeleton>;
}
