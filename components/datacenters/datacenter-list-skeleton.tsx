import { ListSkeleton } from '@/components/fleet/list/skeletons';

/** The datacenter table's skeleton: filter bar plus rows. */
export function DatacenterListSkeleton({ label }: { label: string }) {
  return <ListSkeleton name="datacenter-table" label={label} filters={3} columns={9} rows={10} />;
}
