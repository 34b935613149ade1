/**
 * Browser data layer for platform administration (users, tenants, role bindings, namespace preview):
 * one queryOptions per query; keys start with ['admin', …] and carry every filter, so a search or a
 * preview for one hub never serves another's cache.
 */
import { queryOptions } from '@tanstack/react-query';
import {
  AdminRoleBindingResponseSchema,
  AdminUserResponseSchema,
  ListRoleBindingsResponseSchema,
  ListUsersResponseSchema,
  type AdminRoleBindingResponse,
  type AdminUserResponse,
  type CreateRoleBindingRequest,
  type CreateUserRequest,
  type ResetPasswordRequest,
  type UpdateUserRequest,
} from '@/lib/contracts/admin';
import {
  ListTenantsResponseSchema,
  TenantPreviewResponseSchema,
  TenantResponseSchema,
  type AssignNamespaceRequest,
  type CreateTenantRequest,
  type TenantResponse,
  type UpdateTenantRequest,
} from '@/lib/contracts/tenancy';
import type { Role } from '@/lib/contracts/auth';
import { apiFetch } from './api';

const seg = encodeURIComponent;

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value) search.set(key, value);
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export type RoleBindingFilters = { userId?: string; role?: Role; tenant?: string };

export const adminKeys = {
  all: ['admin'] as const,
  users: (q: string) => ['admin', 'users', { q }] as const,
  userLists: () => ['admin', 'users'] as const,
  tenants: () => ['admin', 'tenants'] as const,
  roleBindingLists: () => ['admin', 'role-bindings'] as const,
  roleBindings: (filters: RoleBindingFilters) => ['admin', 'role-bindings', { ...filters }] as const,
  preview: (hub: string, pattern: string, tenant: string | undefined) => ['admin', 'tenant-preview', { hub, pattern, tenant: tenant ?? null }] as const,
};

export const userListQuery = (q = '') =>
  queryOptions({
    queryKey: adminKeys.users(q),
    queryFn: ({ signal }) => apiFetch(withQuery('/api/v1/admin/users', { q: q.trim() || undefined, limit: '500' }), { signal, schema: ListUsersResponseSchema }),
  });

export const tenantListQuery = () =>
  queryOptions({
    queryKey: adminKeys.tenants(),
    queryFn: ({ signal }) => apiFetch('/api/v1/admin/tenants', { signal, schema: ListTenantsResponseSchema }),
  });

export const roleBindingListQuery = (filters: RoleBindingFilters = {}) =>
  queryOptions({
    queryKey: adminKeys.roleBindings(filters),
    queryFn: ({ signal }) =>
      apiFetch(withQuery('/api/v1/admin/role-bindings', filters), { signal, schema: ListRoleBindingsResponseSchema }),
  });

/** Live preview of the namespaces a pattern matches, per hub, straight from the watch caches. */
export const tenantPreviewQuery = (hub: string, pattern: string, tenant?: string) =>
  queryOptions({
    queryKey: adminKeys.preview(hub, pattern, tenant),
    queryFn: ({ signal }) =>
      apiFetch(withQuery('/api/v1/admin/tenants/preview', { hub, pattern, tenant }), { signal, schema: TenantPreviewResponseSchema }),
    staleTime: 5_000,
  });

export const adminMutations = {
  createUser: (body: CreateUserRequest): Promise<AdminUserResponse> =>
    apiFetch('/api/v1/admin/users', { method: 'POST', body, schema: AdminUserResponseSchema }),
  updateUser: (id: string, body: UpdateUserRequest): Promise<AdminUserResponse> =>
    apiFetch(`/api/v1/admin/users/${seg(id)}`, { method: 'PATCH', body, schema: AdminUserResponseSchema }),
  resetPassword: (id: string, body: ResetPasswordRequest): Promise<AdminUserResponse> =>
    apiFetch(`/api/v1/admin/users/${seg(id)}/password`, { method: 'POST', body, schema: AdminUserResponseSchema }),
  createTenant: (body: CreateTenantRequest): Promise<TenantResponse> =>
    apiFetch('/api/v1/admin/tenants', { method: 'POST', body, schema: TenantResponseSchema }),
  updateTenant: (slug: string, body: UpdateTenantRequest): Promise<TenantResponse> =>
    apiFetch(`/api/v1/admin/tenants/${seg(slug)}`, { method: 'PATCH', body, schema: TenantResponseSchema }),
  deleteTenant: async (slug: string): Promise<void> => {
    await apiFetch(`/api/v1/admin/tenants/${seg(slug)}`, { method: 'DELETE' });
  },
  assignNamespace: (slug: string, body: AssignNamespaceRequest): Promise<TenantResponse> =>
    apiFetch(`/api/v1/admin/tenants/${seg(slug)}/namespaces`, { method: 'POST', body, schema: TenantResponseSchema }),
  unassignNamespace: (slug: string, id: string): Promise<unknown> =>
    apiFetch(`/api/v1/admin/tenants/${seg(slug)}/namespaces/${seg(id)}`, { method: 'DELETE' }),
  createRoleBinding: (body: CreateRoleBindingRequest): Promise<AdminRoleBindingResponse> =>
    apiFetch('/api/v1/admin/role-bindings', { method: 'POST', body, schema: AdminRoleBindingResponseSchema }),
  deleteRoleBinding: async (id: string): Promise<void> => {
    await apiFetch(`/api/v1/admin/role-bindings/${seg(id)}`, { method: 'DELETE' });
  },
};
