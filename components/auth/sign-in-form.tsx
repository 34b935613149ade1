'use client';

import { useRef, useState, type FormEvent } from 'react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { AlertCircle, ArrowRight, FlaskConical } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Field, Input } from '@/components/ui/input';
import { describeSignInError } from './sign-in-error';

export type DemoAccountOption = {
  email: string;
  name: string;
  /** The account's role, translated, e.g. "Operator · cn-east". */
  description: string;
  /** Badge tone: admins stand out from read-only accounts. */
  tone?: 'accent' | 'info' | 'neutral';
};

/**
 * Email/password sign-in against next-auth's `credentials` provider. Ordinary failures show one
 * generic message (accounts cannot be probed); any other message the server sends, such as a
 * lockout notice, is shown as-is.
 */
export function SignInForm({
  callbackUrl,
  initialError,
  demoAccounts,
  demoPassword,
  header,
}: {
  /** Server-rendered card heading (title, subtitle, setup notice). */
  header?: React.ReactNode;
  /** Same-origin path to return to; validated on the server before it gets here. */
  callbackUrl: string;
  /** `?error=` from a next-auth redirect, if any. */
  initialError?: string;
  demoAccounts?: DemoAccountOption[];
  demoPassword?: string;
}) {
  const t = useTranslations('auth');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(initialError ? describeError(initialError) : null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  function describeError(code: string): string {
    const display = describeSignInError(code);
    if (display.kind === 'generic') return t('signIn.genericError');
    if (display.kind === 'unavailable') return t('signIn.unavailable');
    if (display.kind === 'throttled') return t('signIn.throttled');
    return display.message;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(t('signIn.required'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', { email: email.trim(), password, redirect: false, callbackUrl });
      if (!result || result.error || !result.ok) {
        setError(describeError(result?.error ?? 'CredentialsSignin'));
        setPending(false);
        passwordRef.current?.select();
        return;
      }
      // A full navigation, so the console renders with the new session cookie from the first byte.
      window.location.assign(callbackUrl);
    } catch {
      setError(t('signIn.unavailable'));
      setPending(false);
    }
  }

  function fillDemoAccount(account: DemoAccountOption) {
    setEmail(account.email);
    if (demoPassword) setPassword(demoPassword);
    setError(null);
    submitRef.current?.focus();
  }

  const hasDemo = demoAccounts !== undefined && demoAccounts.length > 0;

  return (
    <div className={cn('grid w-full max-w-[400px] items-start gap-4', hasDemo && 'lg:max-w-none lg:grid-cols-[400px_360px] lg:justify-center')}>
      <div className="rounded-xl border border-border bg-panel p-6 shadow-pop" data-testid="sign-in-card">
        {header}
        <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={error ? 'sign-in-error' : undefined}>
          {error ? (
            <div
              id="sign-in-error"
              role="alert"
              data-testid="sign-in-error"
              className="flex items-start gap-2 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] text-danger"
            >
              <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
              <span>{error}</span>
            </div>
          ) : null}
          <Field label={t('signIn.email')} htmlFor="email">
            <Input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              autoFocus
              required
              placeholder={t('signIn.emailPlaceholder')}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={error ? true : undefined}
              className="h-9"
            />
          </Field>
          <Field label={t('signIn.password')} htmlFor="password">
            <Input
              ref={passwordRef}
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={error ? true : undefined}
              className="h-9"
            />
          </Field>
          <Button ref={submitRef} type="submit" variant="primary" disabled={pending} className="h-9 w-full justify-center">
            {pending ? t('signIn.submitting') : t('signIn.submit')}
            {pending ? null : <ArrowRight aria-hidden />}
          </Button>
        </form>
      </div>

      {hasDemo ? (
        <section
          aria-labelledby="demo-accounts-title"
          className="rounded-xl border border-border bg-panel/80 shadow-panel backdrop-blur"
          data-testid="demo-accounts"
        >
          <div className="border-b border-border px-4 py-3">
            <h2 id="demo-accounts-title" className="flex items-center gap-2 text-[13px] font-semibold text-fg">
              <FlaskConical aria-hidden className="size-4 text-warning" />
              {t('demo.title')}
            </h2>
            <p className="mt-1 text-xs leading-[18px] text-muted">
              {t.rich('demo.description', {
                password: demoPassword ?? '',
                code: (chunks) => <code className="rounded bg-panel-raised px-1 py-px font-mono text-fg">{chunks}</code>,
              })}
            </p>
          </div>
          <ul className="p-1.5">
            {demoAccounts.map((account) => (
              <li key={account.email}>
                <button
                  type="button"
                  onClick={() => fillDemoAccount(account)}
                  aria-label={t('demo.use', { email: account.email })}
                  aria-pressed={email === account.email}
                  className={cn(
                    'flex w-full items-center gap-3 rounded-lg px-2.5 py-2 text-left transition-colors hover:bg-panel-raised',
                    email === account.email && 'bg-accent-soft hover:bg-accent-soft',
                  )}
                >
                  <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-panel-raised text-2xs font-semibold text-muted">
                    {account.name.slice(0, 1).toUpperCase()}
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-[13px] font-medium text-fg">{account.name}</span>
                    <span className="block truncate font-mono text-2xs text-faint">{account.email}</span>
                  </span>
                  <Badge tone={account.tone ?? 'neutral'} className="shrink-0">
                    {account.description}
                  </Badge>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
