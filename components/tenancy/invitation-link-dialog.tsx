'use client';

import { useId, useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { Link2 } from 'lucide-react';
import { CopyButton } from '@/components/tokens/copy-button';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import type { InvitationLink } from '@/lib/contracts/invitations';

export type InvitationLinkTarget = { email: string; link: InvitationLink };

/**
 * Shows a freshly created invitation link to copy and send (no email is sent by Overlook): the
 * absolute URL, a Copy button and when it expires. Used by tenant members and Admin › Users.
 */
export function InvitationLinkDialog({ target, onClose }: { target: InvitationLinkTarget | null; onClose: () => void }) {
  const t = useTranslations('tenancy.invitationLink');
  const common = useTranslations('common.actions');
  const format = useFormatter();
  const inputId = useId();
  const [copyFailed, setCopyFailed] = useState(false);
  const url = target ? `${typeof window === 'undefined' ? '' : window.location.origin}${target.link.path}` : '';
  const expires = target ? format.dateTime(new Date(target.link.expiresAt), { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }) : '';

  function close() {
    setCopyFailed(false);
    onClose();
  }

  return (
    <Dialog
      open={target !== null}
      onClose={close}
      title={t('title')}
      description={t('description')}
      closeLabel={common('close')}
      footer={<Button onClick={close}>{common('done')}</Button>}
    >
      {target ? (
        <div className="space-y-3" data-testid="invitation-link-dialog">
          <label htmlFor={inputId} className="flex items-center gap-1.5 text-xs font-medium text-muted">
            <Link2 aria-hidden className="size-3.5" />
            {t('label')}
          </label>
          <div className="flex items-center gap-2">
            <Input
              id={inputId}
              readOnly
              value={url}
              onFocus={(event) => event.currentTarget.select()}
              className="h-9 font-mono text-xs"
              data-testid="invitation-url"
            />
            <CopyButton value={url} label={t('copy')} copiedLabel={t('copied')} onFailure={() => setCopyFailed(true)} />
          </div>
          {copyFailed ? <p className="text-xs text-danger">{t('copyFailed')}</p> : null}
          <p role="status" className="rounded-md border border-info/30 bg-info-soft px-3 py-2 text-[13px] text-fg" data-testid="invitation-sentence">
            {t('send', { email: target.email, expires })}
          </p>
        </div>
      ) : null}
    </Dialog>
  );
}
