import { redirect } from 'next/navigation';

/** /admin opens on its first tab. */
export default function AdminPage() {
  redirect('/admin/users');
}
