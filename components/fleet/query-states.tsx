'use client';
import { useTranslations } from 'next-intl';
import { CircleAlert, RotateCw } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';

/** A widget-sized error with the server's plain message and a retry; the rest of the page stays. */
export function QueryErrorPanel({
  error,
  onRetry,
  className,
  compact,
}: {
  error: unknown;
  onRetry: () => void;
  className?: string;
  compact?: boolean;
}) {
  const t = useTranslations('fleet.errors');
  const message = error instanceof Error && error.message ? error.message : t('generic');
  const requestId = (error as { requestId?: string } | null)?.requestId;
  return (
    <div
      role="alert"
      data-testid="query-error"
      className={cn('flex items-start gap-3 text-[13px]', compact ? 'px-4 py-3' : 'px-6 py-10', className)}
    >
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-danger" />
      <div className="min-w-0 flex-1">
        <div className="font-medium text-fg">{t('title')}</div>
        <p className="mt-0.5 text-muted">{message}</p>
        {requestId ? <p className="mt-1 font-mono text-2xs text-faint">{t('reference', { id: requestId })}</p> : null}
      </div>
      <Button size="sm" onClick={onRetry}>
        <RotateCw aria-hidden />
        {t('retry')}
      </Button>
    </div>
  );
}
