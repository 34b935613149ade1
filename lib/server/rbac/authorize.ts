import 'server-only';

import type { Principal } from '@/lib/server/auth/principal';
import { HttpError } from '@/lib/server/http/errors';

import { can, type PolicyAction, type PolicyResource } from './policy';

/**
 * Throws the policy's refusal as an HTTP error: 404 (`notFoundMessage`, worded like any missing
 * object so nothing leaks) when the caller cannot see the resource, 403 with a plain reason otherwise.
 * Route handlers call this before doing anything; defineRoute audits the refusal.
 */
export function authorize(
  principal: Principal,
  action: PolicyAction,
  resource: PolicyResource,
  options: { notFoundMessage?: string } = {},
): void {
  const decision = can(principal, action, resource);
  if (decision.allowed) return;
  if (decision.status === 404) throw new HttpError(404, 'not_found', options.notFoundMessage ?? 'Not found');
  throw new HttpError(403, 'forbidden', decision.reason);
}

/** Platform-level actions (admin API). */
export function authorizePlatform(principal: Principal, action: PolicyAction): void {
  authorize(principal, action, { kind: 'platform' });
}
