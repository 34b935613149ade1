import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Boxes, Container } from 'lucide-react';
import { cn } from '@/components/ui/cn';

/** Workloads and Pods are two views of one section (the sidebar has one "Workloads" entry). */
export function WorkloadTabs({ active }: { active: 'workloads' | 'pods' }) {
  const t = useTranslations('workloads.tabs');
  const tabs = [
    { id: 'workloads', href: '/workloads', label: t('workloads'), icon: Boxes },
    { id: 'pods', href: '/pods', label: t('pods'), icon: Container },
  ] as const;
  return (
    <nav aria-label={t('label')} className="mb-3 flex gap-1 border-b border-border">
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          aria-current={tab.id === active ? 'page' : undefined}
          className={cn(
            '-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-[13px] font-medium transition-colors',
            tab.id === active ? 'border-accent text-fg' : 'border-transparent text-muted hover:text-fg',
          )}
        >
          <tab.icon aria-hidden className="size-3.5" />
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
