import { podListQuerySchema } from '@/lib/contracts/fleet';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { defineRoute } from '@/lib/server/http/route';
import { jsonResponse } from '@/lib/server/query/json-response';
import { listPods } from '@/lib/server/query/pod-service';
import { scopeForPrincipal } from '@/lib/server/query/scope';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ query: podListQuerySchema }, ({ principal, query }) =>
  jsonResponse(listPods(getHubManager(), scopeForPrincipal(principal), query)),
);
