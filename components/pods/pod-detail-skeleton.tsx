import { DetailSkeleton } from '@/components/fleet/list/skeletons';

/** Skeleton of the pod detail: title row, three summary cards and the containers table. */
export function PodDetailSkeleton({ label }: { label: string }) {
  return <DetailSkeleton name="pod-detail" label={label} crumbWidth="w-56" titleWidth="w-80" cardRows={5} tableRows={3} tableRowClass="h-8" />;
}
