import { z } from 'zod';

import { PASSWORD_MIN_LENGTH } from '@/lib/contracts/auth';
import { TenantSlugSchema } from '@/lib/contracts/tenancy';

/**
 * Invitation links: a one-time link `/invite/olki_<secret>` that lets someone whose account has no
 * password yet (an invited tenant member) choose one. No email is sent: whoever creates the link
 * copies it and sends it themselves. Links are valid for INVITATION_LIFETIME_DAYS and work once.
 */

export const INVITATION_LIFETIME_DAYS = 7;
export const INVITATION_TOKEN_PREFIX = 'olki_';

/** A freshly created link (the token is only ever returned here). */
export const InvitationLinkSchema = z.object({
  /** `/invite/<token>`: prepend the console's origin to get the link to send. */
  path: z.string(),
  expiresAt: z.string(),
});
export type InvitationLink = z.infer<typeof InvitationLinkSchema>;

/**
 * POST /api/v1/tenants/{slug}/members/{userId}/invitation → 201 InvitationLink (tenant admins of the
 * tenant, platform admins; only for an invited member). POST /api/v1/admin/users/{id}/invitation →
 * 201 InvitationLink (platform admins; user without a password). 409 when the user has a password
 * or is disabled. A new link revokes the user's older ones.
 */
export const CreateInvitationResponseSchema = InvitationLinkSchema;
export type CreateInvitationResponse = InvitationLink;

export const TenantMemberInvitationParamsSchema = z.object({
  slug: TenantSlugSchema,
  userId: z.string().min(1).max(64),
});

/** The token in /api/v1/invitations/{token}: `olki_` + 43 base64url characters. */
export const InvitationTokenSchema = z.string().min(1, 'token is required').max(200, 'token is not a valid invitation token');
export const InvitationParamsSchema = z.object({ token: InvitationTokenSchema });

/** GET /api/v1/invitations/{token} (public) → 200; 404 unknown or already used; 410 expired. */
export const InvitationInfoSchema = z.object({
  email: z.string(),
  name: z.string(),
  /** Display names of the tenants the account is a member of. */
  tenants: z.array(z.object({ slug: z.string(), displayName: z.string() })),
  expiresAt: z.string(),
});
export type InvitationInfo = z.infer<typeof InvitationInfoSchema>;

export const InvitationPasswordSchema = z
  .string({ error: 'password is required' })
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(1024, 'password must be at most 1024 characters');

/** POST /api/v1/invitations/{token} (public) → 204; 400 names the bad field; 404/410 as for GET. */
export const AcceptInvitationRequestSchema = z
  .object({
    password: InvitationPasswordSchema,
    name: z.string().trim().min(1, 'name must not be empty').max(100, 'name must be at most 100 characters').optional(),
  })
  .strict();
export type AcceptInvitationRequest = z.input<typeof AcceptInvitationRequestSchema>;

/** The invite page's form: the same rules plus a confirmation. Messages are i18n keys. */
export const InviteFormSchema = z
  .object({
    name: z.string().trim().min(1, 'nameRequired').max(100, 'nameTooLong'),
    password: z.string().min(PASSWORD_MIN_LENGTH, 'passwordTooShort').max(1024, 'passwordTooLong'),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, { path: ['confirm'], message: 'passwordMismatch' });
export type InviteFormInput = z.infer<typeof InviteFormSchema>;
