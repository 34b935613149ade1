'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { CircleCheck, Cloud, RotateCw, Server, Unplug, TriangleAlert, type LucideIcon } from 'lucide-react';
import type { Problem } from '@/lib/contracts/fleet';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { cn } from '@/components/ui/cn';
import { fleetHref } from './links';
import { RelativeTime } from './relative-time';

const iconByKind: Record<Problem['kind'], LucideIcon> = {
  'hub-unreachable': Unplug,
  'hub-degraded': TriangleAlert,
  'cloudcore-degraded': Cloud,
  'node-offline': Server,
  'node-not-ready': Server,
  'pod-crashloop': RotateCw,
};

export function problemHref(problem: Problem): string {
  const { target } = problem;
  switch (target.kind) {
    case 'node':
      return fleetHref.node(target.hub, target.name);
    case 'pod':
      return fleetHref.pod(target.hub, target.namespace ?? 'default', target.name);
    case 'datacenter':
      return fleetHref.datacenter(target.name.includes(':') ? target.name : `${target.hub}:${target.name}`);
    case 'hub':
      return fleetHref.datacenters({ hub: target.hub });
  }
}

/** Offline nodes, crash-looping pods, hub trouble — newest first, each linking to the object. */
export function ProblemList({ problems }: { problems: Problem[] }) {
  const t = useTranslations('fleet.overview.problems');
  if (!problems.length) {
    return (
      <div className="flex items-center gap-2.5 px-4 py-6 text-[13px] text-muted" data-testid="problems-empty">
        <CircleCheck aria-hidden className="size-4 text-success" />
        {t('empty')}
      </div>
    );
  }
  const sorted = [...problems].sort((a, b) => (b.since ?? '').localeCompare(a.since ?? ''));
  return (
    <ol className="divide-y divide-border" data-testid="problem-list">
      {sorted.map((problem, index) => {
        const Icon = iconByKind[problem.kind];
        const critical = problem.severity === 'critical';
        return (
          <li key={`${problem.kind}:${problem.target.hub}:${problem.target.namespace ?? ''}:${problem.target.name}:${index}`}>
            <Link
              href={problemHref(problem)}
              className="flex items-start gap-2.5 px-4 py-2 transition-colors hover:bg-panel-raised"
              data-testid="problem"
              data-kind={problem.kind}
            >
              <span
                className={cn(
                  'mt-0.5 flex size-5 shrink-0 items-center justify-center rounded',
                  critical ? 'bg-danger-soft text-danger' : 'bg-warning-soft text-warning',
                )}
                title={t(`severity.${problem.severity}`)}
              >
                <Icon aria-hidden className="size-3" />
              </span>
              <div className="min-w-0 flex-1">
                <div className="flex items-baseline justify-between gap-2">
                  <span className="line-clamp-2 font-medium break-all text-fg">{problem.title}</span>
                  <RelativeTime value={problem.since} className="shrink-0 text-2xs text-faint tabular-nums" />
                </div>
                <div className="truncate text-xs text-muted" title={problem.detail}>
                  <span className="mr-1.5 font-mono text-2xs text-faint">{problem.hub}</span>
                  {problem.detail}
                </div>
              </div>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}

export function ProblemListSkeleton({ label }: { label: string }) {
  return (
    <SkeletonRegion name="problem-list" label={label} className="space-y-3 p-4">
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="flex gap-2.5">
          <Skeleton className="size-5" />
          <div className="flex-1">
            <Skeleton className="h-3.5 w-2/3" />
            <Skeleton className="mt-1.5 h-3 w-full" />
          </div>
        </div>
      ))}
    </SkeletonRegion>
  );
}
