/**
 * Browser data layer for tenant self-service and the caller's tenants: keys carry the tenant slug,
 * so one tenant's members never show under another.
 */
import { queryOptions } from '@tanstack/react-query';
import {
  AddTenantMemberResponseSchema,
  ListTenantMembersResponseSchema,
  TenantMemberResponseSchema,
  TenantOverviewSchema,
  TENANT_NARROWING_COOKIE,
  type AddTenantMemberRequest,
  type AddTenantMemberResponse,
  type TenantMemberResponse,
  type UpdateTenantMemberRequest,
} from '@/lib/contracts/tenancy';
import { apiFetch } from './api';

const seg = encodeURIComponent;

export const tenancyKeys = {
  all: ['tenancy'] as const,
  overview: (slug: string) => ['tenancy', slug, 'overview'] as const,
  members: (slug: string) => ['tenancy', slug, 'members'] as const,
};

export const tenantOverviewQuery = (slug: string) =>
  queryOptions({
    queryKey: tenancyKeys.overview(slug),
    queryFn: ({ signal }) => apiFetch(`/api/v1/tenants/${seg(slug)}`, { signal, schema: TenantOverviewSchema }),
  });

export const tenantMembersQuery = (slug: string) =>
  queryOptions({
    queryKey: tenancyKeys.members(slug),
    queryFn: ({ signal }) => apiFetch(`/api/v1/tenants/${seg(slug)}/members`, { signal, schema: ListTenantMembersResponseSchema }),
  });

export const tenantMemberMutations = {
  add: (slug: string, body: AddTenantMemberRequest): Promise<AddTenantMemberResponse> =>
    apiFetch(`/api/v1/tenants/${seg(slug)}/members`, { method: 'POST', body, schema: AddTenantMemberResponseSchema }),
  update: (slug: string, body: UpdateTenantMemberRequest): Promise<TenantMemberResponse> =>
    apiFetch(`/api/v1/tenants/${seg(slug)}/members`, { method: 'PATCH', body, schema: TenantMemberResponseSchema }),
  remove: async (slug: string, userId: string): Promise<void> => {
    await apiFetch(`/api/v1/tenants/${seg(slug)}/members?userId=${seg(userId)}`, { method: 'DELETE' });
  },
};

/**
 * Narrows every fleet read to one tenant (the server reads the cookie); empty = all my tenants.
 * A session cookie on purpose: the narrowed view is a working context, not a lasting preference.
 */
export function writeTenantNarrowing(slug: string | null): void {
  document.cookie = slug
    ? `${TENANT_NARROWING_COOKIE}=${encodeURIComponent(slug)}; path=/; samesite=lax`
    : `${TENANT_NARROWING_COOKIE}=; path=/; max-age=0; samesite=lax`;
}
