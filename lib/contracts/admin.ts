import { z } from 'zod';

import { LocaleSchema, PASSWORD_MIN_LENGTH, RoleSchema, type Role } from '@/lib/contracts/auth';

/**
 * Platform administration (platform-admin only): users and role bindings.
 * Tenants are in `lib/contracts/tenancy.ts` (`/api/v1/admin/tenants/**`).
 */

const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(1024, 'password must be at most 1024 characters');

/** Where a binding applies. Tenant roles need `tenant`; operator/auditor may be limited to hubs/regions. */
export const BindingScopeInputSchema = z
  .object({
    hubs: z.array(z.string().trim().min(1).max(63)).max(100).default([]),
    regions: z.array(z.string().trim().min(1).max(63)).max(100).default([]),
    tenant: z.string().trim().min(1).max(63).optional(),
  })
  .strict();

/** Rules binding a role to the scope fields that make sense for it. */
export function bindingScopeProblem(role: Role, scope: { hubs: string[]; regions: string[]; tenant?: string }): { field: string; message: string } | null {
  const tenantRole = role === 'tenant-admin' || role === 'tenant-viewer';
  if (tenantRole && !scope.tenant) return { field: 'scope.tenant', message: `"scope.tenant" is required for role ${role}` };
  if (!tenantRole && scope.tenant) return { field: 'scope.tenant', message: `"scope.tenant" applies only to tenant roles, not ${role}` };
  if ((tenantRole || role === 'platform-admin') && (scope.hubs.length > 0 || scope.regions.length > 0)) {
    return { field: scope.hubs.length > 0 ? 'scope.hubs' : 'scope.regions', message: `role ${role} cannot be limited to hubs or regions` };
  }
  return null;
}

export const RoleBindingInputSchema = z
  .object({ role: RoleSchema, scope: BindingScopeInputSchema.default({ hubs: [], regions: [] }) })
  .superRefine((binding, ctx) => {
    const problem = bindingScopeProblem(binding.role, binding.scope);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.field.split('.') });
  });
export type RoleBindingInput = z.input<typeof RoleBindingInputSchema>;

/** A role binding as the admin API shows it. */
export const AdminRoleBindingSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userEmail: z.string(),
  userName: z.string(),
  role: RoleSchema,
  scope: z.object({ hubs: z.array(z.string()), regions: z.array(z.string()), tenant: z.string().nullable() }),
  createdAt: z.string(),
});
export type AdminRoleBindingDto = z.infer<typeof AdminRoleBindingSchema>;

// ------------------------------------------------------------------------------------------------
// Users: /api/v1/admin/users, /api/v1/admin/users/{id}, /api/v1/admin/users/{id}/password
// ------------------------------------------------------------------------------------------------

export const AdminUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: LocaleSchema,
  disabled: z.boolean(),
  /** False for invited users who have not been given a password yet (they cannot sign in). */
  hasPassword: z.boolean(),
  lastSignInAt: z.string().nullable(),
  /** Set while sign-in is locked after repeated failures. */
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  bindings: z.array(AdminRoleBindingSchema),
});
export type AdminUserDto = z.infer<typeof AdminUserSchema>;

/** GET /api/v1/admin/users?q=&cursor=&limit= — ordered by email. */
export const ListUsersQuerySchema = z
  .object({
    /** Substring of email or name. */
    q: z.string().trim().min(1).max(320).optional(),
    cursor: z.string().min(1).max(400).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ListUsersQuery = z.input<typeof ListUsersQuerySchema>;
export const ListUsersResponseSchema = z.object({ items: z.array(AdminUserSchema), nextCursor: z.string().nullable() });
export type ListUsersResponse = z.infer<typeof ListUsersResponseSchema>;

/** POST /api/v1/admin/users → { item } (201); 409 when the email is taken. */
export const CreateUserRequestSchema = z.object({
  email: z.string().trim().min(1, 'email is required').max(320).email('email must be a valid email address'),
  name: z.string().trim().min(1, 'name is required').max(100, 'name must be at most 100 characters'),
  password: PasswordSchema,
  locale: LocaleSchema.default('en'),
  /** Bindings to grant right away (optional). */
  bindings: z.array(RoleBindingInputSchema).max(50).default([]),
});
export type CreateUserRequest = z.input<typeof CreateUserRequestSchema>;

/** PATCH /api/v1/admin/users/{id} → { item }. Disabling signs the user out on their next request. */
export const UpdateUserRequestSchema = z
  .object({
    name: z.string().trim().min(1, 'name must not be empty').max(100).optional(),
    disabled: z.boolean().optional(),
    locale: LocaleSchema.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'send at least one of name, disabled, locale');
export type UpdateUserRequest = z.input<typeof UpdateUserRequestSchema>;

/** POST /api/v1/admin/users/{id}/password → { item }. Also clears a sign-in lockout. */
export const ResetPasswordRequestSchema = z.object({ password: PasswordSchema });
export type ResetPasswordRequest = z.input<typeof ResetPasswordRequestSchema>;

export const UserParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const AdminUserResponseSchema = z.object({ item: AdminUserSchema });
export type AdminUserResponse = z.infer<typeof AdminUserResponseSchema>;

// ------------------------------------------------------------------------------------------------
// Role bindings: /api/v1/admin/role-bindings, /api/v1/admin/role-bindings/{id}
// ------------------------------------------------------------------------------------------------

/** GET /api/v1/admin/role-bindings?userId=&role=&tenant= */
export const ListRoleBindingsQuerySchema = z
  .object({
    userId: z.string().min(1).max(64).optional(),
    role: RoleSchema.optional(),
    tenant: z.string().trim().min(1).max(63).optional(),
  })
  .strict();
export const ListRoleBindingsResponseSchema = z.object({ items: z.array(AdminRoleBindingSchema) });
export type ListRoleBindingsResponse = z.infer<typeof ListRoleBindingsResponseSchema>;

/**
 * POST /api/v1/admin/role-bindings → { item } (201). Identify the user by `userId` or `email`.
 * 404 for an unknown user or tenant; 409 for an identical existing binding.
 */
export const CreateRoleBindingRequestSchema = z
  .object({
    userId: z.string().min(1).max(64).optional(),
    email: z.string().trim().max(320).email('email must be a valid email address').optional(),
    role: RoleSchema,
    scope: BindingScopeInputSchema.default({ hubs: [], regions: [] }),
  })
  .superRefine((body, ctx) => {
    if (!body.userId && !body.email) ctx.addIssue({ code: 'custom', message: '"userId" or "email" is required', path: ['userId'] });
    const problem = bindingScopeProblem(body.role, body.scope);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.field.split('.') });
  });
export type CreateRoleBindingRequest = z.input<typeof CreateRoleBindingRequestSchema>;
export const RoleBindingParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const AdminRoleBindingResponseSchema = z.object({ item: AdminRoleBindingSchema });
export type AdminRoleBindingResponse = z.infer<typeof AdminRoleBindingResponseSchema>;
