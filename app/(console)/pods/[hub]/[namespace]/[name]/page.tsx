import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageContainer } from '@/components/shell/page-header';
import { PodDetailView } from '@/components/pods/pod-detail-view';
import { hubNameSchema, k8sNameSchema } from '@/lib/contracts/fleet';

type Params = Promise<{ hub: string; namespace: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await params;
  return { title: decodeURIComponent(name) };
}

/** Pod detail. Segments that cannot be Kubernetes names are a 404 before any request is made. */
export default async function PodDetailPage({ params }: { params: Params }) {
  const raw = await params;
  const hub = hubNameSchema.safeParse(decodeURIComponent(raw.hub));
  const namespace = k8sNameSchema.safeParse(decodeURIComponent(raw.namespace));
  const name = k8sNameSchema.safeParse(decodeURIComponent(raw.name));
  if (!hub.success || !namespace.success || !name.success) notFound();
  return (
    <PageContainer>
      <PodDetailView hub={hub.data} namespace={namespace.data} name={name.data} />
    </PageContainer>
  );
}
