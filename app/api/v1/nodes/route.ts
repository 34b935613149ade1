import { nodeListQuerySchema } from '@/lib/contracts/fleet';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { defineRoute } from '@/lib/server/http/route';
import { jsonResponse } from '@/lib/server/query/json-response';
import { listNodes } from '@/lib/server/query/node-service';
import { scopeForPrincipal } from '@/lib/server/query/scope';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ query: nodeListQuerySchema }, ({ principal, query }) =>
  jsonResponse(listNodes(getHubManager(), scopeForPrincipal(principal), query)),
);
