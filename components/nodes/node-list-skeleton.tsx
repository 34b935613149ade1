import { ListSkeleton } from '@/components/fleet/list/skeletons';

/** The node table's skeleton: filter bar plus rows, the same frame the loaded table uses. */
export function NodeListSkeleton({ label }: { label: string }) {
  return <ListSkeleton name="node-table" label={label} filters={5} filterWidth="w-28" columns={9} />;
}
