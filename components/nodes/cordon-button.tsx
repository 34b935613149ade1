'use client';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Ban, LoaderCircle, CircleCheck } from 'lucide-react';
import { fleetKeys, fleetMutations } from '@/lib/client/fleet-api';
import type { HubListStatus } from '@/lib/contracts/fleet';
import { ConfirmAction } from '@/components/fleet/confirm-action';

/**
 * Cordon / Uncordon with a confirmation. After the hub accepts (202) the button shows "requested"
 * until the node's new state arrives through the stream — the UI never pretends the change happened.
 */
export function CordonButton({ hub, name, unschedulable, hubStatus }: { hub: string; name: string; unschedulable: boolean; hubStatus: HubListStatus['status'] }) {
  const t = useTranslations('nodes.cordon');
  const client = useQueryClient();
  // The state we asked for; cleared once the node reports it.
  const [requested, setRequested] = useState<boolean | null>(null);
  const [seenState, setSeenState] = useState(unschedulable);
  if (seenState !== unschedulable) {
    setSeenState(unschedulable);
    if (requested === unschedulable) setRequested(null);
  }
  const cordoning = !unschedulable;
  const pending = requested !== null && requested !== unschedulable;

  return (
    <div className="flex items-center gap-2">
      {pending ? (
        <span className="inline-flex items-center gap-1.5 text-xs text-muted" role="status" data-testid="cordon-pending">
          <LoaderCircle aria-hidden className="size-3.5 animate-spin" />
          {t('pending')}
        </span>
      ) : null}
      <ConfirmAction
        testId={cordoning ? 'cordon-button' : 'uncordon-button'}
        label={cordoning ? t('cordon') : t('uncordon')}
        icon={cordoning ? <Ban aria-hidden /> : <CircleCheck aria-hidden />}
        title={cordoning ? t('cordonTitle', { name }) : t('uncordonTitle', { name })}
        description={cordoning ? t('cordonDescription') : t('uncordonDescription')}
        confirmLabel={cordoning ? t('confirmCordon') : t('confirmUncordon')}
        confirmVariant={cordoning ? 'danger' : 'primary'}
        disabled={pending || hubStatus === 'unreachable'}
        disabledReason={hubStatus === 'unreachable' ? t('hubDown') : t('pending')}
        run={() => (cordoning ? fleetMutations.cordon(hub, name) : fleetMutations.uncordon(hub, name))}
        onAccepted={() => {
          setRequested(cordoning);
          // The stream normally delivers the change within a second; this refetch is a safety net.
          setTimeout(() => void client.invalidateQueries({ queryKey: fleetKeys.node(hub, name) }), 3_000);
        }}
      />
    </div>
  );
}
