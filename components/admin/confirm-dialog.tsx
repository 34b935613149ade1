'use client';
import { useId, useState, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/input';
import { FormAlert } from '@/components/tenancy/form-alert';

/** Asks before a destructive admin change; shows the server's refusal in place and closes on success. */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  pendingLabel,
  run,
  onDone,
  onClose,
  typeToConfirm,
}: {
  open: boolean;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  run: () => Promise<unknown>;
  onDone: () => void | Promise<void>;
  onClose: () => void;
  /** Optional: the confirm button stays disabled until the user types `value` (e.g. the name being deleted). */
  typeToConfirm?: { label: string; value: string };
}) {
  const common = useTranslations('common.actions');
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const confirmed = !typeToConfirm || typed.trim() === typeToConfirm.value;
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await onDone();
      mutation.reset();
      setTyped('');
      onClose();
    },
  });
  const close = () => {
    mutation.reset();
    setTyped('');
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={title}
      description={description}
      closeLabel={common('close')}
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            {common('cancel')}
          </Button>
          <Button variant="danger" disabled={mutation.isPending || !confirmed} onClick={() => mutation.mutate()} data-testid="confirm-dialog-confirm">
            {mutation.isPending ? pendingLabel : confirmLabel}
          </Button>
        </>
      }
    >
      {typeToConfirm || mutation.error ? (
        <div className="space-y-3">
          {mutation.error ? <FormAlert message={mutation.error.message} /> : null}
          {typeToConfirm ? (
            <Field label={typeToConfirm.label} htmlFor={inputId}>
              <Input
                id={inputId}
                className="font-mono"
                autoComplete="off"
                spellCheck={false}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && confirmed && !mutation.isPending) mutation.mutate();
                }}
              />
            </Field>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}
