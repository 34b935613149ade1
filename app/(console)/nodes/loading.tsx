import { getTranslations } from 'next-intl/server';
import { ListPageSkeleton } from '@/components/fleet/list/skeletons';
import { NodeListSkeleton } from '@/components/nodes/node-list-skeleton';

export default async function NodesLoading() {
  const t = await getTranslations('nodes');
  return <ListPageSkeleton><NodeListSkeleton label={t('loading')} /></ListPageSkeleton>;
}
