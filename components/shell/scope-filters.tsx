import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { Network } from 'lucide-react';
import { Tooltip } from '@/components/ui/tooltip';
import { cn } from '@/components/ui/cn';
import { TenantSwitcher as TenantSwitcherControl } from '@/components/tenancy/tenant-switcher';
import { TENANT_NARROWING_COOKIE } from '@/lib/contracts/tenancy';

/**
 * Hub/region filter and tenant switcher. Placeholders until the fleet data layer (hubs) and tenancy
 * land: they show the current scope ("All hubs", "All tenants") honestly and explain, on hover or
 * focus, when they become selectable. The fleet engineer replaces these with live selects.
 */
export async function HubFilter() {
  const t = await getTranslations('shell.header.hubFilter');
  return (
    <ScopePlaceholder id="hub-filter-hint" icon={<Network aria-hidden className="size-3.5" />} label={t('label')} value={t('allHubs')} hint={t('hint')} testId="hub-filter" />
  );
}

/** The live tenant switcher (components/tenancy); the server passes the current narrowing cookie. */
export async function TenantSwitcher() {
  const narrowed = (await cookies()).get(TENANT_NARROWING_COOKIE)?.value ?? null;
  return <TenantSwitcherControl initial={narrowed} />;
}

function ScopePlaceholder({
  id,
  icon,
  label,
  value,
  hint,
  testId,
}: {
  id: string;
  icon: React.ReactNode;
  label: string;
  value: string;
  hint: string;
  testId: string;
}) {
  return (
    <Tooltip id={id} content={hint}>
      <span
        tabIndex={0}
        data-testid={testId}
        aria-label={`${label}: ${value}`}
        className={cn(
          'inline-flex h-8 cursor-default items-center gap-2 rounded-md border border-border bg-panel-sunken px-2.5 text-[13px]',
          'text-fg transition-colors hover:border-border-strong',
        )}
      >
        <span className="text-faint">{icon}</span>
        <span className="text-muted">{label}</span>
        <span className="h-3.5 w-px bg-border-strong" aria-hidden />
        <span className="font-medium">{value}</span>
      </span>
    </Tooltip>
  );
}
