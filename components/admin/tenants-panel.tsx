'use client';
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Building, FolderTree, Pencil, Plus, Trash2 } from 'lucide-react';
import { QueryErrorPanel } from '@/components/fleet/query-states';
import { RelativeTime } from '@/components/fleet/relative-time';
import { apiFieldErrors, validateWith, type FieldErrors } from '@/components/tenancy/form-errors';
import { useIssueTranslator } from '@/components/tenancy/use-issue-translator';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { FormDialog } from '@/components/tenancy/form-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, Input, inputClasses } from '@/components/ui/input';
import { cn } from '@/components/ui/cn';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { adminKeys, adminMutations, tenantListQuery } from '@/lib/client/admin-api';
import { CreateTenantRequestSchema, UpdateTenantRequestSchema, type TenantDto } from '@/lib/contracts/tenancy';
import { ConfirmDialog } from './confirm-dialog';
import { TenantNamespacesDialog } from './tenant-namespaces-dialog';
import { TableSkeleton } from './users-panel';

/** Tenants: create, edit, delete, and assign namespaces with a live preview. */
export function TenantsPanel() {
  const t = useTranslations('admin.tenants');
  const common = useTranslations('admin.common');
  const query = useQuery(tenantListQuery());
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<TenantDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TenantDto | null>(null);
  // By slug, so the dialog shows the list's current copy after each assignment.
  const [managingSlug, setManagingSlug] = useState<string | null>(null);
  const managing = query.data?.items.find((tenant) => tenant.slug === managingSlug) ?? null;

  return (
    <>
      <Card>
        <CardHeader
          title={t('title')}
          actions={
            <Button variant="primary" size="sm" onClick={() => setEditing('new')}>
              <Plus aria-hidden />
              {t('create')}
            </Button>
          }
        />
        {query.isPending ? (
          <TableSkeleton name="tenants-table" label={t('loading')} />
        ) : query.isError ? (
          <QueryErrorPanel error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <EmptyState icon={Building} title={t('empty')} />
        ) : (
          <Table aria-label={t('table.label')} data-testid="tenants-table">
            <TableHead>
              <tr>
                <TableHeaderCell>{t('table.tenant')}</TableHeaderCell>
                <TableHeaderCell>{t('table.namespaces')}</TableHeaderCell>
                <TableHeaderCell>{t('table.members')}</TableHeaderCell>
                <TableHeaderCell>{common('created')}</TableHeaderCell>
                <TableHeaderCell className="text-right">
                  <span className="sr-only">{common('actions')}</span>
                </TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {query.data.items.map((tenant) => (
                <TableRow key={tenant.slug} data-testid="tenant-row" data-slug={tenant.slug}>
                  <TableCell className="max-w-80">
                    <div className="font-medium text-fg">
                      {tenant.displayName} <span className="font-mono text-xs font-normal text-faint">{tenant.slug}</span>
                    </div>
                    {tenant.description ? <div className="truncate text-xs text-muted">{tenant.description}</div> : null}
                  </TableCell>
                  <TableCell className="whitespace-normal">
                    {tenant.namespaces.length === 0 ? (
                      <span className="text-xs text-faint">{t('noNamespaces')}</span>
                    ) : (
                      <div className="flex max-w-xl flex-wrap gap-1">
                        {tenant.namespaces.map((assignment) => (
                          <span key={assignment.id} className="inline-flex h-5 items-center rounded border border-border bg-panel-raised px-1.5 font-mono text-2xs">
                            <span className="text-faint">{assignment.hub}/</span>
                            <span className="text-fg">{assignment.pattern}</span>
                          </span>
                        ))}
                      </div>
                    )}
                  </TableCell>
                  <TableCell className="text-muted">{t('membersCount', { count: tenant.memberCount })}</TableCell>
                  <TableCell className="text-muted">
                    <RelativeTime value={tenant.createdAt} />
                  </TableCell>
                  <TableCell className="text-right">
                    <div className="flex justify-end gap-1">
                      <Button size="sm" variant="ghost" onClick={() => setManagingSlug(tenant.slug)} aria-label={t('manageLabel', { name: tenant.displayName })} data-testid="tenant-manage-namespaces">
                        <FolderTree aria-hidden />
                        {t('manage')}
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => setEditing(tenant)} aria-label={t('editLabel', { name: tenant.displayName })}>
                        <Pencil aria-hidden />
                      </Button>
                      <Button size="sm" variant="ghost" className="hover:text-danger" onClick={() => setDeleting(tenant)} aria-label={t('deleteLabel', { name: tenant.displayName })}>
                        <Trash2 aria-hidden />
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <TenantFormDialog tenant={editing} onClose={() => setEditing(null)} />
      <TenantNamespacesDialog tenant={managing} onClose={() => setManagingSlug(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title={t('deleteTitle')}
        description={t('deleteDescription', { name: deleting?.displayName ?? '' })}
        confirmLabel={common('delete')}
        pendingLabel={common('deleting')}
        run={() => adminMutations.deleteTenant(deleting!.slug)}
        onDone={() => queryClient.invalidateQueries({ queryKey: adminKeys.all })}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

const TENANT_FIELDS = ['slug', 'displayName', 'description'] as const;

/** Create (slug, name, description) or edit (name, description): each validated with its own contract schema. */
function TenantFormDialog({ tenant, onClose }: { tenant: TenantDto | 'new' | null; onClose: () => void }) {
  const t = useTranslations('admin.tenants.form');
  const translate = useIssueTranslator();
  const queryClient = useQueryClient();
  const formId = useId();
  const isNew = tenant === 'new';
  const [values, setValues] = useState({ slug: '', displayName: '', description: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [loadedFor, setLoadedFor] = useState<TenantDto | 'new' | null>(null);
  // Load the edited tenant's values when the dialog opens for it (state derived during render).
  if (tenant !== loadedFor) {
    setLoadedFor(tenant);
    setValues(tenant && tenant !== 'new' ? { slug: tenant.slug, displayName: tenant.displayName, description: tenant.description } : { slug: '', displayName: '', description: '' });
    setErrors({});
  }
  const mutation = useMutation({
    mutationFn: () =>
      isNew
        ? adminMutations.createTenant({ slug: values.slug, displayName: values.displayName, description: values.description })
        : adminMutations.updateTenant(values.slug, { displayName: values.displayName, description: values.description }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.all });
      close();
    },
  });
  const server = apiFieldErrors(mutation.error, TENANT_FIELDS);
  const shown = { ...server.fields, ...errors };

  function close() {
    mutation.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = isNew
      ? validateWith(CreateTenantRequestSchema, values, translate)
      : validateWith(UpdateTenantRequestSchema, { displayName: values.displayName, description: values.description }, translate);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    mutation.mutate();
  }

  const set = (key: keyof typeof values, value: string) => setValues((current) => ({ ...current, [key]: value }));

  return (
    <FormDialog
      open={tenant !== null}
      onClose={close}
      title={isNew ? t('createTitle') : t('editTitle')}
      description={t('description')}
      formId={formId}
      onSubmit={submit}
      pending={mutation.isPending}
      submitLabel={isNew ? t('submitCreate') : t('submitEdit')}
      pendingLabel={t('submitting')}
      formError={server.form}
    >
      <Field label={t('slug')} htmlFor={`${formId}-slug`} error={shown.slug} hint={t('slugHint')}>
        <Input id={`${formId}-slug`} className="font-mono" value={values.slug} disabled={!isNew} autoComplete="off" onChange={(e) => set('slug', e.target.value)} aria-invalid={shown.slug ? true : undefined} />
      </Field>
      <Field label={t('displayName')} htmlFor={`${formId}-displayName`} error={shown.displayName}>
        <Input id={`${formId}-displayName`} value={values.displayName} onChange={(e) => set('displayName', e.target.value)} aria-invalid={shown.displayName ? true : undefined} />
      </Field>
      <Field label={t('descriptionField')} htmlFor={`${formId}-description`} error={shown.description}>
        <textarea
          id={`${formId}-description`}
          rows={3}
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
          aria-invalid={shown.description ? true : undefined}
          className={cn(inputClasses, 'h-auto py-1.5')}
        />
      </Field>
    </FormDialog>
  );
}
