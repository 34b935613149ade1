import { ListSkeleton } from '@/components/fleet/list/skeletons';

/** The workload table's skeleton: filter bar plus rows. */
export function WorkloadListSkeleton({ label }: { label: string }) {
  return <ListSkeleton name="workload-table" label={label} filters={3} columns={8} />;
}
