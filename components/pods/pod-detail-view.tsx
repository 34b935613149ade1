'use client';
import { useState } from 'react';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ArrowRight, CircleCheck, RotateCw, Unplug } from 'lucide-react';
import { fleetHref as href } from '@/components/fleet/links';
import { fleetMutations, podDetailQuery } from '@/lib/client/fleet-api';
import type { PodDetail } from '@/lib/contracts/fleet';
import { KeyValues, LabelChips, Section, SimpleTable, Td } from '@/components/fleet/detail-parts';
import { DetailAlert, DetailHeader, StatusText, TimeCell, isNotFoundError } from '@/components/fleet/list/detail-frame';
import { ConfirmAction } from '@/components/fleet/confirm-action';
import { EventTable } from '@/components/fleet/event-table';
import { splitDatacenterId } from '@/components/fleet/format';
import { HubStatusBanner } from '@/components/fleet/hub-status-banner';
import { NotFoundPanel } from '@/components/fleet/not-found-panel';
import { QueryErrorPanel } from '@/components/fleet/query-states';
import { RelativeTime } from '@/components/fleet/relative-time';
import { NodeStatusBadge, PodStatusBadge } from '@/components/fleet/status-badges';
import { canMutateNamespaced } from '@/components/tenancy/access';
import { useAccess } from '@/components/tenancy/access-provider';
import { ContainerStateText } from './container-state';
import { PodDetailSkeleton } from './pod-detail-skeleton';

export function PodDetailView({ hub, namespace, name }: { hub: string; namespace: string; name: string }) {
  const t = useTranslations('pods.detail');
  const query = useQuery(podDetailQuery(hub, namespace, name));
  // Remembered so that the 404 that follows a restart explains itself.
  const [restartedOwner, setRestartedOwner] = useState<string | null | undefined>(undefined);

  if (query.isPending) return <PodDetailSkeleton label={t('loading')} />;
  if (query.isError) {
    if (isNotFoundError(query.error)) {
      if (restartedOwner !== undefined) {
        return (
          <NotFoundPanel
            title={t('restartedTitle')}
            description={t('restartedDescription', { name })}
            href={restartedOwner ? href.pods({ hub, namespace, q: restartedOwner }) : href.pods({ hub, namespace })}
            linkLabel={t('findReplacement')}
          />
        );
      }
      return <NotFoundPanel title={t('notFoundTitle')} description={t('notFoundDescription', { hub, namespace, name })} href={href.pods()} linkLabel={t('backToPods')} />;
    }
    return <QueryErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <PodDetailBody pod={query.data} onRestarted={() => setRestartedOwner(query.data.owner?.name ?? null)} />;
}

function PodDetailBody({ pod, onRestarted }: { pod: PodDetail; onRestarted: () => void }) {
  const t = useTranslations('pods.detail');
  const [restartRequested, setRestartRequested] = useState(false);
  // Offer Restart only where the caller's roles allow it (the BFF refuses with 403 anyway).
  const canRestart = canMutateNamespaced(useAccess(), pod);
  const dc = pod.datacenter ? splitDatacenterId(pod.datacenter) : null;
  const containers = [...pod.containers].sort((a, b) => Number(b.init) - Number(a.init));

  return (
    <div className="space-y-3" data-testid="pod-detail" data-phase={pod.phase}>
      <DetailHeader
        crumbs={[
          { label: pod.region, href: href.datacenters({ region: pod.region }) },
          ...(pod.datacenter && dc ? [{ label: dc.zone, href: href.datacenter(pod.datacenter) }] : []),
          ...(pod.node ? [{ label: pod.node, href: href.node(pod.hub, pod.node) }] : []),
          { label: pod.name },
        ]}
        title={pod.name}
        badges={
          <>
            <PodStatusBadge pod={pod} size="md" />
            <span className="text-xs text-muted">
              {pod.namespace} · {pod.hub}
            </span>
          </>
        }
        actions={
          <>
            {restartRequested ? (
              <span className="inline-flex items-center gap-1.5 text-xs text-muted" role="status" data-testid="restart-pending">
                <CircleCheck aria-hidden className="size-3.5 text-success" />
                {t('restartRequested')}
              </span>
            ) : null}
            {canRestart ? <ConfirmAction
              testId="restart-pod-button"
              label={t('restart')}
              icon={<RotateCw aria-hidden />}
              title={t('restartTitle', { name: pod.name })}
              description={pod.owner ? t('restartDescription', { owner: `${pod.owner.kind} ${pod.owner.name}` }) : t('restartDescriptionBare')}
              confirmLabel={t('restartConfirm')}
              confirmVariant="danger"
              disabled={restartRequested || pod.hubStatus.status === 'unreachable'}
              disabledReason={pod.hubStatus.status === 'unreachable' ? t('hubDown') : t('restartRequested')}
              run={() => fleetMutations.deletePod(pod.hub, pod.namespace, pod.name)}
              onAccepted={() => {
                setRestartRequested(true);
                onRestarted();
              }}
            /> : null}
          </>
        }
      />

      <HubStatusBanner hubs={[pod.hubStatus]} />

      {pod.nodeOffline ? (
        <DetailAlert tone="danger" icon={Unplug} title={t('nodeOfflineTitle')} testId="pod-node-offline">
          <p className="mt-0.5 text-muted">{t('nodeOfflineDescription')}</p>
        </DetailAlert>
      ) : null}

      <div className="grid gap-3 lg:grid-cols-3">
        <Section title={t('overview')} testId="pod-overview">
          <KeyValues
            items={[
              { label: t('namespace'), value: pod.namespace },
              { label: t('hub'), value: pod.hub },
              {
                label: t('node'),
                value: pod.node ? (
                  <Link href={href.node(pod.hub, pod.node)} className="text-accent hover:underline" data-testid="pod-node-link">
                    {pod.node}
                  </Link>
                ) : null,
              },
              {
                label: t('datacenter'),
                value: pod.datacenter && dc ? (
                  <Link href={href.datacenter(pod.datacenter)} className="text-accent hover:underline" data-testid="pod-datacenter-link">
                    {dc.zone}
                  </Link>
                ) : null,
              },
              { label: t('podIP'), value: pod.podIP, mono: true },
              { label: t('hostIP'), value: pod.hostIP, mono: true },
              { label: t('qos'), value: pod.qosClass },
              { label: t('tenant'), value: pod.tenant },
              { label: t('created'), value: <RelativeTime value={pod.createdAt} /> },
            ]}
          />
        </Section>

        <Section title={t('ownerChain')} testId="pod-owner-chain">
          {pod.ownerChain.length ? (
            <ol className="space-y-1.5 text-[13px]">
              <li className="flex items-center gap-2">
                <span className="w-24 shrink-0 text-2xs text-faint uppercase">Pod</span>
                <span className="truncate font-mono text-xs">{pod.name}</span>
              </li>
              {pod.ownerChain.map((owner, index) => (
                <li key={`${owner.kind}/${owner.name}`} className="flex items-center gap-2">
                  <span className="flex w-24 shrink-0 items-center gap-1 text-2xs text-faint uppercase" style={{ paddingLeft: `${index * 0.5}rem` }}>
                    <ArrowRight aria-hidden className="size-3 shrink-0 -rotate-90" />
                    {owner.kind}
                  </span>
                  {owner.kind === 'Deployment' || owner.kind === 'DaemonSet' ? (
                    <Link href={href.workloads({ hub: pod.hub, namespace: pod.namespace, q: owner.name })} className="truncate font-mono text-xs text-accent hover:underline">
                      {owner.name}
                    </Link>
                  ) : (
                    <span className="truncate font-mono text-xs">{owner.name}</span>
                  )}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-[13px] text-muted">{t('noOwner')}</p>
          )}
        </Section>

        <Section title={t('nodeCard')} testId="pod-node">
          {pod.nodeInfo ? (
            <KeyValues
              items={[
                { label: t('node'), value: <Link href={href.node(pod.hub, pod.nodeInfo.name)} className="text-accent hover:underline">{pod.nodeInfo.name}</Link> },
                { label: t('nodeStatus'), value: <NodeStatusBadge status={pod.nodeInfo.status} reason={pod.nodeInfo.statusReason} message={pod.nodeInfo.statusMessage} /> },
                { label: t('nodeHeartbeat'), value: <RelativeTime value={pod.nodeInfo.lastHeartbeat} /> },
                { label: t('nodeArch'), value: pod.nodeInfo.arch, mono: true },
                { label: t('kubeedge'), value: pod.nodeInfo.kubeedgeVersion, mono: true },
              ]}
            />
          ) : (
            <p className="text-[13px] text-muted">{pod.node ? t('nodeUnknown') : t('unscheduled')}</p>
          )}
        </Section>
      </div>

      <Section title={`${t('containers')} (${containers.length})`} flush testId="pod-containers">
        <SimpleTable
          headers={[
            { label: t('container.name') },
            { label: t('container.state') },
            { label: t('container.ready') },
            { label: t('container.restarts'), align: 'right' },
            { label: t('container.lastTermination') },
            { label: t('container.image') },
          ]}
        >
          {containers.map((container) => (
            <tr key={`${container.init ? 'init:' : ''}${container.name}`} data-testid="container-row" data-container={container.name}>
              <Td className="font-medium whitespace-nowrap">
                {container.name}
                {container.init ? <span className="ml-1.5 rounded bg-panel-raised px-1 text-2xs text-muted">{t('container.init')}</span> : null}
              </Td>
              <Td className="min-w-48">
                <ContainerStateText state={container.state} />
              </Td>
              <Td>
                <StatusText tone={container.ready ? 'success' : 'warning'}>{container.ready ? t('container.yes') : t('container.no')}</StatusText>
              </Td>
              <Td align="right" className={container.restartCount ? 'text-warning' : 'text-muted'}>
                {container.restartCount}
              </Td>
              <Td className="min-w-48">{container.lastTermination ? <ContainerStateText state={container.lastTermination} /> : <span className="text-faint">—</span>}</Td>
              <Td className="max-w-[22rem] truncate font-mono text-xs text-muted" title={container.image}>
                {container.image}
              </Td>
            </tr>
          ))}
        </SimpleTable>
      </Section>

      <div className="grid gap-3 lg:grid-cols-2">
        <Section title={t('conditions')} flush testId="pod-conditions">
          <SimpleTable headers={[{ label: t('condition.type') }, { label: t('condition.status') }, { label: t('condition.reason') }, { label: t('condition.changed'), align: 'right' }]}>
            {pod.conditions.map((condition) => (
              <tr key={condition.type}>
                <Td className="font-medium">{condition.type}</Td>
                <Td>
                  <StatusText tone={condition.status === 'True' ? 'success' : 'warning'}>{condition.status}</StatusText>
                </Td>
                <Td className="max-w-64 truncate text-xs text-muted" title={condition.message ?? undefined}>
                  {condition.reason ?? '—'}
                </Td>
                <TimeCell value={condition.lastTransitionTime} />
              </tr>
            ))}
          </SimpleTable>
        </Section>
        <Section title={t('labels')} testId="pod-labels">
          <LabelChips labels={pod.labels} empty="—" />
        </Section>
      </div>

      <Section title={t('events')} flush testId="pod-events">
        <EventTable events={pod.events} empty={t('noEvents')} />
      </Section>
    </div>
  );
}
