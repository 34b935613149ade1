import { getTranslations } from 'next-intl/server';
import { CircleDashed, type LucideIcon } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageContainer, PageHeader } from './page-header';

export type PlannedSection = 'datacenters' | 'nodes' | 'workloads' | 'logs' | 'metrics' | 'registries' | 'audit' | 'admin';

/**
 * Honest placeholder for a console section that is not built yet: it names the section, says it is
 * coming in a later release, and lists what it will do — no fake data.
 */
export async function ComingSoon({ section, icon: Icon }: { section: PlannedSection; icon: LucideIcon }) {
  const t = await getTranslations('placeholders');
  const features = t.raw(`${section}.features`) as string[];

  return (
    <PageContainer>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2.5">
            {t(`${section}.title`)}
            <Badge tone="info" className="font-normal tracking-normal">
              {t('comingSoon')}
            </Badge>
          </span>
        }
        description={t(`${section}.description`)}
      />
      <Card className="max-w-3xl" data-testid="coming-soon">
        <div className="flex items-start gap-4 p-5">
          <div className="flex size-10 shrink-0 items-center justify-center rounded-lg border border-border bg-panel-raised text-accent">
            <Icon aria-hidden className="size-5" />
          </div>
          <div className="min-w-0">
            <h2 className="text-[13px] font-semibold text-fg">{t('plannedTitle')}</h2>
            <ul className="mt-3 space-y-2.5">
              {features.map((feature) => (
                <li key={feature} className="flex items-start gap-2.5 text-[13px] text-muted">
                  <CircleDashed aria-hidden className="mt-0.5 size-3.5 shrink-0 text-faint" />
                  <span>{feature}</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </Card>
    </PageContainer>
  );
}
