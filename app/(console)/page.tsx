import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ArrowRight, Boxes, Building2, KeyRound, Network, Server } from 'lucide-react';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { StatusDot } from '@/components/ui/status-dot';
import { PageContainer, PageHeader } from '@/components/shell/page-header';
import { getPrincipal } from '@/lib/server/auth/principal';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('overview');
  return { title: t('title') };
}

/**
 * Overview frame. The fleet engineer replaces the stat tiles and the hub health card with live data;
 * until then they say plainly that fleet data is not connected, rather than showing zeros.
 */
export default async function OverviewPage() {
  const t = await getTranslations('overview');
  const principal = await getPrincipal();
  const stats = [
    { key: 'hubs', icon: Network },
    { key: 'datacenters', icon: Building2 },
    { key: 'edgeNodes', icon: Server },
    { key: 'pods', icon: Boxes },
  ] as const;

  return (
    <PageContainer>
      <PageHeader
        eyebrow={principal ? t('greeting', { name: principal.name }) : undefined}
        title={t('title')}
        description={t('description')}
      />
      <section aria-label={t('title')} className="grid grid-cols-2 gap-3 xl:grid-cols-4">
        {stats.map(({ key, icon: Icon }) => (
          <Card key={key} className="p-4" data-testid={`stat-${key}`}>
            <div className="flex items-center justify-between text-xs text-muted">
              <span>{t(`stats.${key}`)}</span>
              <Icon aria-hidden className="size-4 text-faint" />
            </div>
            <div className="mt-2 text-2xl font-semibold tracking-tight text-faint">—</div>
            <div className="mt-1 flex items-center gap-1.5 text-2xs text-faint">
              <StatusDot tone="neutral" />
              {t('stats.pending')}
            </div>
          </Card>
        ))}
      </section>
      <div className="mt-3 grid gap-3 xl:grid-cols-3">
        <Card className="xl:col-span-2">
          <CardHeader title={t('health.title')} />
          <EmptyState icon={Network} title={t('health.emptyTitle')} description={t('health.emptyDescription')} />
        </Card>
        <Card>
          <CardHeader title={t('next.title')} />
          <Link
            href="/settings/tokens"
            className="group flex items-start gap-3 px-4 py-3.5 transition-colors hover:bg-panel-raised"
          >
            <div className="flex size-8 shrink-0 items-center justify-center rounded-md border border-border bg-panel-raised text-accent">
              <KeyRound aria-hidden className="size-4" />
            </div>
            <div className="min-w-0 flex-1">
              <div className="text-[13px] font-medium text-fg">{t('next.tokens')}</div>
              <div className="mt-0.5 text-xs text-muted">{t('next.tokensHint')}</div>
            </div>
            <ArrowRight aria-hidden className="mt-1 size-4 text-faint transition-transform group-hover:translate-x-0.5" />
          </Link>
        </Card>
      </div>
    </PageContainer>
  );
}
