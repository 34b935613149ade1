'use client';

import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ShieldAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input, inputClasses } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { cn } from '@/components/ui/cn';
import { ApiClientError } from '@/lib/client/api';
import { createToken, tokenQueryKeys } from '@/lib/client/tokens-api';
import type { CreateTokenResponse, TokenScope } from '@/lib/contracts/tokens';
import { CopyButton } from './copy-button';

const expiryChoices = ['30', '90', '365', 'never'] as const;
type ExpiryChoice = (typeof expiryChoices)[number];

/**
 * Two steps in one dialog: the form, then the new secret — shown exactly once, with a copy button.
 * The list refreshes when the dialog closes, so the secret view is not replaced under the user.
 */
export function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations('tokens');
  const common = useTranslations('common');
  const queryClient = useQueryClient();
  const formId = useId();
  const [name, setName] = useState('');
  const [access, setAccess] = useState<'read' | 'read-write'>('read');
  const [expiry, setExpiry] = useState<ExpiryChoice>('90');
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreateTokenResponse | null>(null);
  const [copyFailed, setCopyFailed] = useState(false);

  const mutation = useMutation({
    mutationFn: createToken,
    onSuccess: (response) => {
      setCreated(response);
      void queryClient.invalidateQueries({ queryKey: tokenQueryKeys.all });
    },
  });

  function close() {
    setName('');
    setAccess('read');
    setExpiry('90');
    setNameError(null);
    setCreated(null);
    setCopyFailed(false);
    mutation.reset();
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('form.nameRequired'));
      return;
    }
    setNameError(null);
    const scopes: TokenScope[] = access === 'read-write' ? ['read', 'write'] : ['read'];
    mutation.mutate({ name: name.trim(), scopes, ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }) });
  }

  const serverError = mutation.error instanceof ApiClientError ? mutation.error : null;
  const serverNameError = serverError?.param === 'name' ? serverError.message : null;

  if (created) {
    return (
      <Dialog
        open={open}
        onClose={close}
        title={t('created.title')}
        closeLabel={common('actions.close')}
        footer={
          <Button variant="secondary" onClick={close}>
            {common('actions.done')}
          </Button>
        }
      >
        <div className="flex items-start gap-2 rounded-md border border-warning/30 bg-warning-soft px-3 py-2 text-[13px] text-warning">
          <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>{t('created.warning')}</span>
        </div>
        <Field label={t('created.label')} htmlFor={`${formId}-secret`} className="mt-4">
          <div className="flex gap-2">
            <input
              id={`${formId}-secret`}
              readOnly
              value={created.token}
              data-testid="new-token-value"
              onFocus={(event) => event.currentTarget.select()}
              className={cn(inputClasses, 'font-mono text-xs')}
            />
            <CopyButton
              value={created.token}
              label={t('created.copy')}
              copiedLabel={t('created.copied')}
              onFailure={() => setCopyFailed(true)}
            />
          </div>
        </Field>
        {copyFailed ? <p className="mt-2 text-xs text-danger">{t('created.copyFailed')}</p> : null}
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('form.title')}
      description={t('form.description')}
      closeLabel={common('actions.close')}
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            {common('actions.cancel')}
          </Button>
          <Button variant="primary" type="submit" form={formId} disabled={mutation.isPending}>
            {mutation.isPending ? t('form.submitting') : t('form.submit')}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
        {mutation.error && !serverNameError ? (
          <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] text-danger">
            {mutation.error.message}
          </p>
        ) : null}
        <Field label={t('form.name')} htmlFor={`${formId}-name`} error={nameError ?? serverNameError}>
          <Input
            id={`${formId}-name`}
            name="name"
            autoFocus
            maxLength={100}
            placeholder={t('form.namePlaceholder')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={nameError || serverNameError ? true : undefined}
          />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label={t('form.access')} htmlFor={`${formId}-access`}>
            <Select
              id={`${formId}-access`}
              name="access"
              value={access}
              onChange={(event) => setAccess(event.target.value === 'read-write' ? 'read-write' : 'read')}
            >
              <option value="read">{t('form.accessRead')}</option>
              <option value="read-write">{t('form.accessReadWrite')}</option>
            </Select>
          </Field>
          <Field label={t('form.expiry')} htmlFor={`${formId}-expiry`}>
            <Select
              id={`${formId}-expiry`}
              name="expiry"
              value={expiry}
              onChange={(event) => setExpiry(event.target.value as ExpiryChoice)}
            >
              {expiryChoices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice === 'never' ? t('form.expiryNever') : t('form.expiryDays', { days: Number(choice) })}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </form>
    </Dialog>
  );
}
