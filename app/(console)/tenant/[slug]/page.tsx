import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageContainer, PageHeader } from '@/components/shell/page-header';
import { consoleAccessOf } from '@/components/tenancy/access';
import { TenantOverviewView } from '@/components/tenancy/tenant-overview';
import { cn } from '@/components/ui/cn';
import { TenantSlugSchema } from '@/lib/contracts/tenancy';
import { requirePrincipal } from '@/lib/server/auth/principal';

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations('tenancy.page');
  const { slug } = await params;
  return { title: `${decodeURIComponent(slug)} · ${t('metaTitle')}` };
}

/** One tenant's overview and members. Whether the caller may see it is the API's call (404 otherwise). */
export default async function TenantPage({ params }: { params: Params }) {
  const t = await getTranslations('tenancy.page');
  const parsed = TenantSlugSchema.safeParse(decodeURIComponent((await params).slug));
  if (!parsed.success) notFound();
  const slug = parsed.data;
  const tenants = [...consoleAccessOf((await requirePrincipal()).bindings).memberTenants].sort();
  return (
    <PageContainer>
      <PageHeader
        eyebrow={t('eyebrow')}
        title={t('title')}
        description={t('description')}
        actions={
          tenants.length > 1 ? (
            <nav aria-label={t('choose')} className="flex gap-1 rounded-md border border-border bg-panel p-0.5">
              {tenants.map((tenant) => (
                <Link
                  key={tenant}
                  href={`/tenant/${encodeURIComponent(tenant)}`}
                  aria-current={tenant === slug ? 'page' : undefined}
                  className={cn('rounded px-2.5 py-1 text-xs font-medium', tenant === slug ? 'bg-accent-soft text-fg' : 'text-muted hover:text-fg')}
                >
                  {tenant}
                </Link>
              ))}
            </nav>
          ) : null
        }
      />
      <TenantOverviewView slug={slug} />
    </PageContainer>
  );
}
