'use client';
import { useState, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { CircleAlert, LoaderCircle, ShieldAlert } from 'lucide-react';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { MutationResult } from '@/lib/contracts/fleet';

/**
 * A button that asks before it acts. The request goes to the hub through the BFF; the dialog shows
 * the server's refusal plainly (403: "you may not …") instead of a generic failure, and closes on 202.
 * The changed state then arrives through the live stream.
 */
export function ConfirmAction({
  label,
  icon,
  title,
  description,
  confirmLabel,
  variant = 'secondary',
  confirmVariant = 'primary',
  disabled,
  disabledReason,
  run,
  onAccepted,
  children,
  testId,
  validate,
}: {
  label: string;
  icon?: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  variant?: ButtonVariant;
  confirmVariant?: ButtonVariant;
  disabled?: boolean;
  disabledReason?: string;
  run: () => Promise<MutationResult>;
  onAccepted?: (result: MutationResult) => void;
  /** Extra form content (e.g. a replicas input). */
  children?: ReactNode;
  testId?: string;
  /** Returns an error message to block confirming, or null. */
  validate?: () => string | null;
}) {
  const t = useTranslations('fleet.actions');
  const common = useTranslations('common.actions');
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: (result) => {
      setOpen(false);
      onAccepted?.(result);
    },
  });
  const error = mutation.error as (Error & { status?: number }) | null;
  const validationError = open && validate ? validate() : null;

  return (
    <>
      <Button
        variant={variant}
        size="sm"
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
        disabled={disabled}
        title={disabled ? disabledReason : undefined}
        data-testid={testId}
      >
        {icon}
        {label}
      </Button>
      <Dialog
        open={open}
        onClose={() => !mutation.isPending && setOpen(false)}
        title={title}
        description={description}
        closeLabel={common('close')}
        footer={
          <>
            <Button variant="ghost" onClick={() => setOpen(false)} disabled={mutation.isPending}>
              {common('cancel')}
            </Button>
            <Button
              variant={confirmVariant}
              onClick={() => mutation.mutate()}
              disabled={mutation.isPending || Boolean(validationError)}
              data-testid={testId ? `${testId}-confirm` : undefined}
            >
              {mutation.isPending ? <LoaderCircle aria-hidden className="animate-spin" /> : null}
              {mutation.isPending ? t('working') : confirmLabel}
            </Button>
          </>
        }
      >
        {children}
        {error ? (
          <div
            role="alert"
            data-testid="action-error"
            className="mt-3 flex items-start gap-2 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] text-fg first:mt-0"
          >
            {error.status === 403 ? (
              <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-danger" />
            ) : (
              <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-danger" />
            )}
            <div>
              <div className="font-medium">{error.status === 403 ? t('denied') : t('failed')}</div>
              <div className="text-muted">{error.message}</div>
            </div>
          </div>
        ) : null}
      </Dialog>
    </>
  );
}
