'use client';
import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Building } from 'lucide-react';
import { z } from 'zod';
import { cn } from '@/components/ui/cn';
import { apiFetch } from '@/lib/client/api';
import { writeTenantNarrowing } from '@/lib/client/tenancy-api';
import { MeResponseSchema } from '@/lib/contracts/auth';
import { MeTenantSchema, type MeTenant } from '@/lib/contracts/tenancy';

/** /api/v1/me with the caller's tenants (older servers may omit them: then the bindings name them). */
const MeWithTenantsSchema = MeResponseSchema.extend({ tenants: z.array(MeTenantSchema).optional() });

export const meQueryOptions = () => ({
  queryKey: ['me'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => apiFetch('/api/v1/me', { signal, schema: MeWithTenantsSchema }),
  staleTime: 60_000,
});

function tenantsOf(me: z.infer<typeof MeWithTenantsSchema>): MeTenant[] {
  if (me.tenants) return me.tenants;
  const roles = new Map<string, MeTenant['role']>();
  for (const { role, scope } of me.bindings) {
    if ((role === 'tenant-admin' || role === 'tenant-viewer') && scope.tenant && roles.get(scope.tenant) !== 'tenant-admin') roles.set(scope.tenant, role);
  }
  return [...roles].map(([slug, role]) => ({ slug, displayName: slug, role }));
}

/**
 * Header tenant switcher: "All my tenants" or one of them. The choice is the `overlook-tenant`
 * cookie, which the BFF reads on every fleet request to narrow what it returns (never to widen it).
 * Switching drops every cached query: the fleet keys carry no tenant, so nothing from the wider
 * view may be shown under the narrower one.
 */
export function TenantSwitcher({ initial }: { initial: string | null }) {
  const t = useTranslations('tenancy.switcher');
  const id = useId();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState(initial ?? '');
  const me = useQuery(meQueryOptions());
  const tenants = me.data ? tenantsOf(me.data) : [];
  const known = selected === '' || tenants.some((tenant) => tenant.slug === selected);

  function choose(value: string) {
    setSelected(value);
    writeTenantNarrowing(value || null);
    void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
    router.refresh();
  }

  const disabled = me.isPending || tenants.length === 0;
  return (
    <label
      htmlFor={id}
      title={t('hint')}
      data-testid="tenant-switcher"
      data-value={selected}
      className={cn(
        'relative inline-flex h-8 items-center gap-2 rounded-md border border-border bg-panel-sunken pr-1 pl-2.5 text-[13px] text-fg transition-colors',
        disabled ? 'opacity-80' : 'hover:border-border-strong focus-within:border-accent',
      )}
    >
      <Building aria-hidden className="size-3.5 text-faint" />
      <span className="text-muted">{t('label')}</span>
      <span className="h-3.5 w-px bg-border-strong" aria-hidden />
      <select
        id={id}
        aria-label={t('label')}
        value={known ? selected : ''}
        disabled={disabled}
        onChange={(event) => choose(event.target.value)}
        className="h-7 max-w-48 cursor-pointer appearance-none truncate bg-transparent pr-1 font-medium text-fg outline-none disabled:cursor-default"
      >
        {me.isPending ? <option value="">{t('loading')}</option> : null}
        {!me.isPending ? <option value="">{tenants.length === 0 ? t('everything') : t('allMine')}</option> : null}
        {tenants.map((tenant) => (
          <option key={tenant.slug} value={tenant.slug}>
            {tenant.displayName}
          </option>
        ))}
      </select>
    </label>
  );
}
