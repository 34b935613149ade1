import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Compass } from 'lucide-react';
import { buttonClasses } from '@/components/ui/button';

/** Shared 404 body for the app root and the console segment. */
export async function NotFoundPanel({ variant }: { variant: 'app' | 'console' }) {
  const t = await getTranslations('states.notFound');
  const common = await getTranslations('common');
  return (
    <div className="flex flex-1 flex-col items-center justify-center px-6 py-24 text-center" data-testid="not-found">
      <div className="mb-4 flex size-12 items-center justify-center rounded-xl border border-border bg-panel text-muted">
        <Compass aria-hidden className="size-6" />
      </div>
      <p className="font-mono text-xs text-faint">{t('code')}</p>
      <h1 className="mt-1 text-lg font-semibold text-fg">{t('title')}</h1>
      <p className="mt-2 max-w-md text-[13px] text-muted">
        {variant === 'console' ? t('consoleDescription') : t('description')}
      </p>
      <Link href="/" className={buttonClasses('secondary', 'md', 'mt-6')}>
        {common('actions.backToOverview')}
      </Link>
    </div>
  );
}
