'use client';
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ChevronRight, PlugZap } from 'lucide-react';
import { apiFieldErrors, validateWith, type FieldErrors } from '@/components/tenancy/form-errors';
import { FormAlert } from '@/components/tenancy/form-alert';
import { useIssueTranslator } from '@/components/tenancy/use-issue-translator';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/input';
import { ApiClientError } from '@/lib/client/api';
import { fleetKeys } from '@/lib/client/fleet-api';
import { hubAdminKeys, hubAdminMutations } from '@/lib/client/hub-admin-api';
import {
  CreateHubRequestSchema,
  TestHubRequestSchema,
  TestStoredHubRequestSchema,
  UpdateHubRequestSchema,
  type AdminHubDto,
  type HubTestResult,
} from '@/lib/contracts/hub-admin';
import { PemField, SecretInput } from './hub-form-fields';
import { CONNECTION_KEYS, FIELDS, changedConnection, createBody, initialValues, testBody, updateBody, type Values } from './hub-form-values';
import { HubTestResultPanel } from './hub-test-result';

/**
 * Register a hub, or edit a registered one. Mount it only while open: its state — including any
 * token or private key typed in — is discarded when the dialog closes (mutations use gcTime 0 so the
 * query cache keeps no closure over them either).
 */
export function HubFormDialog({ hub, onClose }: { hub: AdminHubDto | null; onClose: () => void }) {
  const t = useTranslations('admin.hubs.form');
  const common = useTranslations('common.actions');
  const translate = useIssueTranslator();
  const queryClient = useQueryClient();
  const formId = useId();
  const isNew = hub === null;
  const [values, setValues] = useState<Values>(() => initialValues(hub));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [testResult, setTestResult] = useState<HubTestResult | null>(null);
  /** The server's own test refused the save (422 connection_failed): its message, and "anyway" is offered. */
  const [refused, setRefused] = useState<string | null>(null);
  const [advancedOpen, setAdvancedOpen] = useState(Boolean(hub?.tlsServerName));

  const test = useMutation({
    gcTime: 0,
    mutationFn: async (): Promise<HubTestResult> => {
      if (isNew) return hubAdminMutations.test(buildTestBody());
      return hubAdminMutations.testStored(hub.name, changedConnection(hub, values));
    },
    onSuccess: (result) => setTestResult(result),
  });

  const save = useMutation({
    gcTime: 0,
    mutationFn: (skipConnectionTest: boolean) =>
      isNew
        ? hubAdminMutations.create({ ...buildCreateBody(), skipConnectionTest })
        : hubAdminMutations.update(hub.name, { ...buildUpdateBody(), skipConnectionTest }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: hubAdminKeys.all }),
        queryClient.invalidateQueries({ queryKey: fleetKeys.all }),
      ]);
      close();
    },
    onError: (error) => {
      if (error instanceof ApiClientError && error.code === 'connection_failed') setRefused(error.message);
    },
  });

  const testFailed = (testResult !== null && !testResult.ok) || refused !== null;
  const saveError = save.error instanceof ApiClientError && save.error.code === 'connection_failed' ? null : save.error;
  const server = apiFieldErrors(saveError ?? test.error, FIELDS);
  const shown: FieldErrors = { ...server.fields, ...errors };
  const busy = test.isPending || save.isPending;

  function close() {
    // Drop everything typed (secrets included) before the parent unmounts us.
    setValues(initialValues(null));
    test.reset();
    save.reset();
    onClose();
  }

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((current) => ({ ...current, [key]: value }));
    if (CONNECTION_KEYS.includes(key)) {
      // The last test (and a refusal) described another connection.
      setTestResult(null);
      setRefused(null);
    }
  }

  const buildTestBody = () => testBody(values);
  const buildCreateBody = () => createBody(values);
  const buildUpdateBody = () => updateBody(hub!, values);

  /** Validates with the contract's schema; field errors land next to each input. */
  function validate(schema: Parameters<typeof validateWith>[0], body: unknown): boolean {
    const result = validateWith(schema, body, translate);
    setErrors(result.ok ? {} : result.errors);
    setFormError(result.ok ? null : (result.errors[''] ?? null));
    if (!result.ok && result.errors.tlsServerName) setAdvancedOpen(true);
    return result.ok;
  }

  function runTest() {
    save.reset();
    setRefused(null);
    const ok = isNew ? validate(TestHubRequestSchema, buildTestBody()) : validate(TestStoredHubRequestSchema, changedConnection(hub, values));
    if (ok) test.mutate();
  }

  function submit(event: FormEvent | null, anyway = false) {
    event?.preventDefault();
    test.reset();
    if (isNew) {
      if (!validate(CreateHubRequestSchema, buildCreateBody())) return;
    } else {
      const body = buildUpdateBody();
      if (Object.keys(body).length === 0) {
        setErrors({});
        setFormError(t('noChanges'));
        return;
      }
      if (!validate(UpdateHubRequestSchema, body)) return;
    }
    setRefused(null);
    save.mutate(anyway);
  }

  const fieldId = (name: string) => `${formId}-${name}`;
  const storedHint = hub
    ? hub.credentialKind === 'token'
      ? t('storedToken')
      : hub.credentialKind === 'client-certificate'
        ? t('storedCert')
        : t('storedOther', { kind: hub.credentialKind })
    : undefined;
  const topError = refused ?? formError ?? server.form;

  return (
    <Dialog
      open
      onClose={close}
      title={isNew ? t('createTitle') : t('editTitle', { name: hub.name })}
      description={isNew ? t('createDescription') : t('editDescription')}
      closeLabel={common('close')}
      className="w-[min(40rem,calc(100vw-2rem))]"
      footer={
        <>
          <Button variant="ghost" onClick={close} className="mr-auto">
            {common('cancel')}
          </Button>
          <Button variant="secondary" onClick={runTest} disabled={busy} data-testid="hub-test">
            <PlugZap aria-hidden />
            {test.isPending ? t('testing') : t('test')}
          </Button>
          {testFailed ? (
            <Button variant="danger" onClick={() => submit(null, true)} disabled={busy} data-testid="hub-save-anyway">
              {isNew ? t('registerAnyway') : t('saveAnyway')}
            </Button>
          ) : null}
          <Button variant="primary" type="submit" form={formId} disabled={busy}>
            {save.isPending ? t('submitting') : isNew ? t('submitCreate') : t('submitEdit')}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={(event) => submit(event)} noValidate className="space-y-4" data-testid="hub-form" autoComplete="off">
        {topError ? <FormAlert message={topError} /> : null}

        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t('name')} htmlFor={fieldId('name')} error={shown.name} hint={isNew ? t('nameHint') : undefined}>
            <Input
              id={fieldId('name')}
              className="font-mono"
              value={values.name}
              disabled={!isNew}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => set('name', event.target.value)}
              aria-invalid={shown.name ? true : undefined}
            />
          </Field>
          <Field label={t('displayName')} htmlFor={fieldId('displayName')} error={shown.displayName} hint={t('displayNameHint')}>
            <Input id={fieldId('displayName')} value={values.displayName} onChange={(event) => set('displayName', event.target.value)} aria-invalid={shown.displayName ? true : undefined} />
          </Field>
          <Field label={t('server')} htmlFor={fieldId('server')} error={shown.server} hint={t('serverHint')}>
            <Input
              id={fieldId('server')}
              className="font-mono"
              type="url"
              inputMode="url"
              placeholder="https://10.0.0.1:6443"
              spellCheck={false}
              value={values.server}
              onChange={(event) => set('server', event.target.value)}
              aria-invalid={shown.server ? true : undefined}
            />
          </Field>
          <Field label={t('region')} htmlFor={fieldId('region')} error={shown.region} hint={t('regionHint')}>
            <Input id={fieldId('region')} className="font-mono" spellCheck={false} value={values.region} onChange={(event) => set('region', event.target.value)} aria-invalid={shown.region ? true : undefined} />
          </Field>
        </div>

        <div>
          <PemField
            id={fieldId('ca')}
            label={t('ca')}
            error={shown.ca}
            value={values.ca}
            onChange={(value) => set('ca', value)}
            hint={
              isNew
                ? t('caHint')
                : hub.ca
                  ? t('caKeep', { subject: hub.ca.subject, sha256: hub.ca.sha256.slice(0, 16) })
                  : t('caKeepSystem')
            }
          />
          {!isNew && hub.ca ? (
            <label className="mt-1 flex items-center gap-2 text-xs text-muted">
              <input type="checkbox" checked={values.caClear} onChange={(event) => set('caClear', event.target.checked)} className="accent-accent" />
              {t('caClear')}
            </label>
          ) : null}
        </div>

        <details open={advancedOpen} onToggle={(event) => setAdvancedOpen(event.currentTarget.open)} className="group rounded-md border border-border">
          <summary className="flex cursor-pointer list-none items-center gap-1.5 px-3 py-2 text-xs font-medium text-muted hover:text-fg">
            <ChevronRight aria-hidden className="size-3.5 transition-transform group-open:rotate-90" />
            {t('advanced')}
          </summary>
          <div className="border-t border-border px-3 py-3">
            <Field label={t('tlsServerName')} htmlFor={fieldId('tlsServerName')} error={shown.tlsServerName} hint={t('tlsServerNameHint')}>
              <Input
                id={fieldId('tlsServerName')}
                className="font-mono"
                spellCheck={false}
                placeholder="kubernetes.default.svc"
                value={values.tlsServerName}
                onChange={(event) => set('tlsServerName', event.target.value)}
                aria-invalid={shown.tlsServerName ? true : undefined}
              />
            </Field>
          </div>
        </details>

        <fieldset className="space-y-3">
          <legend className="mb-1.5 text-xs font-medium text-muted">{t('auth')}</legend>
          <div className="flex flex-wrap gap-4 text-[13px]" role="radiogroup" aria-label={t('auth')}>
            {(['token', 'client-certificate'] as const).map((kind) => (
              <label key={kind} className="flex cursor-pointer items-center gap-2 text-fg">
                <input
                  type="radio"
                  name={fieldId('authKind')}
                  value={kind}
                  checked={values.authKind === kind}
                  onChange={() => set('authKind', kind)}
                  className="accent-accent"
                />
                {kind === 'token' ? t('authToken') : t('authCert')}
              </label>
            ))}
          </div>
          {storedHint ? (
            <p className="text-xs text-faint" data-testid="hub-stored-credential">
              {storedHint}
            </p>
          ) : null}
          {values.authKind === 'token' ? (
            <Field label={t('token')} htmlFor={fieldId('token')} error={shown['credentials.token'] ?? shown.credentials}>
              <SecretInput id={fieldId('token')} value={values.token} onChange={(value) => set('token', value)} invalid={Boolean(shown['credentials.token'] ?? shown.credentials)} />
            </Field>
          ) : (
            <div className="grid gap-4 sm:grid-cols-2">
              <PemField
                id={fieldId('certificate')}
                label={t('certificate')}
                error={shown['credentials.certificate'] ?? shown.credentials}
                value={values.certificate}
                onChange={(value) => set('certificate', value)}
              />
              <PemField
                id={fieldId('key')}
                label={t('key')}
                hint={t('keyHint')}
                accept=".key,.pem"
                placeholder="-----BEGIN PRIVATE KEY-----"
                error={shown['credentials.key']}
                value={values.key}
                onChange={(value) => set('key', value)}
              />
            </div>
          )}
        </fieldset>

        {testResult ? <HubTestResultPanel result={testResult} /> : null}
        {testFailed ? <p className="text-xs text-muted">{t('anywayHint')}</p> : null}
      </form>
    </Dialog>
  );
}
