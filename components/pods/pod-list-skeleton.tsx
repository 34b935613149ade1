import { ListSkeleton } from '@/components/fleet/list/skeletons';

/** The pod table's skeleton: filter bar plus rows, the same frame the loaded table uses. */
export function PodListSkeleton({ label }: { label: string }) {
  return <ListSkeleton name="pod-table" label={label} filters={4} columns={9} />;
}
