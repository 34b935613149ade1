import { nodeListQuerySchema } from '@/lib/contracts/fleet';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { defineRoute } from '@/lib/server/http/route';
import { jsonResponse } from '@/lib/server/query/json-response';
import { listNodes } from '@/lib/server/query/node-service';
import { scopeForRequest } from '@/lib/server/query/narrowing';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ query: nodeListQuerySchema }, ({ principal, query, req }) =>
  jsonResponse(listNodes(getHubManager(), scopeForRequest(principal, req), query)),
);
