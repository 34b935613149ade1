import { DetailSkeleton } from '@/components/fleet/list/skeletons';

/** Skeleton of the node detail: title row, three summary cards, conditions and pods. */
export function NodeDetailSkeleton({ label }: { label: string }) {
  return <DetailSkeleton name="node-detail" label={label} crumbWidth="w-40" titleWidth="w-72" cardRows={6} tableRows={5} tableRowClass="h-4" />;
}
