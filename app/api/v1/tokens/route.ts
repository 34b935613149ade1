import { CreateTokenRequestSchema, type CreateTokenResponse, type ListTokensResponse } from '@/lib/contracts/tokens';
import { createApiToken, listApiTokens } from '@/lib/server/auth/token-service';
import { getDb } from '@/lib/server/db/client';
import { forbidden } from '@/lib/server/http/errors';
import { defineRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** The caller's own API tokens (never their secrets). */
export const GET = defineRoute({}, async ({ principal }): Promise<ListTokensResponse> => ({
  items: await listApiTokens(await getDb(), principal.userId),
}));

/** Creates a token for the signed-in user; the full token is in this response only. */
export const POST = defineRoute({ body: CreateTokenRequestSchema }, async ({ principal, body, audit }): Promise<CreateTokenResponse> => {
  Object.assign(audit, { action: 'token.create', target: { kind: 'ApiToken', name: body.name } });
  // A leaked token must not be able to mint itself successors that outlive its revocation.
  if (principal.kind === 'token') throw forbidden('API tokens cannot create API tokens: sign in to the console');
  const created = await createApiToken(await getDb(), principal.userId, body);
  Object.assign(audit, { target: { kind: 'ApiToken', name: `${created.item.name} (olk_${created.item.prefix})` }, reason: `scopes ${created.item.scopes.join(',')}` });
  return created;
});
