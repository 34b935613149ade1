import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotFoundPanel } from '@/components/shell/not-found-panel';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('states.notFound');
  return { title: t('title') };
}

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col">
      <NotFoundPanel variant="app" />
    </main>
  );
}
