import { workloadListQuerySchema } from '@/lib/contracts/fleet';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { defineRoute } from '@/lib/server/http/route';
import { jsonResponse } from '@/lib/server/query/json-response';
import { scopeForPrincipal } from '@/lib/server/query/scope';
import { listWorkloads } from '@/lib/server/query/workload-service';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ query: workloadListQuerySchema }, ({ principal, query }) =>
  jsonResponse(listWorkloads(getHubManager(), scopeForPrincipal(principal), query)),
);
