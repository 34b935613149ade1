'use client';
import { useDeferredValue, useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { LoaderCircle, Plus, Trash2 } from 'lucide-react';
import { apiFieldErrors, validateWith, type FieldErrors } from '@/components/tenancy/form-errors';
import { FormAlert } from '@/components/tenancy/form-alert';
import { useIssueTranslator } from '@/components/tenancy/use-issue-translator';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { adminKeys, adminMutations, tenantPreviewQuery } from '@/lib/client/admin-api';
import { hubListQuery } from '@/lib/client/fleet-api';
import { AssignNamespaceRequestSchema, NamespacePatternSchema, type TenantDto } from '@/lib/contracts/tenancy';

/**
 * A tenant's namespace assignments: the current ones (removable) and a form to add one, with a live
 * preview of what the pattern matches on each hub right now — including namespaces another tenant
 * already owns, which the server would refuse (409).
 */
export function TenantNamespacesDialog({ tenant, onClose }: { tenant: TenantDto | null; onClose: () => void }) {
  const t = useTranslations('admin.tenants.namespaces');
  const common = useTranslations('common.actions');
  const translate = useIssueTranslator();
  const queryClient = useQueryClient();
  const formId = useId();
  const [hub, setHub] = useState('*');
  const [pattern, setPattern] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const hubs = useQuery({ ...hubListQuery(), enabled: tenant !== null });
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.all });

  const assign = useMutation({
    mutationFn: (input: { hub: string; pattern: string }) => adminMutations.assignNamespace(tenant!.slug, input),
    onSuccess: async () => {
      setPattern('');
      await refresh();
    },
  });
  const unassign = useMutation({ mutationFn: (id: string) => adminMutations.unassignNamespace(tenant!.slug, id), onSuccess: refresh });
  const server = apiFieldErrors(assign.error, ['hub', 'pattern']);
  const shown = { ...server.fields, ...errors };

  function close() {
    setHub('*');
    setPattern('');
    setErrors({});
    assign.reset();
    unassign.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateWith(AssignNamespaceRequestSchema, { hub, pattern }, translate);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    assign.mutate(result.data);
  }

  return (
    <Dialog
      open={tenant !== null}
      onClose={close}
      title={t('title', { name: tenant?.displayName ?? '' })}
      description={t('description')}
      closeLabel={common('close')}
      className="w-[min(52rem,calc(100vw-2rem))]"
      footer={
        <Button variant="secondary" onClick={close}>
          {common('done')}
        </Button>
      }
    >
      <div className="space-y-5" data-testid="tenant-namespaces-dialog">
        <section>
          <h3 className="mb-2 text-xs font-medium text-muted">{t('current')}</h3>
          {unassign.error ? <FormAlert message={unassign.error.message} /> : null}
          {tenant && tenant.namespaces.length > 0 ? (
            <ul className="flex flex-wrap gap-1.5" data-testid="tenant-assignments">
              {tenant.namespaces.map((assignment) => (
                <li key={assignment.id} className="inline-flex h-7 items-center gap-1.5 rounded-md border border-border bg-panel-raised pr-0.5 pl-2 font-mono text-xs" data-testid="tenant-assignment" data-pattern={assignment.pattern} data-hub={assignment.hub}>
                  <span className="text-faint">{assignment.hub === '*' ? '*' : assignment.hub}/</span>
                  <span className="text-fg">{assignment.pattern}</span>
                  <button
                    type="button"
                    onClick={() => unassign.mutate(assignment.id)}
                    disabled={unassign.isPending}
                    aria-label={t('unassignLabel', { pattern: assignment.pattern, hub: assignment.hub })}
                    className="rounded p-1 text-faint transition-colors hover:bg-danger-soft hover:text-danger"
                  >
                    <Trash2 aria-hidden className="size-3.5" />
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-[13px] text-faint">{t('none')}</p>
          )}
        </section>

        <form id={formId} onSubmit={submit} noValidate className="space-y-3">
          {server.form ? <FormAlert message={server.form} /> : null}
          <div className="grid grid-cols-[12rem_1fr_auto] items-start gap-3">
            <Field label={t('hub')} htmlFor={`${formId}-hub`} error={shown.hub}>
              <Select id={`${formId}-hub`} value={hub} onChange={(e) => setHub(e.target.value)}>
                <option value="*">{t('anyHub')}</option>
                {hubs.data?.items.map((item) => (
                  <option key={item.hub} value={item.hub}>
                    {item.hub}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('pattern')} htmlFor={`${formId}-pattern`} error={shown.pattern}>
              <Input
                id={`${formId}-pattern`}
                className="font-mono"
                placeholder={t('patternPlaceholder')}
                value={pattern}
                autoComplete="off"
                onChange={(e) => {
                  setPattern(e.target.value);
                  if (errors.pattern) setErrors({});
                }}
                aria-invalid={shown.pattern ? true : undefined}
              />
            </Field>
            <div className="pt-[22px]">
              <Button variant="primary" type="submit" disabled={assign.isPending}>
                <Plus aria-hidden />
                {assign.isPending ? t('assigning') : t('assign')}
              </Button>
            </div>
          </div>
        </form>

        <NamespacePreview hub={hub} pattern={pattern} tenant={tenant?.slug} />
      </div>
    </Dialog>
  );
}

function NamespacePreview({ hub, pattern, tenant }: { hub: string; pattern: string; tenant?: string }) {
  const t = useTranslations('admin.tenants.namespaces');
  // Deferred so typing stays responsive; only patterns the API would accept are sent.
  const deferred = useDeferredValue(pattern.trim());
  const valid = deferred !== '' && NamespacePatternSchema.safeParse(deferred).success;
  const query = useQuery({ ...tenantPreviewQuery(hub, deferred, tenant), enabled: valid, placeholderData: (previous) => previous });

  return (
    <section className="rounded-lg border border-border bg-panel-sunken" data-testid="namespace-preview" aria-live="polite">
      <div className="flex items-center justify-between gap-3 border-b border-border px-3 py-2">
        <h3 className="text-xs font-semibold text-fg">{t('preview')}</h3>
        {valid && query.data ? (
          <div className="flex items-center gap-2 text-xs">
            {query.isFetching ? <LoaderCircle aria-hidden className="size-3.5 animate-spin text-faint" /> : null}
            <span className="text-muted" data-testid="preview-total" data-total={query.data.total}>
              {t('previewSummary', { total: query.data.total })}
            </span>
            {query.data.conflicts > 0 ? <Badge tone="danger">{t('previewConflicts', { count: query.data.conflicts })}</Badge> : null}
          </div>
        ) : null}
      </div>
      <div className="max-h-72 overflow-y-auto px-3 py-2">
        {!valid ? (
          <p className="py-4 text-center text-[13px] text-faint">{t('previewHint')}</p>
        ) : query.isPending ? (
          <p className="flex items-center justify-center gap-2 py-4 text-[13px] text-faint">
            <LoaderCircle aria-hidden className="size-4 animate-spin" />
            {t('previewLoading')}
          </p>
        ) : query.isError ? (
          <FormAlert message={query.error.message} />
        ) : (
          <ul className="divide-y divide-border">
            {query.data.hubs.map((entry) => (
              <li key={entry.hub} className="grid grid-cols-[9rem_1fr] gap-3 py-2" data-testid="preview-hub" data-hub={entry.hub} data-count={entry.namespaces.length}>
                <div className="text-xs">
                  <div className={cn('font-medium', entry.namespaces.length ? 'text-fg' : 'text-faint')}>{entry.hub}</div>
                  {entry.status === 'unreachable' ? <div className="text-2xs text-warning">{t('hubUnreachable')}</div> : null}
                </div>
                {entry.namespaces.length === 0 ? (
                  <span className="text-xs text-faint">{t('previewNoMatch')}</span>
                ) : (
                  <div className="flex flex-wrap gap-1">
                    {entry.namespaces.map((ns) => (
                      <span
                        key={ns.name}
                        data-testid="preview-namespace"
                        data-conflict={ns.conflict}
                        title={ns.owner ? t('ownedBy', { tenant: ns.owner }) : ns.labelTenant ? t('labelHint', { tenant: ns.labelTenant }) : undefined}
                        className={cn(
                          'inline-flex h-6 items-center gap-1 rounded border px-1.5 font-mono text-xs',
                          ns.conflict ? 'border-danger/40 bg-danger-soft text-danger' : 'border-border bg-panel text-fg',
                        )}
                      >
                        {ns.name}
                        {ns.conflict && ns.owner ? <span className="font-sans text-2xs opacity-80">· {t('ownedBy', { tenant: ns.owner })}</span> : null}
                      </span>
                    ))}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
