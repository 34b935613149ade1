import { CreateTokenRequestSchema, type CreateTokenResponse, type ListTokensResponse } from '@/lib/contracts/tokens';
import { createApiToken, listApiTokens } from '@/lib/server/auth/token-service';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** The caller's own API tokens (never their secrets). */
export const GET = defineRoute({}, async ({ principal }): Promise<ListTokensResponse> => ({
  items: await listApiTokens(await getDb(), principal.userId),
}));

/** Creates a token for the caller; the full token is in this response only. */
export const POST = defineRoute(
  { body: CreateTokenRequestSchema },
  async ({ principal, body }): Promise<CreateTokenResponse> => createApiToken(await getDb(), principal.userId, body),
);
