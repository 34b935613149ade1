import { getTranslations } from 'next-intl/server';
import { FlaskConical } from 'lucide-react';
import { Tooltip } from '@/components/ui/tooltip';

/** Always-visible marker that this console shows the simulated demo fleet, not production. */
export async function DemoPill() {
  const t = await getTranslations('shell.header.demo');
  return (
    <Tooltip id="demo-fleet-hint" content={t('hint')}>
      <span
        tabIndex={0}
        data-testid="demo-pill"
        className="inline-flex h-6 items-center gap-1.5 rounded-full border border-warning/40 bg-warning-soft px-2.5 text-xs font-medium text-warning"
      >
        <FlaskConical aria-hidden className="size-3.5" />
        {t('pill')}
      </span>
    </Tooltip>
  );
}
