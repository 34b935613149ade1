'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Building, Server, ShieldCheck, Users } from 'lucide-react';
import { cn } from '@/components/ui/cn';

const tabs = [
  { href: '/admin/users', key: 'users', icon: Users },
  { href: '/admin/tenants', key: 'tenants', icon: Building },
  { href: '/admin/role-bindings', key: 'roleBindings', icon: ShieldCheck },
  { href: '/admin/hubs', key: 'hubs', icon: Server },
] as const;

/** Sub-page tabs of the Admin section (each tab is its own URL, so it can be linked and reloaded). */
export function AdminTabs() {
  const t = useTranslations('admin.tabs');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')} className="mb-4 flex gap-1 border-b border-border">
      {tabs.map((tab) => {
        const active = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
        const Icon = tab.icon;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              '-mb-px inline-flex h-9 items-center gap-2 border-b-2 px-3 text-[13px] transition-colors',
              active ? 'border-accent font-medium text-fg' : 'border-transparent text-muted hover:text-fg',
            )}
          >
            <Icon aria-hidden className={cn('size-4', active ? 'text-accent' : 'text-faint')} />
            {t(tab.key)}
          </Link>
        );
      })}
    </nav>
  );
}
