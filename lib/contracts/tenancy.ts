import { z } from 'zod';

import { hubListStatusSchema, podCountsSchema } from '@/lib/contracts/fleet';

/**
 * Tenants and their namespaces, tenant members and the tenant overview. Used by the admin API
 * (`/api/v1/admin/tenants/**`), the tenant self-service API (`/api/v1/tenants/**`) and `/api/v1/me`.
 */

/** Reserved because they collide with static route segments under /api/v1/admin/tenants. */
const RESERVED_TENANT_SLUGS = new Set(['preview', 'new']);

/** A tenant's URL name: lowercase letters, digits and dashes, like a Kubernetes label value. */
export const TenantSlugSchema = z
  .string()
  .trim()
  .min(2, 'slug must be at least 2 characters')
  .max(63, 'slug must be at most 63 characters')
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'slug may contain only lowercase letters, digits and dashes, and must start and end with a letter or digit')
  .refine((slug) => !RESERVED_TENANT_SLUGS.has(slug), 'slug is reserved; choose another');
export type TenantSlug = z.infer<typeof TenantSlugSchema>;

/** A hub name, or `*` for every hub (also hubs added later). */
export const HubSelectorSchema = z
  .string()
  .trim()
  .min(1, 'hub is required')
  .max(63)
  .regex(/^(\*|[a-z0-9]([-a-z0-9]*[a-z0-9])?)$/, 'hub must be a hub name or "*" for all hubs');

/**
 * A namespace name, or a pattern where `*` matches any run of characters (e.g. `acme-*`, `*-prod`).
 * Only lowercase letters, digits, dashes and `*`.
 */
export const NamespacePatternSchema = z
  .string()
  .trim()
  .min(1, 'pattern is required')
  .max(253)
  .regex(/^[a-z0-9*]([-a-z0-9*]*[a-z0-9*])?$/, 'pattern may contain only lowercase letters, digits, dashes and "*"')
  .refine((pattern) => pattern.replaceAll('*', '').length > 0, 'pattern must name something besides "*"');

/** One namespace assignment of a tenant. */
export const TenantNamespaceSchema = z.object({
  id: z.string(),
  /** Hub name or `*`. */
  hub: z.string(),
  /** Namespace name or pattern with `*`. */
  pattern: z.string(),
  createdAt: z.string(),
});
export type TenantNamespaceDto = z.infer<typeof TenantNamespaceSchema>;

export const TenantSchema = z.object({
  slug: z.string(),
  displayName: z.string(),
  description: z.string(),
  namespaces: z.array(TenantNamespaceSchema),
  /** Users holding a tenant-admin or tenant-viewer binding for this tenant. */
  memberCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TenantDto = z.infer<typeof TenantSchema>;

/** GET /api/v1/admin/tenants */
export const ListTenantsResponseSchema = z.object({ items: z.array(TenantSchema) });
export type ListTenantsResponse = z.infer<typeof ListTenantsResponseSchema>;

export const NamespaceAssignmentInputSchema = z.object({
  /** Hub name or `*` (default `*`). */
  hub: HubSelectorSchema.default('*'),
  pattern: NamespacePatternSchema,
});
export type NamespaceAssignmentInput = z.input<typeof NamespaceAssignmentInputSchema>;

/** POST /api/v1/admin/tenants → { item: Tenant } (201). 409 when a namespace overlaps another tenant's. */
export const CreateTenantRequestSchema = z.object({
  slug: TenantSlugSchema,
  displayName: z.string().trim().min(1, 'displayName is required').max(100, 'displayName must be at most 100 characters'),
  description: z.string().trim().max(1000, 'description must be at most 1000 characters').default(''),
  /** Initial namespace assignments (optional). */
  namespaces: z.array(NamespaceAssignmentInputSchema).max(100).default([]),
});
export type CreateTenantRequest = z.input<typeof CreateTenantRequestSchema>;

/** PATCH /api/v1/admin/tenants/{slug} → { item: Tenant } */
export const UpdateTenantRequestSchema = z
  .object({
    displayName: z.string().trim().min(1, 'displayName must not be empty').max(100, 'displayName must be at most 100 characters').optional(),
    description: z.string().trim().max(1000, 'description must be at most 1000 characters').optional(),
  })
  .strict();
export type UpdateTenantRequest = z.input<typeof UpdateTenantRequestSchema>;

/** POST /api/v1/admin/tenants/{slug}/namespaces → { item: Tenant } (201); 409 on overlap. */
export const AssignNamespaceRequestSchema = NamespaceAssignmentInputSchema;
export type AssignNamespaceRequest = NamespaceAssignmentInput;

/** DELETE /api/v1/admin/tenants/{slug}/namespaces/{id} → { item: Tenant } */
export const TenantNamespaceParamsSchema = z.object({ slug: TenantSlugSchema, id: z.string().min(1).max(64) });

/** Path params of /api/v1/admin/tenants/{slug} and /api/v1/tenants/{slug}. */
export const TenantParamsSchema = z.object({ slug: TenantSlugSchema });

/** Single-tenant responses. */
export const TenantResponseSchema = z.object({ item: TenantSchema });
export type TenantResponse = z.infer<typeof TenantResponseSchema>;

/** GET /api/v1/admin/tenants/preview?hub=&pattern=[&tenant=] — live match against the watch caches. */
export const TenantPreviewQuerySchema = z.object({
  /** Hub name or `*` (default). */
  hub: HubSelectorSchema.default('*'),
  pattern: NamespacePatternSchema,
  /** The tenant being edited: its own namespaces are not reported as conflicts. */
  tenant: TenantSlugSchema.optional(),
});
export type TenantPreviewQuery = z.input<typeof TenantPreviewQuerySchema>;

export const TenantPreviewNamespaceSchema = z.object({
  name: z.string(),
  /** Tenant that owns the namespace today (from the assignments), or null. */
  owner: z.string().nullable(),
  /** The namespace's `overlook.io/tenant` label: a hint only, it grants nothing. */
  labelTenant: z.string().nullable(),
  /** True when another tenant owns it: assigning this pattern would be refused (409). */
  conflict: z.boolean(),
});
export const TenantPreviewResponseSchema = z.object({
  hubs: z.array(
    z.object({
      hub: z.string(),
      status: hubListStatusSchema.shape.status,
      namespaces: z.array(TenantPreviewNamespaceSchema),
    }),
  ),
  /** Matches summed over hubs. */
  total: z.number().int(),
  conflicts: z.number().int(),
});
export type TenantPreviewResponse = z.infer<typeof TenantPreviewResponseSchema>;

// ------------------------------------------------------------------------------------------------
// Members (tenant self-service: tenant-admin of that tenant, or platform-admin)
// ------------------------------------------------------------------------------------------------

export const TENANT_ROLES = ['tenant-admin', 'tenant-viewer'] as const;
export const TenantRoleSchema = z.enum(TENANT_ROLES);
export type TenantRole = z.infer<typeof TenantRoleSchema>;

export const TenantMemberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: TenantRoleSchema,
  /**
   * `active`: can sign in. `invited`: created by an invitation, no password yet (they choose one
   * with their invitation link, or a platform admin sets one; until then the account cannot sign in). `disabled`: account disabled.
   */
  status: z.enum(['active', 'invited', 'disabled']),
  /** The role binding that makes this user a member. */
  bindingId: z.string(),
  since: z.string(),
});
export type TenantMemberDto = z.infer<typeof TenantMemberSchema>;

/** GET /api/v1/tenants/{slug}/members */
export const ListTenantMembersResponseSchema = z.object({ items: z.array(TenantMemberSchema) });
export type ListTenantMembersResponse = z.infer<typeof ListTenantMembersResponseSchema>;

/**
 * POST /api/v1/tenants/{slug}/members → { item: Member, invited: boolean, invitation } (201).
 * An existing user is added; an unknown email is invited (an account without a password is created,
 * with a one-time invitation link in `invitation`).
 * 409 when the user is already a member (use PATCH to change the role).
 */
export const AddTenantMemberRequestSchema = z.object({
  email: z.string().trim().min(1, 'email is required').max(320).email('email must be a valid email address'),
  role: TenantRoleSchema,
  /** Display name for an invited user (default: the part of the email before @). */
  name: z.string().trim().min(1).max(100).optional(),
});
export type AddTenantMemberRequest = z.input<typeof AddTenantMemberRequestSchema>;
export const AddTenantMemberResponseSchema = z.object({
  item: TenantMemberSchema,
  invited: z.boolean(),
  /** When invited: the one-time link (`/invite/<token>`) to send them, and when it expires; otherwise null. */
  invitation: z.object({ path: z.string(), expiresAt: z.string() }).nullable(),
});
export type AddTenantMemberResponse = z.infer<typeof AddTenantMemberResponseSchema>;

/** PATCH /api/v1/tenants/{slug}/members → { item: Member } — change a member's role. */
export const UpdateTenantMemberRequestSchema = z.object({ userId: z.string().min(1).max(64), role: TenantRoleSchema });
export type UpdateTenantMemberRequest = z.input<typeof UpdateTenantMemberRequestSchema>;
export const TenantMemberResponseSchema = z.object({ item: TenantMemberSchema });
export type TenantMemberResponse = z.infer<typeof TenantMemberResponseSchema>;

/** DELETE /api/v1/tenants/{slug}/members?userId=… → 204. A tenant's last tenant-admin cannot be removed by themself. */
export const RemoveTenantMemberQuerySchema = z.object({ userId: z.string().min(1).max(64) });

// ------------------------------------------------------------------------------------------------
// Tenant overview (GET /api/v1/tenants/{slug}) and the caller's tenants (in GET /api/v1/me)
// ------------------------------------------------------------------------------------------------

export const TenantOverviewSchema = z.object({
  tenant: z.object({ slug: z.string(), displayName: z.string(), description: z.string() }),
  /** The caller's role in this tenant; null for platform admins/operators/auditors without a tenant binding. */
  myRole: TenantRoleSchema.nullable(),
  /** Namespace assignments (patterns). */
  assignments: z.array(TenantNamespaceSchema),
  /** Namespaces that exist now and belong to the tenant, per hub. */
  namespaces: z.array(z.object({ hub: z.string(), namespace: z.string() })),
  counts: z.object({
    namespaces: z.number().int(),
    pods: podCountsSchema,
    workloads: z.number().int(),
    /** Nodes running at least one of the tenant's pods. */
    nodes: z.number().int(),
    datacenters: z.number().int(),
    hubs: z.number().int(),
    members: z.number().int(),
  }),
  hubs: z.array(hubListStatusSchema),
});
export type TenantOverview = z.infer<typeof TenantOverviewSchema>;

/** One entry of the tenant switcher. */
export const MeTenantSchema = z.object({ slug: z.string(), displayName: z.string(), role: TenantRoleSchema });
export type MeTenant = z.infer<typeof MeTenantSchema>;

/**
 * Tenant narrowing: `?tenant=<slug>` on any fleet read (or the `overlook-tenant` cookie) narrows
 * what the caller sees to one of their tenants. The server still enforces the union of bindings;
 * narrowing to a tenant the caller cannot see answers 404.
 */
export const TENANT_NARROWING_COOKIE = 'overlook-tenant';
