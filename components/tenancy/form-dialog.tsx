'use client';
import type { FormEvent, ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormAlert } from '@/components/tenancy/form-alert';

/**
 * The dialog every admin and tenant form uses: Cancel + submit in the footer (the submit button
 * belongs to the form by id, so Enter in any field submits), the server's form-level refusal above the
 * fields, and the fields themselves as children.
 */
export function FormDialog({
  open,
  onClose,
  title,
  description,
  formId,
  onSubmit,
  pending,
  submitLabel,
  pendingLabel,
  formError,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  formId: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  /** A refusal that belongs to no single field (e.g. 409 from the server). */
  formError?: string | null;
  children: ReactNode;
}) {
  const common = useTranslations('common.actions');
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description={description}
      closeLabel={common('close')}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {common('cancel')}
          </Button>
          <Button variant="primary" type="submit" form={formId} disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
        {formError ? <FormAlert message={formError} /> : null}
        {children}
      </form>
    </Dialog>
  );
}
