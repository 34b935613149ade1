import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ScrollText } from 'lucide-react';
import { ComingSoon } from '@/components/shell/coming-soon';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('placeholders.logs');
  return { title: t('title') };
}

// Placeholder until this section ships; see messages/*/placeholders.json for what it will do.
export default function Page() {
  return <ComingSoon section="logs" icon={ScrollText} />;
}
