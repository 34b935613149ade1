'use client';
import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { CircleAlert, LoaderCircle, ShieldAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/input';
import { fleetMutations } from '@/lib/client/fleet-api';
import { scaleBodySchema, type WorkloadListItem } from '@/lib/contracts/fleet';

export type WorkloadAction = { kind: 'restart' | 'scale'; workload: WorkloadListItem };

/**
 * One dialog for the whole list (rows are virtualised and may unmount while a dialog is open).
 * Restart = rollout restart of a Deployment; Scale validates replicas with the API's own schema.
 */
export function WorkloadActionDialog({ action, onClose, onAccepted }: { action: WorkloadAction | null; onClose: () => void; onAccepted: (message: string) => void }) {
  // Keyed by the workload so the form state starts fresh for each one.
  if (!action) return null;
  return <ActionDialogBody key={`${action.kind}:${action.workload.hub}/${action.workload.namespace}/${action.workload.name}`} action={action} onClose={onClose} onAccepted={onAccepted} />;
}

function ActionDialogBody({ action, onClose, onAccepted }: { action: WorkloadAction; onClose: () => void; onAccepted: (message: string) => void }) {
  const t = useTranslations('workloads.actions');
  const fleet = useTranslations('fleet.actions');
  const common = useTranslations('common.actions');
  const inputId = useId();
  const { workload, kind } = action;
  const [replicas, setReplicas] = useState(String(workload.desired));
  const parsed = scaleBodySchema.safeParse({ replicas: replicas.trim() === '' ? Number.NaN : Number(replicas) });
  const invalid = kind === 'scale' && !parsed.success;

  const mutation = useMutation({
    mutationFn: () =>
      kind === 'restart'
        ? fleetMutations.restartDeployment(workload.hub, workload.namespace, workload.name)
        : fleetMutations.scaleDeployment(workload.hub, workload.namespace, workload.name, parsed.data!.replicas),
    onSuccess: () => {
      onAccepted(kind === 'restart' ? t('restartAccepted', { name: workload.name }) : t('scaleAccepted', { name: workload.name, replicas: parsed.data!.replicas }));
      onClose();
    },
  });
  const error = mutation.error as (Error & { status?: number }) | null;

  return (
    <Dialog
      open
      onClose={() => !mutation.isPending && onClose()}
      title={kind === 'restart' ? t('restartTitle', { name: workload.name }) : t('scaleTitle', { name: workload.name })}
      description={kind === 'restart' ? t('restartDescription') : t('scaleDescription', { namespace: workload.namespace, hub: workload.hub })}
      closeLabel={common('close')}
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={mutation.isPending}>
            {common('cancel')}
          </Button>
          <Button
            variant="primary"
            onClick={() => mutation.mutate()}
            disabled={mutation.isPending || invalid}
            data-testid="workload-action-confirm"
          >
            {mutation.isPending ? <LoaderCircle aria-hidden className="animate-spin" /> : null}
            {mutation.isPending ? fleet('working') : kind === 'restart' ? t('restartConfirm') : t('scaleConfirm')}
          </Button>
        </>
      }
    >
      {kind === 'scale' ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!invalid && !mutation.isPending) mutation.mutate();
          }}
        >
          <Field
            label={t('replicas')}
            htmlFor={inputId}
            hint={t('replicasHint', { current: workload.desired, ready: workload.ready })}
            error={invalid ? t('replicasInvalid', { max: 1000 }) : undefined}
          >
            <Input
              id={inputId}
              type="number"
              inputMode="numeric"
              min={0}
              max={1000}
              step={1}
              value={replicas}
              onChange={(event) => setReplicas(event.target.value)}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${inputId}-error` : undefined}
              autoFocus
              className="w-32 tabular-nums"
              data-testid="replicas-input"
            />
          </Field>
        </form>
      ) : null}
      {error ? (
        <div role="alert" data-testid="action-error" className="mt-3 flex items-start gap-2 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] first:mt-0">
          {error.status === 403 ? <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-danger" /> : <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-danger" />}
          <div>
            <div className="font-medium text-fg">{error.status === 403 ? fleet('denied') : fleet('failed')}</div>
            <div className="text-muted">{error.message}</div>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
