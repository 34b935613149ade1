import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';

/** Skeleton of the datacenter detail: title, four summary cards, the site card and the node table. */
export function DatacenterDetailSkeleton({ label }: { label: string }) {
  return (
    <SkeletonRegion name="datacenter-detail" label={label} className="space-y-3">
      <div className="pb-2">
        <Skeleton className="h-3 w-32" />
        <Skeleton className="mt-2 h-6 w-64" />
      </div>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="rounded-lg border border-border bg-panel p-3.5">
            <Skeleton className="h-3 w-16" />
            <Skeleton className="mt-2 h-7 w-20" />
            <Skeleton className="mt-2 h-3 w-full" />
          </div>
        ))}
      </div>
      <div className="rounded-lg border border-border bg-panel p-4">
        <div className="space-y-2.5">
          {Array.from({ length: 8 }, (_, j) => (
            <Skeleton key={j} className="h-4 w-full" />
          ))}
        </div>
      </div>
    </SkeletonRegion>
  );
}
