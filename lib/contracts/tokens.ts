import { z } from 'zod';

export const TOKEN_SCOPES = ['read', 'write'] as const;
export const TokenScopeSchema = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof TokenScopeSchema>;

/** POST /api/v1/tokens */
export const CreateTokenRequestSchema = z.object({
  /** What the token is for, shown in the token list. */
  name: z.string().trim().min(1, 'name is required').max(100, 'name must be at most 100 characters'),
  /** ['read'] or ['read', 'write'] — write always includes read. */
  scopes: z
    .array(TokenScopeSchema)
    .min(1, 'scopes must contain "read"')
    .refine((scopes) => scopes.includes('read'), 'scopes must contain "read" (write tokens are ["read", "write"])')
    .transform((scopes) => [...new Set(scopes)].sort() as TokenScope[]),
  /** Days until the token stops working; absent = never expires. */
  expiresInDays: z.number().int('expiresInDays must be a whole number').min(1).max(3650).optional(),
});
export type CreateTokenRequest = z.input<typeof CreateTokenRequestSchema>;

/** A token as listed: never includes the secret. */
export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Public part shown so users can tell tokens apart: `olk_<prefix>_…`. */
  prefix: z.string(),
  scopes: z.array(TokenScopeSchema),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenDto = z.infer<typeof ApiTokenSchema>;

/** GET /api/v1/tokens */
export const ListTokensResponseSchema = z.object({ items: z.array(ApiTokenSchema) });
export type ListTokensResponse = z.infer<typeof ListTokensResponseSchema>;

/** POST /api/v1/tokens — `token` is shown once and cannot be retrieved again. */
export const CreateTokenResponseSchema = z.object({ token: z.string(), item: ApiTokenSchema });
export type CreateTokenResponse = z.infer<typeof CreateTokenResponseSchema>;

export const TokenIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
