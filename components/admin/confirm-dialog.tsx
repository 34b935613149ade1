'use client';
import type { ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
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
}: {
  open: boolean;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  run: () => Promise<unknown>;
  onDone: () => void | Promise<void>;
  onClose: () => void;
}) {
  const common = useTranslations('common.actions');
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await onDone();
      mutation.reset();
      onClose();
    },
  });
  const close = () => {
    mutation.reset();
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
          <Button variant="danger" disabled={mutation.isPending} onClick={() => mutation.mutate()} data-testid="confirm-dialog-confirm">
            {mutation.isPending ? pendingLabel : confirmLabel}
          </Button>
        </>
      }
    >
      {mutation.error ? <FormAlert message={mutation.error.message} /> : null}
    </Dialog>
  );
}
