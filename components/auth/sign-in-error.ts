import { TOO_MANY_SIGN_INS } from '@/lib/contracts/auth';

/** next-auth's code for "authorize() returned null", and the server's generic sentence. */
const GENERIC_FAILURE_CODES = new Set(['CredentialsSignin', 'Email or password is incorrect']);

export type SignInErrorDisplay =
  /** Show the translated "Email or password is incorrect." */
  | { kind: 'generic' }
  /** Show the translated "Sign-in is unavailable right now." */
  | { kind: 'unavailable' }
  /** Show the translated "Too many failed sign-ins from your network…". */
  | { kind: 'throttled' }
  /** Show the server's sentence as-is (e.g. a lockout notice). */
  | { kind: 'message'; message: string };

/**
 * Decides what the sign-in form shows for a next-auth error. Ordinary failures get one generic
 * message (accounts cannot be probed); next-auth's internal codes (`Configuration`, `OAuthSignin`, …)
 * are not for users; any other sentence the server chose to send, such as a lockout notice, is shown.
 */
export function describeSignInError(code: string): SignInErrorDisplay {
  const trimmed = code.trim();
  if (!trimmed || GENERIC_FAILURE_CODES.has(trimmed) || GENERIC_FAILURE_CODES.has(trimmed.replace(/\.$/, ''))) {
    return { kind: 'generic' };
  }
  if (trimmed === TOO_MANY_SIGN_INS) return { kind: 'throttled' };
  if (/^[A-Z][A-Za-z]+$/.test(trimmed)) return { kind: 'unavailable' };
  return { kind: 'message', message: trimmed.slice(0, 300) };
}
