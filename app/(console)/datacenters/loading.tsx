import { getTranslations } from 'next-intl/server';
import { ListPageSkeleton } from '@/components/fleet/list/skeletons';
import { DatacenterListSkeleton } from '@/components/datacenters/datacenter-list-skeleton';

export default async function DatacentersLoading() {
  const t = await getTranslations('datacenters');
  return <ListPageSkeleton titleWidth="w-40"><DatacenterListSkeleton label={t('loading')} /></ListPageSkeleton>;
}
