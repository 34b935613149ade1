'use client';
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Link2, Trash2, UserPlus, Users } from 'lucide-react';
import { QueryErrorPanel } from '@/components/fleet/query-states';
import { RelativeTime } from '@/components/fleet/relative-time';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { invitationMutations } from '@/lib/client/invitations-api';
import { tenancyKeys, tenantMemberMutations, tenantMembersQuery } from '@/lib/client/tenancy-api';
import { AddTenantMemberRequestSchema, TENANT_ROLES, type TenantMemberDto, type TenantRole } from '@/lib/contracts/tenancy';
import { canManageMembers } from './access';
import { useAccess } from './access-provider';
import { FormAlert } from './form-alert';
import { InvitationLinkDialog, type InvitationLinkTarget } from './invitation-link-dialog';
import { apiFieldErrors, validateWith, type FieldErrors } from './form-errors';
import { RoleBadge } from './role-badge';
import { useIssueTranslator } from './use-issue-translator';

const statusTone = { active: 'success', invited: 'warning', disabled: 'neutral' } as const;

/** A tenant's members. Tenant admins (and platform admins) add, re-role and remove; viewers read. */
export function TenantMembers({ slug, tenantName }: { slug: string; tenantName: string }) {
  const t = useTranslations('tenancy.members');
  const roles = useTranslations('tenancy.roles');
  const access = useAccess();
  const manage = canManageMembers(access, slug);
  const query = useQuery(tenantMembersQuery(slug));
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TenantMemberDto | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: tenancyKeys.all });
  const update = useMutation({ mutationFn: (input: { userId: string; role: TenantRole }) => tenantMemberMutations.update(slug, input), onSuccess: refresh });
  const [link, setLink] = useState<InvitationLinkTarget | null>(null);
  const newLink = useMutation({
    mutationFn: (member: TenantMemberDto) => invitationMutations.forMember(slug, member.userId),
    onSuccess: (created, member) => setLink({ email: member.email, link: created }),
  });

  return (
    <>
      <Card data-testid="tenant-members">
        <CardHeader
          title={t('title')}
          description={manage ? t('description') : `${t('description')} ${t('readOnly')}`}
          actions={
            manage ? (
              <Button variant="primary" size="sm" onClick={() => setAdding(true)} data-testid="add-member">
                <UserPlus aria-hidden />
                {t('add')}
              </Button>
            ) : null
          }
        />
        {update.error ? <div className="px-4 pt-3"><FormAlert message={update.error.message} /></div> : null}
        {newLink.error ? <div className="px-4 pt-3"><FormAlert message={newLink.error.message} /></div> : null}
        {query.isPending ? (
          <SkeletonRegion name="tenant-members" label={t('loading')} className="divide-y divide-border">
            {Array.from({ length: 3 }, (_, i) => (
              <div key={i} className="flex items-center gap-6 px-3 py-2.5">
                <Skeleton className="h-4 w-48" />
                <Skeleton className="h-4 w-24" />
                <Skeleton className="ml-auto h-6 w-20" />
              </div>
            ))}
          </SkeletonRegion>
        ) : query.isError ? (
          <QueryErrorPanel error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <EmptyState icon={Users} title={t('empty')} />
        ) : (
          <Table aria-label={t('table.label')} data-testid="members-table">
            <TableHead>
              <tr>
                <TableHeaderCell>{t('table.member')}</TableHeaderCell>
                <TableHeaderCell>{t('table.role')}</TableHeaderCell>
                <TableHeaderCell>{t('table.status')}</TableHeaderCell>
                <TableHeaderCell>{t('table.since')}</TableHeaderCell>
                {manage ? (
                  <TableHeaderCell className="text-right">
                    <span className="sr-only">{t('table.actions')}</span>
                  </TableHeaderCell>
                ) : null}
              </tr>
            </TableHead>
            <TableBody>
              {query.data.items.map((member) => (
                <TableRow key={member.userId} data-testid="member-row" data-email={member.email} data-role={member.role}>
                  <TableCell>
                    <div className="font-medium text-fg">{member.name}</div>
                    <div className="text-xs text-muted">{member.email}</div>
                  </TableCell>
                  <TableCell>
                    {manage ? (
                      <Select
                        aria-label={t('changeRole', { name: member.name })}
                        value={member.role}
                        disabled={update.isPending}
                        wrapperClassName="w-44"
                        className="h-7 text-xs"
                        onChange={(e) => update.mutate({ userId: member.userId, role: e.target.value as TenantRole })}
                      >
                        {TENANT_ROLES.map((role) => (
                          <option key={role} value={role}>
                            {roles(role)}
                          </option>
                        ))}
                      </Select>
                    ) : (
                      <RoleBadge role={member.role} />
                    )}
                  </TableCell>
                  <TableCell>
                    <Badge tone={statusTone[member.status]}>{t(`status.${member.status}`)}</Badge>
                  </TableCell>
                  <TableCell className="text-muted">
                    <RelativeTime value={member.since} />
                  </TableCell>
                  {manage ? (
                    <TableCell className="text-right">
                      <div className="flex justify-end gap-1">
                        {member.status === 'invited' ? (
                          <Button
                            size="sm"
                            variant="ghost"
                            disabled={newLink.isPending}
                            onClick={() => newLink.mutate(member)}
                            aria-label={t('newLinkLabel', { name: member.email })}
                            data-testid="new-invitation-link"
                          >
                            <Link2 aria-hidden />
                            {t('newLink')}
                          </Button>
                        ) : null}
                        <Button size="sm" variant="ghost" className="hover:text-danger" onClick={() => setRemoving(member)} aria-label={t('removeLabel', { name: member.email })}>
                          <Trash2 aria-hidden />
                          {t('remove')}
                        </Button>
                      </div>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      {manage ? (
        <>
          <AddMemberDialog slug={slug} open={adding} onClose={() => setAdding(false)} onInvited={setLink} />
          <InvitationLinkDialog target={link} onClose={() => setLink(null)} />
          <RemoveMemberDialog slug={slug} tenantName={tenantName} member={removing} onClose={() => setRemoving(null)} />
        </>
      ) : null}
    </>
  );
}

const MEMBER_FIELDS = ['email', 'role', 'name'] as const;

function AddMemberDialog({ slug, open, onClose, onInvited }: { slug: string; open: boolean; onClose: () => void; onInvited: (target: InvitationLinkTarget) => void }) {
  const t = useTranslations('tenancy.members.dialog');
  const roles = useTranslations('tenancy.roles');
  const common = useTranslations('common.actions');
  const translate = useIssueTranslator();
  const queryClient = useQueryClient();
  const formId = useId();
  const [values, setValues] = useState({ email: '', role: 'tenant-viewer' as TenantRole, name: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [invited, setInvited] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (input: { email: string; role: TenantRole; name?: string }) => tenantMemberMutations.add(slug, input),
    onSuccess: async (response) => {
      await queryClient.invalidateQueries({ queryKey: tenancyKeys.all });
      // An invitation comes with its link: show it (the add dialog closes); without one, say so here.
      if (response.invitation) {
        onInvited({ email: response.item.email, link: response.invitation });
        close();
      } else if (response.invited) setInvited(response.item.email);
      else close();
    },
  });
  const server = apiFieldErrors(mutation.error, MEMBER_FIELDS);
  const shown = { ...server.fields, ...errors };

  function close() {
    setValues({ email: '', role: 'tenant-viewer', name: '' });
    setErrors({});
    setInvited(null);
    mutation.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { email: values.email, role: values.role, name: values.name.trim() || undefined };
    const result = validateWith(AddTenantMemberRequestSchema, input, translate);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    mutation.mutate(input);
  }

  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((current) => ({ ...current, [key]: value }));

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('title')}
      description={t('description')}
      closeLabel={common('close')}
      footer={
        invited ? (
          <Button onClick={close}>{common('done')}</Button>
        ) : (
          <>
            <Button variant="ghost" onClick={close}>
              {common('cancel')}
            </Button>
            <Button variant="primary" type="submit" form={formId} disabled={mutation.isPending}>
              {mutation.isPending ? t('submitting') : t('submit')}
            </Button>
          </>
        )
      }
    >
      {invited ? (
        <p role="status" className="rounded-md border border-warning/30 bg-warning-soft px-3 py-2 text-[13px] text-warning">
          {t('invited', { email: invited })}
        </p>
      ) : (
        <form id={formId} onSubmit={submit} noValidate className="space-y-4">
          {server.form ? <FormAlert message={server.form} /> : null}
          <Field label={t('email')} htmlFor={`${formId}-email`} error={shown.email}>
            <Input id={`${formId}-email`} type="email" autoComplete="off" autoFocus placeholder={t('emailPlaceholder')} value={values.email} onChange={(e) => set('email', e.target.value)} aria-invalid={shown.email ? true : undefined} />
          </Field>
          <Field label={t('role')} htmlFor={`${formId}-role`} error={shown.role}>
            <Select id={`${formId}-role`} value={values.role} onChange={(e) => set('role', e.target.value as TenantRole)}>
              {TENANT_ROLES.map((role) => (
                <option key={role} value={role}>
                  {roles(role)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('name')} htmlFor={`${formId}-name`} error={shown.name} hint={t('nameHint')}>
            <Input id={`${formId}-name`} value={values.name} onChange={(e) => set('name', e.target.value)} aria-invalid={shown.name ? true : undefined} />
          </Field>
        </form>
      )}
    </Dialog>
  );
}

function RemoveMemberDialog({ slug, tenantName, member, onClose }: { slug: string; tenantName: string; member: TenantMemberDto | null; onClose: () => void }) {
  const t = useTranslations('tenancy.members');
  const common = useTranslations('common.actions');
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (userId: string) => tenantMemberMutations.remove(slug, userId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: tenancyKeys.all });
      close();
    },
  });
  function close() {
    mutation.reset();
    onClose();
  }
  return (
    <Dialog
      open={member !== null}
      onClose={close}
      title={t('removeTitle')}
      description={t('removeDescription', { name: member?.email ?? '', tenant: tenantName })}
      closeLabel={common('close')}
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            {common('cancel')}
          </Button>
          <Button variant="danger" disabled={mutation.isPending} onClick={() => member && mutation.mutate(member.userId)}>
            {mutation.isPending ? t('removing') : t('removeConfirm')}
          </Button>
        </>
      }
    >
      {mutation.error ? <FormAlert message={mutation.error.message} /> : null}
    </Dialog>
  );
}
