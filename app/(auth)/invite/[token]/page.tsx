import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Clock, Link2Off } from 'lucide-react';
import { AuthBrand } from '@/components/auth/auth-brand';
import type { InvitationInfo } from '@/lib/contracts/invitations';
import { lookupInvitation } from '@/lib/server/auth/invitations';
import { getDb } from '@/lib/server/db/client';
import { HttpError } from '@/lib/server/http/errors';
import { InviteForm } from './invite-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.invite');
  // The URL carries a secret: keep it out of search engines and out of Referer headers.
  return { title: t('metaTitle'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

/** Public: someone opens the invitation link they were sent, chooses a password and is signed in. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('auth.invite');
  const common = await getTranslations('common');
  const format = await getFormatter();

  let info: InvitationInfo | null = null;
  let problem: 'expired' | 'unknown' | null = null;
  try {
    info = await lookupInvitation(await getDb(), token);
  } catch (error) {
    if (!(error instanceof HttpError) || (error.status !== 404 && error.status !== 410)) throw error;
    problem = error.status === 410 ? 'expired' : 'unknown';
  }

  return (
    <div className="flex w-full flex-col items-center">
      <AuthBrand name={common('productName')} tagline={common('productTagline')} />
      <div className="w-full max-w-[420px] rounded-xl border border-border bg-panel p-6 shadow-pop" data-testid="invite-card">
        {info ? (
          <>
            <h1 className="text-base font-semibold text-balance text-fg" data-testid="invite-title">
              {t.rich('title', { email: info.email, em: (chunks) => <span className="inline-block max-w-full text-accent [overflow-wrap:anywhere]">{chunks}</span> })}
            </h1>
            {info.tenants.length > 0 ? (
              <p className="mt-2 text-[13px] text-fg" data-testid="invite-tenants">
                {t('tenants', { tenants: info.tenants.map((tenant) => tenant.displayName).join(', ') })}
              </p>
            ) : null}
            <p className="mt-1 text-[13px] text-muted">{t('subtitle')}</p>
            <p className="mt-3 mb-5 flex items-start gap-1.5 text-xs text-faint">
              <Clock aria-hidden className="mt-px size-3.5 shrink-0" />
              {t('expires', { expires: format.dateTime(new Date(info.expiresAt), { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }) })}
            </p>
            <InviteForm token={token} email={info.email} defaultName={info.name} />
          </>
        ) : (
          <div role="alert" data-testid="invite-unusable" data-reason={problem}>
            <div className="flex size-9 items-center justify-center rounded-full bg-warning-soft text-warning">
              <Link2Off aria-hidden className="size-4" />
            </div>
            <h1 className="mt-3 text-base font-semibold text-fg">{problem === 'expired' ? t('unusable.expiredTitle') : t('unusable.unknownTitle')}</h1>
            <p className="mt-1 text-[13px] text-muted">{problem === 'expired' ? t('unusable.expiredDescription') : t('unusable.description')}</p>
            <p className="mt-5 border-t border-border pt-4 text-[13px] text-muted">
              {t('unusable.haveAccount')}{' '}
              <Link href="/login" className="font-medium text-accent hover:underline">
                {t('unusable.signIn')}
              </Link>
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
