import { Card } from '@/components/ui/card';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { VirtualTableSkeleton } from '@/components/fleet/virtual-table';

/** The datacenter table's skeleton: filter bar plus rows. */
export function DatacenterListSkeleton({ label }: { label: string }) {
  return (
    <SkeletonRegion name="datacenter-table" label={label}>
      <Card>
        <div className="flex items-center gap-2 border-b border-border px-3 py-2.5">
          <Skeleton className="h-7 w-64" />
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-7 w-32" />
          ))}
        </div>
        <VirtualTableSkeleton columns={9} rows={10} />
      </Card>
    </SkeletonRegion>
  );
}
