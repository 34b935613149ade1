import { workloadListQuerySchema } from '@/lib/contracts/fleet';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { defineRoute } from '@/lib/server/http/route';
import { jsonResponse } from '@/lib/server/query/json-response';
import { scopeForRequest } from '@/lib/server/query/narrowing';
import { listWorkloads } from '@/lib/server/query/workload-service';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ query: workloadListQuerySchema }, ({ principal, query, req }) =>
  jsonResponse(listWorkloads(getHubManager(), scopeForRequest(principal, req), query)),
);
