'use client';
import { useDeferredValue, useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { KeyRound, Link2, Plus, Search, UserCheck, UserX, Users } from 'lucide-react';
import { QueryErrorPanel } from '@/components/fleet/query-states';
import { RelativeTime } from '@/components/fleet/relative-time';
import { apiFieldErrors, validateWith, type FieldErrors } from '@/components/tenancy/form-errors';
import { FormAlert } from '@/components/tenancy/form-alert';
import { InvitationLinkDialog, type InvitationLinkTarget } from '@/components/tenancy/invitation-link-dialog';
import { RoleBadge } from '@/components/tenancy/role-badge';
import { useIssueTranslator } from '@/components/tenancy/use-issue-translator';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { FormDialog } from '@/components/tenancy/form-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { adminKeys, adminMutations, tenantListQuery, userListQuery } from '@/lib/client/admin-api';
import { invitationMutations } from '@/lib/client/invitations-api';
import { CreateUserRequestSchema, ResetPasswordRequestSchema, type AdminUserDto } from '@/lib/contracts/admin';
import { PASSWORD_MIN_LENGTH, ROLES, type Role } from '@/lib/contracts/auth';
import { ConfirmDialog } from './confirm-dialog';

export function TableSkeleton({ name, label, rows = 5 }: { name: string; label: string; rows?: number }) {
  return (
    <SkeletonRegion name={name} label={label} className="divide-y divide-border">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-6 px-3 py-2.5">
          <Skeleton className="h-4 w-48" />
          <Skeleton className="h-4 w-28" />
          <Skeleton className="h-4 w-20" />
          <Skeleton className="ml-auto h-6 w-24" />
        </div>
      ))}
    </SkeletonRegion>
  );
}

function userStatus(user: AdminUserDto): 'disabled' | 'locked' | 'invited' | 'active' {
  if (user.disabled) return 'disabled';
  if (user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now()) return 'locked';
  if (!user.hasPassword) return 'invited';
  return 'active';
}

const statusTone = { active: 'success', disabled: 'neutral', locked: 'danger', invited: 'warning' } as const;

/** Users: search, create, disable/enable, reset password. */
export function UsersPanel() {
  const t = useTranslations('admin.users');
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const query = useQuery(userListQuery(deferred));
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<AdminUserDto | null>(null);
  const [disabling, setDisabling] = useState<AdminUserDto | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.all });
  const enable = useMutation({ mutationFn: (id: string) => adminMutations.updateUser(id, { disabled: false }), onSuccess: refresh });
  const [link, setLink] = useState<InvitationLinkTarget | null>(null);
  const invite = useMutation({ mutationFn: (user: AdminUserDto) => invitationMutations.forUser(user.id), onSuccess: (created, user) => setLink({ email: user.email, link: created }) });

  return (
    <>
      <Card>
        <CardHeader
          title={t('title')}
          actions={
            <>
              <div className="relative w-64">
                <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-faint" />
                <Input aria-label={t('search')} placeholder={t('searchPlaceholder')} value={search} onChange={(event) => setSearch(event.target.value)} className="pl-8" type="search" />
              </div>
              <Button variant="primary" size="sm" onClick={() => setCreating(true)}>
                <Plus aria-hidden />
                {t('create')}
              </Button>
            </>
          }
        />
        {enable.error ? <div className="px-4 pt-3"><FormAlert message={enable.error.message} /></div> : null}
        {invite.error ? <div className="px-4 pt-3"><FormAlert message={invite.error.message} /></div> : null}
        {query.isPending ? (
          <TableSkeleton name="users-table" label={t('loading')} />
        ) : query.isError ? (
          <QueryErrorPanel error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <EmptyState icon={Users} title={t('empty')} />
        ) : (
          <UsersTable users={query.data.items} onReset={setResetting} onDisable={setDisabling} onEnable={(user) => enable.mutate(user.id)} enabling={enable.isPending ? enable.variables : undefined} onInvite={(user) => invite.mutate(user)} inviting={invite.isPending} />
        )}
      </Card>
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
      <InvitationLinkDialog target={link} onClose={() => setLink(null)} />
      <ConfirmDialog
        open={disabling !== null}
        title={t('disableTitle')}
        description={t('disableDescription', { email: disabling?.email ?? '' })}
        confirmLabel={t('disable')}
        pendingLabel={t('disable')}
        run={() => adminMutations.updateUser(disabling!.id, { disabled: true })}
        onDone={refresh}
        onClose={() => setDisabling(null)}
      />
    </>
  );
}

function UsersTable({
  users,
  onReset,
  onDisable,
  onEnable,
  enabling,
  onInvite,
  inviting,
}: {
  users: AdminUserDto[];
  onReset: (user: AdminUserDto) => void;
  onDisable: (user: AdminUserDto) => void;
  onEnable: (user: AdminUserDto) => void;
  enabling?: string;
  /** A one-time invitation link for a user without a password. */
  onInvite: (user: AdminUserDto) => void;
  inviting: boolean;
}) {
  const t = useTranslations('admin.users');
  const common = useTranslations('admin.common');
  const never = useTranslations('common.time');
  return (
    <Table aria-label={t('table.label')} data-testid="users-table">
      <TableHead>
        <tr>
          <TableHeaderCell>{t('table.user')}</TableHeaderCell>
          <TableHeaderCell>{t('table.roles')}</TableHeaderCell>
          <TableHeaderCell>{t('table.status')}</TableHeaderCell>
          <TableHeaderCell>{t('table.lastSignIn')}</TableHeaderCell>
          <TableHeaderCell>{common('created')}</TableHeaderCell>
          <TableHeaderCell className="text-right">
            <span className="sr-only">{common('actions')}</span>
          </TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {users.map((user) => {
          const status = userStatus(user);
          return (
            <TableRow key={user.id} data-testid="user-row" data-email={user.email}>
              <TableCell>
                <div className="font-medium text-fg">{user.name}</div>
                <div className="text-xs text-muted">{user.email}</div>
              </TableCell>
              <TableCell className="whitespace-normal">
                <div className="flex flex-wrap gap-1">
                  {user.bindings.length === 0 ? <span className="text-xs text-faint">{t('noRoles')}</span> : null}
                  {user.bindings.map((binding) => (
                    <RoleBadge key={binding.id} role={binding.role} scope={binding.scope.tenant ?? ([...binding.scope.hubs, ...binding.scope.regions].join(', ') || null)} />
                  ))}
                </div>
              </TableCell>
              <TableCell>
                <Badge tone={statusTone[status]} data-testid="user-status" data-status={status}>
                  {t(`status.${status}`)}
                </Badge>
              </TableCell>
              <TableCell className="text-muted">
                {user.lastSignInAt ? <RelativeTime value={user.lastSignInAt} /> : never('never')}
              </TableCell>
              <TableCell className="text-muted">
                <RelativeTime value={user.createdAt} />
              </TableCell>
              <TableCell className="text-right">
                <div className="flex justify-end gap-1">
                  {!user.hasPassword && !user.disabled ? (
                    <Button size="sm" variant="ghost" onClick={() => onInvite(user)} disabled={inviting} aria-label={t('invitationLinkLabel', { email: user.email })}>
                      <Link2 aria-hidden />
                      {t('invitationLink')}
                    </Button>
                  ) : null}
                  <Button size="sm" variant="ghost" onClick={() => onReset(user)} aria-label={t('resetPasswordLabel', { email: user.email })}>
                    <KeyRound aria-hidden />
                    {t('resetPassword')}
                  </Button>
                  {user.disabled ? (
                    <Button size="sm" variant="ghost" onClick={() => onEnable(user)} disabled={enabling === user.id} aria-label={t('enableLabel', { email: user.email })}>
                      <UserCheck aria-hidden />
                      {t('enable')}
                    </Button>
                  ) : (
                    <Button size="sm" variant="ghost" className="hover:text-danger" onClick={() => onDisable(user)} aria-label={t('disableLabel', { email: user.email })}>
                      <UserX aria-hidden />
                      {t('disable')}
                    </Button>
                  )}
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

const TENANT_ROLES = new Set<Role>(['tenant-admin', 'tenant-viewer']);
const CREATE_FIELDS = ['email', 'name', 'password', 'locale', 'bindings'] as const;

function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations('admin.users.form');
  const roles = useTranslations('tenancy.roles');
  const language = useTranslations('shell.language');
  const translate = useIssueTranslator();
  const queryClient = useQueryClient();
  const formId = useId();
  const [values, setValues] = useState({ email: '', name: '', password: '', locale: 'en' as 'en' | 'zh-CN', role: '' as Role | '', tenant: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const tenants = useQuery({ ...tenantListQuery(), enabled: open && TENANT_ROLES.has(values.role as Role) });
  const mutation = useMutation({
    mutationFn: adminMutations.createUser,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.all });
      close();
    },
  });
  const server = apiFieldErrors(mutation.error, CREATE_FIELDS);
  const shown = { ...server.fields, ...errors };
  const bindingError = shown.bindings ?? Object.entries(shown).find(([key]) => key.startsWith('bindings.'))?.[1];

  function close() {
    setValues({ email: '', name: '', password: '', locale: 'en', role: '', tenant: '' });
    setErrors({});
    mutation.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      email: values.email,
      name: values.name,
      password: values.password,
      locale: values.locale,
      bindings: values.role ? [{ role: values.role, scope: TENANT_ROLES.has(values.role) ? { tenant: values.tenant || undefined } : {} }] : [],
    };
    const result = validateWith(CreateUserRequestSchema, input, translate);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    mutation.mutate(input);
  }

  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((current) => ({ ...current, [key]: value }));
  const invalid = (field: string) => (shown[field] ? true : undefined);

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
      <Field label={t('email')} htmlFor={`${formId}-email`} error={shown.email}>
        <Input id={`${formId}-email`} type="email" autoComplete="off" value={values.email} onChange={(e) => set('email', e.target.value)} aria-invalid={invalid('email')} />
      </Field>
      <Field label={t('name')} htmlFor={`${formId}-name`} error={shown.name}>
        <Input id={`${formId}-name`} value={values.name} onChange={(e) => set('name', e.target.value)} aria-invalid={invalid('name')} />
      </Field>
      <Field label={t('password')} htmlFor={`${formId}-password`} error={shown.password} hint={t('passwordHint', { min: PASSWORD_MIN_LENGTH })}>
        <Input id={`${formId}-password`} type="password" autoComplete="new-password" value={values.password} onChange={(e) => set('password', e.target.value)} aria-invalid={invalid('password')} />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label={t('locale')} htmlFor={`${formId}-locale`} error={shown.locale}>
          <Select id={`${formId}-locale`} value={values.locale} onChange={(e) => set('locale', e.target.value === 'zh-CN' ? 'zh-CN' : 'en')}>
            <option value="en">{language('en')}</option>
            <option value="zh-CN">{language('zh-CN')}</option>
          </Select>
        </Field>
        <Field label={t('role')} htmlFor={`${formId}-role`} error={TENANT_ROLES.has(values.role as Role) ? undefined : bindingError}>
          <Select id={`${formId}-role`} value={values.role} onChange={(e) => set('role', e.target.value as Role | '')}>
            <option value="">{t('noRole')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roles(role)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {TENANT_ROLES.has(values.role as Role) ? (
        <Field label={t('tenant')} htmlFor={`${formId}-tenant`} error={bindingError}>
          <Select id={`${formId}-tenant`} value={values.tenant} onChange={(e) => set('tenant', e.target.value)} aria-invalid={bindingError ? true : undefined}>
            <option value="">—</option>
            {tenants.data?.items.map((tenant) => (
              <option key={tenant.slug} value={tenant.slug}>
                {tenant.displayName} ({tenant.slug})
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
    </FormDialog>
  );
}

function ResetPasswordDialog({ user, onClose }: { user: AdminUserDto | null; onClose: () => void }) {
  const t = useTranslations('admin.users.reset');
  const hint = useTranslations('admin.users.form');
  const translate = useIssueTranslator();
  const queryClient = useQueryClient();
  const formId = useId();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: (input: { id: string; password: string }) => adminMutations.resetPassword(input.id, { password: input.password }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.all });
      close();
    },
  });
  const server = apiFieldErrors(mutation.error, ['password']);
  const error = errors.password ?? server.fields.password;

  function close() {
    setPassword('');
    setErrors({});
    mutation.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!user) return;
    const result = validateWith(ResetPasswordRequestSchema, { password }, translate);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    mutation.mutate({ id: user.id, password });
  }

  return (
    <FormDialog
      open={user !== null}
      onClose={close}
      title={t('title')}
      description={t('description', { email: user?.email ?? '' })}
      formId={formId}
      onSubmit={submit}
      pending={mutation.isPending}
      submitLabel={t('submit')}
      pendingLabel={t('submitting')}
      formError={server.form}
    >
      <Field label={t('password')} htmlFor={`${formId}-password`} error={error} hint={hint('passwordHint', { min: PASSWORD_MIN_LENGTH })}>
        <Input id={`${formId}-password`} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={error ? true : undefined} />
      </Field>
    </FormDialog>
  );
}
