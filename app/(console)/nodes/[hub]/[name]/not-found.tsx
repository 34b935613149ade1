import { getTranslations } from 'next-intl/server';
import { PageContainer } from '@/components/shell/page-header';
import { NotFoundPanel } from '@/components/fleet/not-found-panel';

/** Reached when the address cannot name a Kubernetes object at all (the page validates before fetching). */
export default async function NotFound() {
  const t = await getTranslations('nodes.detail');
  return (
    <PageContainer>
      <NotFoundPanel title={t('notFoundTitle')} description={t('notFoundGeneric')} href="/nodes" linkLabel={t('backToNodes')} />
    </PageContainer>
  );
}
