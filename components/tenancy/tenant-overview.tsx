'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Boxes, Building2, Container, FolderTree, KeyRound, Network, Server, Users } from 'lucide-react';
import { fleetHref } from '@/components/fleet/links';
import { QueryErrorPanel } from '@/components/fleet/query-states';
import { buttonClasses } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { StatusDot } from '@/components/ui/status-dot';
import { NotFoundPanel } from '@/components/fleet/not-found-panel';
import { tenantOverviewQuery } from '@/lib/client/tenancy-api';
import type { TenantOverview } from '@/lib/contracts/tenancy';
import { RoleBadge } from './role-badge';
import { TenantMembers } from './tenant-members';

export function TenantOverviewSkeleton() {
  const t = useTranslations('tenancy.overview');
  return (
    <SkeletonRegion name="tenant-overview" label={t('loading')} className="space-y-3">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
        {Array.from({ length: 7 }, (_, i) => (
          <Skeleton key={i} className="h-[68px]" />
        ))}
      </div>
      <Skeleton className="h-48 w-full" />
    </SkeletonRegion>
  );
}

/** "My tenant": counts, namespaces per hub, members, and the way to API tokens. */
export function TenantOverviewView({ slug }: { slug: string }) {
  const t = useTranslations('tenancy');
  const common = useTranslations('common.actions');
  const query = useQuery(tenantOverviewQuery(slug));
  if (query.isPending) return <TenantOverviewSkeleton />;
  if (query.isError) {
    if ((query.error as { status?: number }).status === 404) {
      return <NotFoundPanel title={slug} description={t('page.notFound')} href="/" linkLabel={common('backToOverview')} />;
    }
    return <QueryErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  }
  const overview = query.data;
  return (
    <div className="space-y-4" data-testid="tenant-overview" data-tenant={slug}>
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-base font-semibold text-fg">{overview.tenant.displayName}</h2>
        <span className="font-mono text-xs text-faint">{overview.tenant.slug}</span>
        {overview.myRole ? (
          <span className="ml-1 inline-flex items-center gap-1.5 text-xs text-muted">
            {t('page.yourRole')} <RoleBadge role={overview.myRole} />
          </span>
        ) : null}
      </div>
      {overview.tenant.description ? <p className="-mt-2 text-[13px] text-muted">{overview.tenant.description}</p> : null}
      <CountTiles overview={overview} />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <NamespacesCard overview={overview} />
        <Card>
          <CardHeader title={t('page.tokensTitle')} />
          <CardBody className="space-y-3">
            <p className="text-[13px] text-muted">{t('page.tokensDescription')}</p>
            <Link href="/settings/tokens" className={buttonClasses('secondary', 'md')} data-testid="tenant-tokens-link">
              <KeyRound aria-hidden />
              {t('page.tokensLink')}
            </Link>
          </CardBody>
        </Card>
      </div>
      <TenantMembers slug={slug} tenantName={overview.tenant.displayName} />
    </div>
  );
}

function CountTiles({ overview }: { overview: TenantOverview }) {
  const t = useTranslations('tenancy.overview');
  const { counts } = overview;
  const tiles = [
    { key: 'namespaces', label: t('namespaces'), value: counts.namespaces, icon: FolderTree },
    { key: 'pods', label: t('pods'), value: counts.pods.total, sub: t('running', { count: counts.pods.running }), icon: Container, href: fleetHref.pods() },
    { key: 'workloads', label: t('workloads'), value: counts.workloads, icon: Boxes, href: fleetHref.workloads() },
    { key: 'nodes', label: t('nodes'), value: counts.nodes, icon: Server, href: fleetHref.nodes() },
    { key: 'datacenters', label: t('datacenters'), value: counts.datacenters, icon: Building2, href: fleetHref.datacenters() },
    { key: 'hubs', label: t('hubs'), value: counts.hubs, icon: Network },
    { key: 'members', label: t('members'), value: counts.members, icon: Users },
  ];
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7" data-testid="tenant-counts">
      {tiles.map((tile) => {
        const Icon = tile.icon;
        const body = (
          <>
            <div className="flex items-center gap-1.5 text-2xs font-medium tracking-wide text-muted uppercase">
              <Icon aria-hidden className="size-3.5 text-faint" />
              {tile.label}
            </div>
            <div className="mt-1 text-xl font-semibold text-fg tabular-nums" data-testid={`tenant-count-${tile.key}`} data-value={tile.value}>
              {tile.value.toLocaleString()}
            </div>
            {tile.sub ? <div className="text-2xs text-faint">{tile.sub}</div> : null}
          </>
        );
        return tile.href ? (
          <Link key={tile.key} href={tile.href} className="rounded-lg border border-border bg-panel px-3 py-2.5 shadow-panel transition-colors hover:border-border-strong">
            {body}
          </Link>
        ) : (
          <div key={tile.key} className="rounded-lg border border-border bg-panel px-3 py-2.5 shadow-panel">
            {body}
          </div>
        );
      })}
    </div>
  );
}

function NamespacesCard({ overview }: { overview: TenantOverview }) {
  const t = useTranslations('tenancy.overview');
  const byHub = new Map<string, string[]>();
  for (const { hub, namespace } of overview.namespaces) byHub.set(hub, [...(byHub.get(hub) ?? []), namespace]);
  const statusOf = new Map(overview.hubs.map((hub) => [hub.hub, hub]));
  return (
    <Card>
      <CardHeader
        title={t('namespacesTitle')}
        description={t('namespacesDescription')}
        actions={
          <div className="flex flex-wrap justify-end gap-1">
            {overview.assignments.map((assignment) => (
              <span key={assignment.id} className="inline-flex h-5 items-center rounded border border-border bg-panel-raised px-1.5 font-mono text-2xs" title={t('assignments')}>
                <span className="text-faint">{assignment.hub === '*' ? t('allHubs') : assignment.hub}/</span>
                <span className="text-fg">{assignment.pattern}</span>
              </span>
            ))}
          </div>
        }
      />
      {byHub.size === 0 ? (
        <p className="px-4 py-6 text-[13px] text-faint">{t('noNamespaces')}</p>
      ) : (
        <ul className="divide-y divide-border" data-testid="tenant-namespaces">
          {[...byHub.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([hub, namespaces]) => {
              const status = statusOf.get(hub);
              return (
                <li key={hub} className="grid grid-cols-[10rem_1fr] items-center gap-3 px-4 py-2" data-testid="tenant-hub" data-hub={hub}>
                  <div className="flex items-center gap-2 text-[13px] font-medium text-fg">
                    <StatusDot tone={status?.status === 'connected' ? 'success' : status?.status === 'unreachable' ? 'danger' : 'warning'} label={status?.status ?? ''} />
                    {hub}
                    {status && status.region !== hub ? <span className="text-2xs font-normal text-faint">{status.region}</span> : null}
                  </div>
                  <div className="flex flex-wrap gap-1">
                    {namespaces.sort().map((namespace) => (
                      <Link
                        key={namespace}
                        href={fleetHref.workloads({ hub, namespace })}
                        className="inline-flex h-6 items-center rounded border border-border bg-panel-raised px-1.5 font-mono text-xs text-fg transition-colors hover:border-accent hover:text-accent"
                      >
                        {namespace}
                      </Link>
                    ))}
                  </div>
                </li>
              );
            })}
        </ul>
      )}
    </Card>
  );
}
