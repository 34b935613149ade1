'use client';
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Plus, ShieldCheck, Trash2 } from 'lucide-react';
import { QueryErrorPanel } from '@/components/fleet/query-states';
import { RelativeTime } from '@/components/fleet/relative-time';
import { apiFieldErrors, validateWith, type FieldErrors } from '@/components/tenancy/form-errors';
import { RoleBadge } from '@/components/tenancy/role-badge';
import { useIssueTranslator } from '@/components/tenancy/use-issue-translator';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { FormDialog } from '@/components/tenancy/form-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { adminKeys, adminMutations, roleBindingListQuery, tenantListQuery } from '@/lib/client/admin-api';
import { CreateRoleBindingRequestSchema, type AdminRoleBindingDto } from '@/lib/contracts/admin';
import { ROLES, type Role } from '@/lib/contracts/auth';
import { ConfirmDialog } from './confirm-dialog';
import { TableSkeleton } from './users-panel';

const TENANT_ROLES = new Set<Role>(['tenant-admin', 'tenant-viewer']);
const SCOPED_ROLES = new Set<Role>(['operator', 'auditor']);

function ScopeText({ scope }: { scope: AdminRoleBindingDto['scope'] }) {
  const t = useTranslations('admin.roleBindings');
  const parts = [
    scope.tenant ? t('scopeTenant', { tenant: scope.tenant }) : null,
    scope.hubs.length ? t('scopeHubs', { hubs: scope.hubs.join(', ') }) : null,
    scope.regions.length ? t('scopeRegions', { regions: scope.regions.join(', ') }) : null,
  ].filter(Boolean);
  return <span className={parts.length ? 'text-fg' : 'text-faint'}>{parts.length ? parts.join(' · ') : t('scopeAll')}</span>;
}

/** Role bindings: who holds which role where; add and delete. */
export function RoleBindingsPanel() {
  const t = useTranslations('admin.roleBindings');
  const common = useTranslations('admin.common');
  const roles = useTranslations('tenancy.roles');
  const [role, setRole] = useState<Role | ''>('');
  const query = useQuery(roleBindingListQuery(role ? { role } : {}));
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<AdminRoleBindingDto | null>(null);

  return (
    <>
      <Card>
        <CardHeader
          title={t('title')}
          actions={
            <>
              <Select aria-label={t('filterRole')} value={role} onChange={(e) => setRole(e.target.value as Role | '')} wrapperClassName="w-44">
                <option value="">{common('all')}</option>
                {ROLES.map((value) => (
                  <option key={value} value={value}>
                    {roles(value)}
                  </option>
                ))}
              </Select>
              <Button variant="primary" size="sm" onClick={() => setCreating(true)}>
                <Plus aria-hidden />
                {t('create')}
              </Button>
            </>
          }
        />
        {query.isPending ? (
          <TableSkeleton name="role-bindings-table" label={t('loading')} />
        ) : query.isError ? (
          <QueryErrorPanel error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <EmptyState icon={ShieldCheck} title={t('empty')} />
        ) : (
          <Table aria-label={t('table.label')} data-testid="role-bindings-table">
            <TableHead>
              <tr>
                <TableHeaderCell>{t('table.user')}</TableHeaderCell>
                <TableHeaderCell>{t('table.role')}</TableHeaderCell>
                <TableHeaderCell>{t('table.scope')}</TableHeaderCell>
                <TableHeaderCell>{common('created')}</TableHeaderCell>
                <TableHeaderCell className="text-right">
                  <span className="sr-only">{common('actions')}</span>
                </TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {query.data.items.map((binding) => (
                <TableRow key={binding.id} data-testid="role-binding-row" data-email={binding.userEmail} data-role={binding.role}>
                  <TableCell>
                    <div className="font-medium text-fg">{binding.userName}</div>
                    <div className="text-xs text-muted">{binding.userEmail}</div>
                  </TableCell>
                  <TableCell>
                    <RoleBadge role={binding.role} />
                  </TableCell>
                  <TableCell className="text-[13px]">
                    <ScopeText scope={binding.scope} />
                  </TableCell>
                  <TableCell className="text-muted">
                    <RelativeTime value={binding.createdAt} />
                  </TableCell>
                  <TableCell className="text-right">
                    <Button
                      size="sm"
                      variant="ghost"
                      className="hover:text-danger"
                      onClick={() => setDeleting(binding)}
                      aria-label={t('deleteLabel', { role: roles(binding.role), email: binding.userEmail })}
                    >
                      <Trash2 aria-hidden />
                      {common('delete')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <CreateRoleBindingDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={deleting !== null}
        title={t('deleteTitle')}
        description={t('deleteDescription', { email: deleting?.userEmail ?? '', role: deleting ? roles(deleting.role) : '' })}
        confirmLabel={common('delete')}
        pendingLabel={common('deleting')}
        run={() => adminMutations.deleteRoleBinding(deleting!.id)}
        onDone={() => queryClient.invalidateQueries({ queryKey: adminKeys.all })}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

const splitList = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

const BINDING_FIELDS = ['email', 'userId', 'role', 'scope.tenant', 'scope.hubs', 'scope.regions'] as const;

function CreateRoleBindingDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations('admin.roleBindings.form');
  const roles = useTranslations('tenancy.roles');
  const translate = useIssueTranslator();
  const queryClient = useQueryClient();
  const formId = useId();
  const [values, setValues] = useState({ email: '', role: 'tenant-viewer' as Role, tenant: '', hubs: '', regions: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const tenants = useQuery({ ...tenantListQuery(), enabled: open });
  const mutation = useMutation({
    mutationFn: adminMutations.createRoleBinding,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.all });
      close();
    },
  });
  const server = apiFieldErrors(mutation.error, BINDING_FIELDS);
  const shown = { ...server.fields, ...errors };
  // "userId or email is required" is reported on userId; the form only has the email field.
  const emailError = shown.email ?? shown.userId;

  function close() {
    setValues({ email: '', role: 'tenant-viewer', tenant: '', hubs: '', regions: '' });
    setErrors({});
    mutation.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      email: values.email.trim() || undefined,
      role: values.role,
      scope: { hubs: splitList(values.hubs), regions: splitList(values.regions), tenant: values.tenant || undefined },
    };
    const result = validateWith(CreateRoleBindingRequestSchema, input, translate);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    mutation.mutate(input);
  }

  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((current) => ({ ...current, [key]: value }));

  return (
    <FormDialog
      open={open}
      onClose={close}
      title={t('title')}
      description={t('description')}
      formId={formId}
      onSubmit={submit}
      pending={mutation.isPending}
      submitLabel={t('submit')}
      pendingLabel={t('submitting')}
      formError={server.form}
    >
      <Field label={t('email')} htmlFor={`${formId}-email`} error={emailError}>
        <Input id={`${formId}-email`} type="email" autoComplete="off" value={values.email} onChange={(e) => set('email', e.target.value)} aria-invalid={emailError ? true : undefined} />
      </Field>
      <Field label={t('role')} htmlFor={`${formId}-role`} error={shown.role}>
        <Select id={`${formId}-role`} value={values.role} onChange={(e) => set('role', e.target.value as Role)}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roles(role)}
            </option>
          ))}
        </Select>
      </Field>
      {TENANT_ROLES.has(values.role) ? (
        <Field label={t('tenant')} htmlFor={`${formId}-tenant`} error={shown['scope.tenant']}>
          <Select id={`${formId}-tenant`} value={values.tenant} onChange={(e) => set('tenant', e.target.value)} aria-invalid={shown['scope.tenant'] ? true : undefined}>
            <option value="">{t('chooseTenant')}</option>
            {tenants.data?.items.map((tenant) => (
              <option key={tenant.slug} value={tenant.slug}>
                {tenant.displayName} ({tenant.slug})
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {SCOPED_ROLES.has(values.role) ? (
        <div className="grid grid-cols-2 gap-3">
          <Field label={t('hubs')} htmlFor={`${formId}-hubs`} error={shown['scope.hubs']} hint={t('hubsHint')}>
            <Input id={`${formId}-hubs`} className="font-mono" value={values.hubs} placeholder="cn-east" onChange={(e) => set('hubs', e.target.value)} />
          </Field>
          <Field label={t('regions')} htmlFor={`${formId}-regions`} error={shown['scope.regions']} hint={t('regionsHint')}>
            <Input id={`${formId}-regions`} className="font-mono" value={values.regions} onChange={(e) => set('regions', e.target.value)} />
          </Field>
        </div>
      ) : null}
    </FormDialog>
  );
}
