'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Monitor, Moon, Sun, type LucideIcon } from 'lucide-react';
import { cn } from '@/components/ui/cn';
import { themeCookieName, themes, type Theme } from '@/i18n/config';
import { writePreferenceCookie } from '@/lib/client/preference-cookie';

const icons: Record<Theme, LucideIcon> = { dark: Moon, light: Sun, system: Monitor };

/**
 * Dark / light / system. Applies the class to <html> at once (no server round trip) and remembers it
 * in the `overlook-theme` cookie, which the root layout reads so the next page load paints correctly.
 */
export function ThemeSwitch({ initialTheme }: { initialTheme: Theme }) {
  const t = useTranslations('shell.theme');
  const [theme, setTheme] = useState<Theme>(initialTheme);

  function choose(next: Theme) {
    setTheme(next);
    const root = document.documentElement;
    root.classList.remove(...themes);
    root.classList.add(next);
    writePreferenceCookie(themeCookieName, next);
  }

  return (
    <div role="group" aria-label={t('label')} className="flex h-8 items-center rounded-md border border-border bg-panel-sunken p-0.5">
      {themes.map((option) => {
        const Icon = icons[option];
        const selected = option === theme;
        return (
          <button
            key={option}
            type="button"
            onClick={() => choose(option)}
            aria-pressed={selected}
            aria-label={t(option)}
            title={t(option)}
            className={cn(
              'flex h-6 w-7 items-center justify-center rounded transition-colors',
              selected ? 'bg-panel-raised text-fg shadow-panel' : 'text-faint hover:text-fg',
            )}
          >
            <Icon aria-hidden className="size-3.5" />
          </button>
        );
      })}
    </div>
  );
}
