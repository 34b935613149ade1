import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageContainer } from '@/components/shell/page-header';
import { NodeDetailView } from '@/components/nodes/node-detail-view';
import { hubNameSchema, k8sNameSchema } from '@/lib/contracts/fleet';

type Params = Promise<{ hub: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await params;
  return { title: decodeURIComponent(name) };
}

/** Node detail. Names that cannot be Kubernetes names are a 404 here, before any request is made. */
export default async function NodeDetailPage({ params }: { params: Params }) {
  const raw = await params;
  const hub = hubNameSchema.safeParse(decodeURIComponent(raw.hub));
  const name = k8sNameSchema.safeParse(decodeURIComponent(raw.name));
  if (!hub.success || !name.success) notFound();
  return (
    <PageContainer>
      <NodeDetailView hub={hub.data} name={name.data} />
    </PageContainer>
  );
}
