'use client';
import { canCordon } from '@/components/tenancy/access';
import { useAccess } from '@/components/tenancy/access-provider';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Unplug, TriangleAlert } from 'lucide-react';
import { nodeDetailQuery } from '@/lib/client/fleet-api';
import type { NodeDetail } from '@/lib/contracts/fleet';
import { KeyValues, LabelChips, Section, SimpleTable, Td } from '@/components/fleet/detail-parts';
import { DetailAlert, DetailHeader, StatusText, TimeCell, isNotFoundError } from '@/components/fleet/list/detail-frame';
import { EventTable } from '@/components/fleet/event-table';
import { formatBytes, formatCores, formatCount, parseQuantity, splitDatacenterId } from '@/components/fleet/format';
import { HubStatusBanner } from '@/components/fleet/hub-status-banner';
import { fleetHref } from '@/components/fleet/links';
import { QueryErrorPanel } from '@/components/fleet/query-states';
import { ClockTime, RelativeTime } from '@/components/fleet/relative-time';
import { CordonedBadge, NodeStatusBadge, PodStatusBadge } from '@/components/fleet/status-badges';
import { UsageBar } from '@/components/fleet/usage-bar';
import { NotFoundPanel } from '@/components/fleet/not-found-panel';
import { AcceleratorChips, ArchChip, RoleChip } from './node-chips';
import { CordonButton } from './cordon-button';
import { NodeDetailSkeleton } from './node-detail-skeleton';

export function NodeDetailView({ hub, name }: { hub: string; name: string }) {
  const t = useTranslations('nodes.detail');
  const query = useQuery(nodeDetailQuery(hub, name));

  if (query.isPending) return <NodeDetailSkeleton label={t('loading')} />;
  if (query.isError) {
    if (isNotFoundError(query.error)) {
      return <NotFoundPanel title={t('notFoundTitle')} description={t('notFoundDescription', { hub, name })} href={fleetHref.nodes()} linkLabel={t('backToNodes')} />;
    }
    return <QueryErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <NodeDetailBody node={query.data} />;
}

function NodeDetailBody({ node }: { node: NodeDetail }) {
  const access = useAccess();
  const t = useTranslations('nodes.detail');
  const dc = node.datacenter ? splitDatacenterId(node.datacenter) : null;
  const podsCapacity = parseQuantity(node.allocatable.pods ?? node.capacity.pods);
  const extended = Object.entries(node.capacity).filter(([key]) => key.includes('/'));

  return (
    <div className="space-y-3" data-testid="node-detail" data-status={node.status} data-unschedulable={String(node.unschedulable)}>
      <DetailHeader
        crumbs={[
          { label: node.region, href: fleetHref.datacenters({ region: node.region }) },
          ...(node.datacenter && dc ? [{ label: dc.zone, href: fleetHref.datacenter(node.datacenter) }] : []),
          { label: node.name },
        ]}
        title={node.name}
        badges={
          <>
            <span data-testid="node-detail-status" data-status={node.status}>
              <NodeStatusBadge status={node.status} reason={node.statusReason} message={node.statusMessage} size="md" />
            </span>
            {node.unschedulable ? <CordonedBadge /> : null}
            <RoleChip role={node.role} />
            <ArchChip arch={node.arch} />
            <AcceleratorChips accelerators={node.accelerators} />
          </>
        }
        actions={canCordon(access, node) ? <CordonButton hub={node.hub} name={node.name} unschedulable={node.unschedulable} hubStatus={node.hubStatus.status} /> : null}
      />

      <HubStatusBanner hubs={[node.hubStatus]} />

      {node.status !== 'ready' ? (
        <DetailAlert
          tone={node.status === 'unknown' ? 'danger' : 'warning'}
          icon={node.status === 'unknown' ? Unplug : TriangleAlert}
          title={
            <>
              {node.status === 'unknown' ? t('offlineTitle') : t('notReadyTitle')}
              {node.statusReason ? <span className="ml-2 font-mono text-xs font-normal text-muted">{node.statusReason}</span> : null}
            </>
          }
          testId="node-offline-alert"
        >
          {node.statusMessage ? <p className="mt-0.5 text-fg">{node.statusMessage}</p> : null}
          {node.statusSince ? (
            <p className="mt-0.5 text-muted">
              {t.rich('offlineSince', {
                since: () => <ClockTime value={node.statusSince} />,
                ago: () => <RelativeTime value={node.statusSince} />,
              })}
            </p>
          ) : null}
          {node.role === 'edge' && node.status === 'unknown' ? <p className="mt-1 text-xs text-muted">{t('offlineExplain')}</p> : null}
        </DetailAlert>
      ) : null}

      <div className="grid gap-3 lg:grid-cols-3">
        <Section title={t('overview')} testId="node-overview">
          <KeyValues
            items={[
              { label: t('hub'), value: node.hub },
              { label: t('region'), value: node.region },
              {
                label: t('datacenter'),
                value: node.datacenter && dc ? (
                  <Link href={fleetHref.datacenter(node.datacenter)} className="text-accent hover:underline" data-testid="node-datacenter-link">
                    {dc.zone}
                  </Link>
                ) : null,
              },
              { label: t('internalIP'), value: node.internalIP, mono: true },
              { label: t('cloudcore'), value: node.cloudcore, mono: true },
              { label: t('tunnelPort'), value: node.tunnelPort, mono: true },
              {
                label: t('heartbeat'),
                value: <RelativeTime value={node.lastHeartbeat} className={node.status === 'ready' ? undefined : 'text-danger'} />,
                testId: 'node-heartbeat',
              },
              { label: t('statusSince'), value: <RelativeTime value={node.statusSince} /> },
              { label: t('lease'), value: node.lease ? <RelativeTime value={node.lease.renewTime} /> : null },
              { label: t('created'), value: <RelativeTime value={node.createdAt} /> },
            ]}
          />
        </Section>

        <Section title={t('resources')} testId="node-resources">
          <div className="space-y-3.5">
            <div>
              <UsageBar
                label={t('cpu')}
                used={node.cpu.usageCores}
                total={node.cpu.capacityCores}
                usedText={node.cpu.usageCores === null ? '—' : formatCores(node.cpu.usageCores)}
                totalText={t('usageUnit', { value: formatCores(node.cpu.capacityCores) })}
              />
              <p className="mt-1 text-2xs text-faint">{t('allocatable', { value: formatCores(parseQuantity(node.allocatable.cpu)) })}</p>
            </div>
            <div>
              <UsageBar
                label={t('memory')}
                used={node.memory.usageBytes}
                total={node.memory.capacityBytes}
                usedText={formatBytes(node.memory.usageBytes)}
                totalText={formatBytes(node.memory.capacityBytes)}
              />
              <p className="mt-1 text-2xs text-faint">{t('allocatable', { value: formatBytes(parseQuantity(node.allocatable.memory)) })}</p>
            </div>
            <UsageBar label={t('podsCapacity')} used={node.pods} total={podsCapacity} usedText={formatCount(node.pods)} totalText={podsCapacity ? formatCount(podsCapacity) : '—'} />
            {node.cpu.usageCores === null && node.memory.usageBytes === null ? <p className="text-xs text-muted">{t('noUsage')}</p> : null}
            {extended.length ? (
              <div>
                <div className="mb-1 text-xs text-muted">{t('extended')}</div>
                <KeyValues items={extended.map(([key, value]) => ({ label: <span className="font-mono text-xs">{key}</span>, value: `${node.allocatable[key] ?? value} / ${value}`, mono: true }))} />
              </div>
            ) : null}
          </div>
        </Section>

        <Section title={t('system')} testId="node-system">
          <KeyValues
            items={[
              { label: t('kubeedge'), value: node.nodeInfo.kubeedgeVersion, mono: true },
              { label: t('kubelet'), value: node.nodeInfo.kubeletVersion, mono: true },
              { label: t('runtime'), value: node.nodeInfo.containerRuntimeVersion, mono: true },
              { label: t('os'), value: node.nodeInfo.osImage },
              { label: t('kernel'), value: node.nodeInfo.kernelVersion, mono: true },
              { label: t('architecture'), value: `${node.nodeInfo.operatingSystem}/${node.nodeInfo.architecture}`, mono: true },
            ]}
          />
          {node.addresses.length ? (
            <div className="mt-3">
              <div className="mb-1 text-xs text-muted">{t('addresses')}</div>
              <KeyValues items={node.addresses.map((address) => ({ label: address.type, value: address.address, mono: true }))} />
            </div>
          ) : null}
        </Section>
      </div>

      <Section title={t('conditions')} flush testId="node-conditions">
        <SimpleTable
          headers={[
            { label: t('condition.type') },
            { label: t('condition.status') },
            { label: t('condition.reason') },
            { label: t('condition.message') },
            { label: t('condition.heartbeat'), align: 'right' },
            { label: t('condition.transition'), align: 'right' },
          ]}
        >
          {node.conditions.map((condition) => {
            // Ready should be True; pressure conditions should be False.
            const healthy = condition.type === 'Ready' ? condition.status === 'True' : condition.status === 'False';
            return (
              <tr key={condition.type}>
                <Td className="font-medium">{condition.type}</Td>
                <Td>
                  <StatusText tone={healthy ? 'success' : condition.status === 'Unknown' ? 'danger' : 'warning'}>{condition.status}</StatusText>
                </Td>
                <Td className="font-mono text-xs text-muted">{condition.reason ?? '—'}</Td>
                <Td className="max-w-[28rem] truncate text-muted" title={condition.message ?? undefined}>
                  {condition.message ?? '—'}
                </Td>
                <TimeCell value={condition.lastHeartbeatTime} />
                <TimeCell value={condition.lastTransitionTime} />
              </tr>
            );
          })}
        </SimpleTable>
      </Section>

      <Section title={`${t('pods')} (${node.podList.length})`} flush testId="node-pods">
        {node.podList.length ? (
          <SimpleTable
            headers={[
              { label: t('pod.name') },
              { label: t('pod.namespace') },
              { label: t('pod.status') },
              { label: t('pod.ready'), align: 'right' },
              { label: t('pod.restarts'), align: 'right' },
              { label: t('pod.age'), align: 'right' },
            ]}
          >
            {node.podList.map((pod) => (
              <tr key={`${pod.namespace}/${pod.name}`}>
                <Td>
                  <Link href={fleetHref.pod(pod.hub, pod.namespace, pod.name)} className="font-medium text-fg hover:text-accent hover:underline" data-testid="pod-link">
                    {pod.name}
                  </Link>
                </Td>
                <Td className="text-muted">{pod.namespace}</Td>
                <Td>
                  <PodStatusBadge pod={pod} />
                </Td>
                <Td align="right">
                  {pod.readyContainers}/{pod.totalContainers}
                </Td>
                <Td align="right" className={pod.restarts ? 'text-warning' : undefined}>
                  {pod.restarts}
                </Td>
                <Td align="right" className="text-muted">
                  <RelativeTime value={pod.createdAt} />
                </Td>
              </tr>
            ))}
          </SimpleTable>
        ) : (
          <p className="px-4 py-3 text-[13px] text-muted">{t('noPods')}</p>
        )}
      </Section>

      <div className="grid gap-3 lg:grid-cols-2">
        <Section title={t('taints')} testId="node-taints">
          {node.taints.length ? (
            <ul className="space-y-1">
              {node.taints.map((taint, index) => (
                <li key={index} className="flex items-center justify-between gap-2 font-mono text-xs">
                  <span className="truncate">
                    {taint.key}
                    {taint.value ? `=${taint.value}` : ''}
                  </span>
                  <span className="rounded bg-warning-soft px-1.5 text-2xs text-warning">{taint.effect}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-[13px] text-muted">{t('noTaints')}</p>
          )}
        </Section>
        <Section title={t('labels')} testId="node-labels">
          <LabelChips labels={node.labels} empty="—" />
        </Section>
      </div>

      <Section title={t('events')} flush testId="node-events">
        <EventTable events={node.events} empty={t('noEvents')} />
      </Section>
    </div>
  );
}
