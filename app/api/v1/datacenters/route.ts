import { datacenterListQuerySchema } from '@/lib/contracts/fleet';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { defineRoute } from '@/lib/server/http/route';
import { listDatacenters } from '@/lib/server/query/datacenter-service';
import { scopeForRequest } from '@/lib/server/query/narrowing';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({ query: datacenterListQuerySchema }, ({ principal, query, req }) =>
  listDatacenters(getHubManager(), scopeForRequest(principal, req), query),
);
