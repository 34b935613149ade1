import { podListQuerySchema } from '@/lib/contracts/fleet';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { defineRoute } from '@/lib/server/http/route';
import { jsonResponse } from '@/lib/server/query/json-response';
import { listPods } from '@/lib/server/query/pod-service';
import { scopeForRequest } from '@/lib/server/query/narrowing';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ query: podListQuerySchema }, ({ principal, query, req }) =>
  jsonResponse(listPods(getHubManager(), scopeForRequest(principal, req), query)),
);
