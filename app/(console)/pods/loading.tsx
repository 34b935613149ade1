import { getTranslations } from 'next-intl/server';
import { ListPageSkeleton } from '@/components/fleet/list/skeletons';
import { PodListSkeleton } from '@/components/pods/pod-list-skeleton';

export default async function PodsLoading() {
  const t = await getTranslations('pods');
  return <ListPageSkeleton><PodListSkeleton label={t('loading')} /></ListPageSkeleton>;
}
