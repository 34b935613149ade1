'use client';

import { useId, useState, type FormEvent } from 'react';
import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { ArrowRight } from 'lucide-react';
import { FormAlert } from '@/components/tenancy/form-alert';
import { Button, buttonClasses } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import { ApiClientError } from '@/lib/client/api';
import { invitationMutations } from '@/lib/client/invitations-api';
import { PASSWORD_MIN_LENGTH } from '@/lib/contracts/auth';
import { InviteFormSchema } from '@/lib/contracts/invitations';

type Fields = 'name' | 'password' | 'confirm';
const FIELDS: readonly Fields[] = ['name', 'password', 'confirm'];

/**
 * Sets the invited account's name and password (same rules as the API, checked here first), then
 * signs in with next-auth's credentials provider and opens the console.
 */
export function InviteForm({ token, email, defaultName }: { token: string; email: string; defaultName: string }) {
  const t = useTranslations('auth.invite');
  const id = useId();
  const [values, setValues] = useState({ name: defaultName, password: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [signInFailed, setSignInFailed] = useState(false);
  const [pending, setPending] = useState(false);

  const message = (key: string) => t(`errors.${key}` as 'errors.nameRequired', { min: PASSWORD_MIN_LENGTH });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = InviteFormSchema.safeParse(values);
    if (!parsed.success) {
      const next: Partial<Record<Fields, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Fields;
        if (FIELDS.includes(field) && !next[field]) next[field] = message(issue.message);
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setFormError(null);
    setPending(true);
    try {
      await invitationMutations.accept(token, { password: parsed.data.password, name: parsed.data.name });
    } catch (error) {
      setPending(false);
      if (error instanceof ApiClientError && error.param && FIELDS.includes(error.param as Fields)) {
        setErrors({ [error.param as Fields]: error.message });
      } else if (error instanceof ApiClientError && (error.status === 404 || error.status === 410)) {
        // The link stopped working meanwhile (used, replaced or expired): the page shows why.
        window.location.reload();
      } else {
        setFormError(error instanceof Error ? error.message : String(error));
      }
      return;
    }
    try {
      const result = await signIn('credentials', { email, password: parsed.data.password, redirect: false, callbackUrl: '/' });
      if (!result || result.error || !result.ok) throw new Error('sign-in failed');
      // A full navigation (as the sign-in form does), so the console renders with the new session cookie.
      window.location.assign(new URL('/', window.location.origin).href);
    } catch {
      setPending(false);
      setSignInFailed(true);
    }
  }

  if (signInFailed) {
    return (
      <div className="space-y-4">
        <FormAlert message={t('signInFailed')} />
        <Link href="/login" className={buttonClasses('primary', 'md', 'h-9 w-full justify-center')}>
          {t('goToSignIn')}
        </Link>
      </div>
    );
  }

  const set = (key: Fields, value: string) => setValues((current) => ({ ...current, [key]: value }));

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="invite-form">
      {formError ? <FormAlert message={formError} /> : null}
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="email" autoComplete="username" value={email} readOnly hidden />
      <Field label={t('name')} htmlFor={`${id}-name`} error={errors.name}>
        <Input
          id={`${id}-name`}
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={(event) => set('name', event.target.value)}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${id}-name-error` : undefined}
          className="h-9"
        />
      </Field>
      <Field label={t('password')} htmlFor={`${id}-password`} error={errors.password} hint={t('passwordHint', { min: PASSWORD_MIN_LENGTH })}>
        <Input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          autoFocus
          value={values.password}
          onChange={(event) => set('password', event.target.value)}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? `${id}-password-error` : undefined}
          className="h-9"
        />
      </Field>
      <Field label={t('confirm')} htmlFor={`${id}-confirm`} error={errors.confirm}>
        <Input
          id={`${id}-confirm`}
          name="confirm"
          type="password"
          autoComplete="new-password"
          value={values.confirm}
          onChange={(event) => set('confirm', event.target.value)}
          aria-invalid={errors.confirm ? true : undefined}
          aria-describedby={errors.confirm ? `${id}-confirm-error` : undefined}
          className="h-9"
        />
      </Field>
      <Button type="submit" variant="primary" disabled={pending} className="h-9 w-full justify-center">
        {pending ? t('submitting') : t('submit')}
        {pending ? null : <ArrowRight aria-hidden />}
      </Button>
    </form>
  );
}
