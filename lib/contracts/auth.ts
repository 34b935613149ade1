import { z } from 'zod';

export const ROLES = ['platform-admin', 'operator', 'auditor', 'tenant-admin', 'tenant-viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const LOCALES = ['en', 'zh-CN'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** Where a role applies. Empty / absent fields mean "all". */
export const RoleBindingScopeSchema = z.object({
  /** Hub names the role is limited to. */
  hubs: z.array(z.string()).optional(),
  /** Regions the role is limited to. */
  regions: z.array(z.string()).optional(),
  /** The tenant a tenant-* role belongs to. */
  tenant: z.string().optional(),
});
export type RoleBindingScope = z.infer<typeof RoleBindingScopeSchema>;

export const RoleBindingSchema = z.object({ role: RoleSchema, scope: RoleBindingScopeSchema });
export type RoleBinding = z.infer<typeof RoleBindingSchema>;

/** GET /api/v1/me */
export const MeResponseSchema = z.object({
  /** 'user' for a browser session, 'token' for an API token. */
  kind: z.enum(['user', 'token']),
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: LocaleSchema,
  /** Set when the caller authenticated with an API token. */
  token: z
    .object({ id: z.string(), scopes: z.array(z.enum(['read', 'write'])) })
    .optional(),
  bindings: z.array(RoleBindingSchema),
  /** The caller's tenants (tenant switcher): slug, display name and the caller's role there. */
  tenants: z.array(z.object({ slug: z.string(), displayName: z.string(), role: z.enum(['tenant-admin', 'tenant-viewer']) })).optional(),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

/** Sign-in form (next-auth credentials provider `credentials`). */
export const SignInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email').max(320).email('Enter a valid email address'),
  password: z.string().min(1, 'Enter your password').max(1024),
});
export type SignInInput = z.infer<typeof SignInSchema>;

/** Shown for every failed sign-in, whatever the reason, so accounts cannot be probed. */
export const SIGN_IN_FAILED_MESSAGE = 'Email or password is incorrect';
export const PASSWORD_MIN_LENGTH = 12;

/**
 * The error code the server's sign-in answers with when the client's address made too many failed
 * attempts (lib/server/auth/sign-in-throttle.ts); the sign-in form shows a translated notice.
 */
export const TOO_MANY_SIGN_INS = 'TooManySignInAttempts';
