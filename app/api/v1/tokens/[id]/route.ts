import { TokenIdParamsSchema } from '@/lib/contracts/tokens';
import { revokeApiToken } from '@/lib/server/auth/token-service';
import { getDb } from '@/lib/server/db/client';
import { defineRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** Revokes one of the caller's own tokens (404 for anyone else's). */
export const DELETE = defineRoute({ params: TokenIdParamsSchema }, async ({ principal, params, audit }) => {
  Object.assign(audit, { action: 'token.revoke', target: { kind: 'ApiToken', name: params.id } });
  const item = await revokeApiToken(await getDb(), principal.userId, params.id);
  audit.target = { kind: 'ApiToken', name: `${item.name} (olk_${item.prefix})` };
  return { item };
});
