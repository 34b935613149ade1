import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';

/** Skeleton of the pod detail: title row, three summary cards and the containers table. */
export function PodDetailSkeleton({ label }: { label: string }) {
  return (
    <SkeletonRegion name="pod-detail" label={label} className="space-y-3">
      <div className="pb-2">
        <Skeleton className="h-3 w-56" />
        <Skeleton className="mt-2 h-6 w-80" />
      </div>
      <div className="grid gap-3 lg:grid-cols-3">
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className="rounded-lg border border-border bg-panel p-4">
            <Skeleton className="h-4 w-24" />
            <div className="mt-4 space-y-2.5">
              {Array.from({ length: 5 }, (_, j) => (
                <Skeleton key={j} className="h-3.5 w-full" />
              ))}
            </div>
          </div>
        ))}
      </div>
      <div className="rounded-lg border border-border bg-panel p-4">
        <Skeleton className="h-4 w-32" />
        <div className="mt-4 space-y-2.5">
          {Array.from({ length: 3 }, (_, j) => (
            <Skeleton key={j} className="h-8 w-full" />
          ))}
        </div>
      </div>
    </SkeletonRegion>
  );
}
