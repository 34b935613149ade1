import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageContainer, PageHeader } from '@/components/shell/page-header';
import { TokensPanel } from '@/components/tokens/tokens-panel';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('tokens');
  return { title: t('metaTitle') };
}

export default async function TokensPage() {
  const t = await getTranslations('tokens');
  const nav = await getTranslations('shell.nav.sections');
  return (
    <PageContainer>
      <PageHeader eyebrow={nav('settings')} title={t('title')} description={t.rich('description', {
          code: (chunks) => <code className="rounded bg-panel-raised px-1 py-px font-mono text-xs text-fg">{chunks}</code>,
        })} />
      <div className="max-w-5xl">
        <TokensPanel />
      </div>
    </PageContainer>
  );
}
