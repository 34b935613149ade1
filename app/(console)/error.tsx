'use client';

import { useEffect } from 'react';
import { useTranslations } from 'next-intl';
import { AlertTriangle, RotateCw } from 'lucide-react';
import { Button } from '@/components/ui/button';

/**
 * Error boundary for console pages. The shell (header, sidebar) stays usable; only the page area
 * shows a plain message and a retry. Server errors arrive with a generic message and a digest that
 * matches the server log, never a stack.
 */
export default function ConsoleError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('states.error');
  const common = useTranslations('common');
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="flex flex-col items-center justify-center px-6 py-24 text-center" data-testid="console-error">
      <div className="mb-4 flex size-12 items-center justify-center rounded-xl border border-danger/30 bg-danger-soft text-danger">
        <AlertTriangle aria-hidden className="size-6" />
      </div>
      <h1 className="text-lg font-semibold text-fg">{t('title')}</h1>
      <p className="mt-2 max-w-md text-[13px] text-muted">{t('description')}</p>
      {digest ? <p className="mt-3 font-mono text-xs text-faint">{t('reference', { digest })}</p> : null}
      <Button variant="primary" className="mt-6" onClick={() => retry()}>
        <RotateCw aria-hidden />
        {common('actions.retry')}
      </Button>
    </div>
  );
}
