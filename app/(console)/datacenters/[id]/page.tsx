import { Suspense } from 'react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageContainer } from '@/components/shell/page-header';
import { DatacenterDetailView } from '@/components/datacenters/datacenter-detail-view';
import { DatacenterDetailSkeleton } from '@/components/datacenters/datacenter-detail-skeleton';
import { hubNameSchema } from '@/lib/contracts/fleet';

type Params = Promise<{ id: string }>;

/** `<hub>:<zone>`: the hub part must be a hub name; the zone is a label value (≤ 63 chars). */
function parseDatacenterId(raw: string): string | null {
  const id = decodeURIComponent(raw);
  const at = id.indexOf(':');
  if (at <= 0 || at === id.length - 1 || id.length > 320) return null;
  if (!hubNameSchema.safeParse(id.slice(0, at)).success) return null;
  if (!/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(id.slice(at + 1))) return null;
  return id;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: decodeURIComponent(id) };
}

export default async function DatacenterDetailPage({ params }: { params: Params }) {
  const id = parseDatacenterId((await params).id);
  if (!id) notFound();
  const t = await getTranslations('datacenters.detail');
  return (
    <PageContainer>
      {/* The node table inside reads filters from the URL, which needs a Suspense boundary. */}
      <Suspense fallback={<DatacenterDetailSkeleton label={t('loading')} />}>
        <DatacenterDetailView id={id} />
      </Suspense>
    </PageContainer>
  );
}
