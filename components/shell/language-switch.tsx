'use client';

import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { Languages } from 'lucide-react';
import { cn } from '@/components/ui/cn';
import { locales } from '@/i18n/config';
import { setLocale } from '@/i18n/actions';

/** English / 简体中文. Each option is written in its own language so anyone can find theirs. */
export function LanguageSwitch({ className }: { className?: string }) {
  const t = useTranslations('shell.language');
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  return (
    <label
      className={cn(
        'relative flex h-8 items-center gap-1.5 rounded-md border border-border bg-panel-sunken pr-2 pl-2 text-[13px] text-muted transition-colors hover:text-fg',
        pending && 'opacity-60',
        className,
      )}
    >
      <Languages aria-hidden className="size-3.5 shrink-0" />
      <span className="sr-only">{t('label')}</span>
      <select
        aria-label={t('label')}
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await setLocale(next);
            router.refresh();
          });
        }}
        className="cursor-pointer appearance-none bg-transparent pr-0.5 text-[13px] text-inherit outline-none"
      >
        {locales.map((option) => (
          <option key={option} value={option} lang={option} className="bg-panel text-fg">
            {t(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
