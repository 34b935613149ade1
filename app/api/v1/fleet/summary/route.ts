import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { defineRoute } from '@/lib/server/http/route';
import { jsonResponse } from '@/lib/server/query/json-response';
import { scopeForRequest } from '@/lib/server/query/narrowing';
import { getFleetSummary } from '@/lib/server/query/summary-service';

export const dynamic = 'force-dynamic';

/** Fleet-wide counts, per-hub breakdown and the problem list (from memory, O(hubs + datacenters)). */
export const GET = defineRoute({}, ({ principal, req }) => jsonResponse(getFleetSummary(getHubManager(), scopeForRequest(principal, req))));
