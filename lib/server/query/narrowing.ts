import 'server-only';

import type { NextRequest } from 'next/server';

import { TENANT_NARROWING_COOKIE } from '@/lib/contracts/tenancy';
import type { Principal } from '@/lib/server/auth/principal';
import { badRequest } from '@/lib/server/http/errors';
import { grantOf, isVisible } from '@/lib/server/rbac/policy';

import { scopeForPrincipal, type FleetScope } from './scope';

/** Tenant slugs: DNS labels (same shape the tenancy contracts accept). */
const SLUG = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The tenant switcher's one server-side input: `?tenant=<slug>` on a fleet read route, else the
 * `overlook-tenant` cookie the header's switcher sets. It intersects the caller's scope with that
 * tenant (never widens). A bad or foreign `tenant` param answers 400 naming `tenant`; a bad or
 * foreign cookie is ignored (it may be left over from another account in the same browser).
 * `tenant=a,b` (several slugs) is not narrowing: pods/workloads treat it as their list filter.
 */
export function narrowingOf(principal: Pick<Principal, 'bindings'>, req: Pick<NextRequest, 'nextUrl' | 'cookies'>): string | null {
  const params = req.nextUrl.searchParams.getAll('tenant');
  if (params.length > 0) {
    const raw = params.length === 1 ? params[0]!.trim() : '';
    if (raw.includes(',')) return null;
    if (!SLUG.test(raw)) throw badRequest('tenant', `tenant must be one tenant slug (lowercase letters, digits, "-"), got "${params.join(',').slice(0, 80)}"`);
    if (!isVisible(grantOf(principal), { kind: 'tenant', tenant: raw })) throw badRequest('tenant', `You are not a member of tenant ${raw}`);
    return raw;
  }
  const cookie = req.cookies.get(TENANT_NARROWING_COOKIE)?.value?.trim();
  if (!cookie || !SLUG.test(cookie) || !isVisible(grantOf(principal), { kind: 'tenant', tenant: cookie })) return null;
  return cookie;
}

/** The read scope of a fleet request: the caller's bindings, narrowed by the tenant switcher. */
export function scopeForRequest(principal: Pick<Principal, 'bindings'>, req: Pick<NextRequest, 'nextUrl' | 'cookies'>): FleetScope {
  return scopeForPrincipal(principal, narrowingOf(principal, req));
}
