import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { RoleBindingsPanel } from '@/components/admin/role-bindings-panel';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.tabs');
  return { title: t('roleBindings') };
}

export default function AdminRoleBindingsPage() {
  return <RoleBindingsPanel />;
}
