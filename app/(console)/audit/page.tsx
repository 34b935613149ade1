import { Suspense } from 'react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuditLog, AuditTableSkeleton } from '@/components/audit/audit-log';
import { PageContainer, PageHeader } from '@/components/shell/page-header';
import { canSeeAudit, consoleAccessOf } from '@/components/tenancy/access';
import { ForbiddenPanel } from '@/components/tenancy/forbidden-panel';
import { requirePrincipal } from '@/lib/server/auth/principal';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit');
  return { title: t('metaTitle') };
}

/** The audit log. Who may read it (and which events) is decided by the API; this only avoids offering an empty page. */
export default async function AuditPage() {
  const t = await getTranslations('audit');
  const access = consoleAccessOf((await requirePrincipal()).bindings);
  if (!canSeeAudit(access)) {
    return (
      <PageContainer>
        <ForbiddenPanel title={t('forbidden.title')} description={t('forbidden.description')} />
      </PageContainer>
    );
  }
  const tenantScoped = !access.platformAdmin && !access.auditor;
  return (
    <PageContainer>
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} description={tenantScoped ? `${t('description')} ${t('tenantScoped')}` : t('description')} />
      {/* useSearchParams() in the log needs a Suspense boundary of its own. */}
      <Suspense fallback={<AuditTableSkeleton />}>
        <AuditLog />
      </Suspense>
    </PageContainer>
  );
}
