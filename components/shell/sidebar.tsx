'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { PanelLeftClose, PanelLeftOpen } from 'lucide-react';
import { cn } from '@/components/ui/cn';
import { sidebarCookieName } from '@/i18n/config';
import { writePreferenceCookie } from '@/lib/client/preference-cookie';
import { isNavItemActive, navSections } from './nav-items';

/**
 * Section navigation. `defaultCollapsed` comes from the `overlook-sidebar` cookie so the server renders the right width.
 * `hiddenHrefs`: sections the caller's roles do not open (decided on the server; the API enforces anyway).
 */
export function Sidebar({ defaultCollapsed, hiddenHrefs = [] }: { defaultCollapsed: boolean; hiddenHrefs?: readonly string[] }) {
  const t = useTranslations('shell.nav');
  const pathname = usePathname();
  const [collapsed, setCollapsed] = useState(defaultCollapsed);

  function toggle() {
    const next = !collapsed;
    setCollapsed(next);
    writePreferenceCookie(sidebarCookieName, next ? 'collapsed' : 'expanded');
  }

  return (
    <nav
      aria-label={t('label')}
      data-collapsed={collapsed}
      className={cn(
        'flex shrink-0 flex-col border-r border-border bg-panel transition-[width] duration-150',
        collapsed ? 'w-[52px]' : 'w-56',
      )}
    >
      <div className="flex-1 overflow-x-hidden overflow-y-auto px-2 py-3">
        {navSections
          .map((section) => ({ ...section, items: section.items.filter((item) => !hiddenHrefs.includes(item.href)) }))
          .filter((section) => section.items.length > 0)
          .map((section, index) => (
          <div key={section.id} className={cn(index > 0 && 'mt-4')}>
            {collapsed ? (
              index > 0 ? <div className="mx-2 mb-3 border-t border-border" aria-hidden /> : null
            ) : (
              <div className="mb-1 px-2 text-2xs font-medium tracking-wider text-faint uppercase">
                {t(`sections.${section.id}`)}
              </div>
            )}
            <ul className="space-y-px">
              {section.items.map((item) => {
                const active = isNavItemActive(item.href, pathname);
                const Icon = item.icon;
                const label = t(item.label);
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={active ? 'page' : undefined}
                      title={collapsed ? label : undefined}
                      className={cn(
                        'group relative flex h-8 items-center gap-2.5 rounded-md px-2 text-[13px] transition-colors',
                        active
                          ? 'bg-accent-soft font-medium text-fg'
                          : 'text-muted hover:bg-panel-raised hover:text-fg',
                      )}
                    >
                      {active ? (
                        <span aria-hidden className="absolute top-1.5 bottom-1.5 -left-2 w-[3px] rounded-r bg-accent" />
                      ) : null}
                      <Icon
                        aria-hidden
                        className={cn('size-4 shrink-0', active ? 'text-accent' : 'text-faint group-hover:text-muted')}
                      />
                      <span className={cn('truncate', collapsed && 'sr-only')}>{label}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
      <div className="border-t border-border p-2">
        <button
          type="button"
          onClick={toggle}
          aria-label={collapsed ? t('expand') : t('collapse')}
          title={collapsed ? t('expand') : t('collapse')}
          className="flex h-8 w-full items-center gap-2.5 rounded-md px-2 text-[13px] text-faint transition-colors hover:bg-panel-raised hover:text-fg"
        >
          {collapsed ? <PanelLeftOpen aria-hidden className="size-4" /> : <PanelLeftClose aria-hidden className="size-4" />}
          {collapsed ? null : <span>{t('collapse')}</span>}
        </button>
      </div>
    </nav>
  );
}
