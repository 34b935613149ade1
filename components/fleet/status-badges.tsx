import { useTranslations } from 'next-intl';
import {
  Ban,
  CircleCheck,
  CircleDashed,
  CircleHelp,
  CircleX,
  LoaderCircle,
  RotateCw,
  TriangleAlert,
  Unplug,
} from 'lucide-react';
import type { DatacenterHealth, HubStatus, NodeReadiness, PodListItem } from '@/lib/contracts/fleet';
import { StatusPill, type StatusTone } from './status-pill';

export const nodeTone: Record<NodeReadiness, StatusTone> = { ready: 'success', 'not-ready': 'warning', unknown: 'danger' };
export const hubTone: Record<HubStatus, StatusTone> = {
  connected: 'success',
  degraded: 'warning',
  unreachable: 'danger',
  connecting: 'info',
};
export const healthTone: Record<DatacenterHealth, StatusTone> = {
  healthy: 'success',
  degraded: 'warning',
  down: 'danger',
  unknown: 'neutral',
};

/** Ready green / NotReady amber / Unknown red, with the Ready condition's reason on hover. */
export function NodeStatusBadge({
  status,
  reason,
  message,
  size,
}: {
  status: NodeReadiness;
  reason?: string | null;
  message?: string | null;
  size?: 'sm' | 'md';
}) {
  const t = useTranslations('fleet.status.node');
  const icon = status === 'ready' ? CircleCheck : status === 'not-ready' ? TriangleAlert : CircleHelp;
  const title = [reason, message].filter(Boolean).join(' — ') || undefined;
  return <StatusPill tone={nodeTone[status]} icon={icon} label={t(status)} title={title} status={status} size={size} />;
}

export function HubStatusBadge({ status, title, size }: { status: HubStatus; title?: string; size?: 'sm' | 'md' }) {
  const t = useTranslations('fleet.status.hub');
  const icon = { connected: CircleCheck, degraded: TriangleAlert, unreachable: Unplug, connecting: LoaderCircle }[status];
  return (
    <StatusPill tone={hubTone[status]} icon={icon} label={t(status)} title={title} status={status} size={size} spin={status === 'connecting'} />
  );
}

export function DatacenterHealthBadge({ health, size }: { health: DatacenterHealth; size?: 'sm' | 'md' }) {
  const t = useTranslations('fleet.status.datacenter');
  const icon = { healthy: CircleCheck, degraded: TriangleAlert, down: CircleX, unknown: CircleDashed }[health];
  return <StatusPill tone={healthTone[health]} icon={icon} label={t(health)} status={health} size={size} />;
}

/** Tone for kubectl's STATUS column text. */
export function podTone(pod: Pick<PodListItem, 'status' | 'phase' | 'crashLooping' | 'readyContainers' | 'totalContainers'>): StatusTone {
  if (pod.crashLooping) return 'danger';
  const status = pod.status;
  if (/error|backoff|failed|oomkilled|evicted|invalid|err/i.test(status) || pod.phase === 'Failed') return 'danger';
  if (pod.phase === 'Succeeded' || status === 'Completed') return 'neutral';
  if (pod.phase === 'Unknown' || status === 'Unknown') return 'neutral';
  if (pod.phase === 'Pending' || /creating|init|pending|terminating/i.test(status)) return 'warning';
  if (pod.phase === 'Running' && pod.readyContainers < pod.totalContainers) return 'warning';
  return 'success';
}

/** Shows kubectl's status text as is (operators know "CrashLoopBackOff"); the tone carries the meaning. */
export function PodStatusBadge({
  pod,
  size,
}: {
  pod: Pick<PodListItem, 'status' | 'phase' | 'crashLooping' | 'readyContainers' | 'totalContainers' | 'nodeOffline'>;
  size?: 'sm' | 'md';
}) {
  const t = useTranslations('fleet.status.pod');
  const tone = podTone(pod);
  const icon = pod.crashLooping ? RotateCw : tone === 'danger' ? CircleX : tone === 'warning' ? LoaderCircle : tone === 'neutral' ? CircleDashed : CircleCheck;
  return (
    <StatusPill
      tone={tone}
      icon={icon}
      label={pod.status}
      title={pod.nodeOffline ? t('nodeOffline') : undefined}
      status={pod.crashLooping ? 'crashloop' : pod.phase.toLowerCase()}
      size={size}
    />
  );
}

export function CordonedBadge() {
  const t = useTranslations('fleet.status');
  return <StatusPill tone="warning" icon={Ban} label={t('cordoned')} title={t('cordonedHint')} status="cordoned" />;
}
