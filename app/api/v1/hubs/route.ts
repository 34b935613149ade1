import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { defineRoute } from '@/lib/server/http/route';
import { listHubs } from '@/lib/server/query/hub-service';
import { scopeForRequest } from '@/lib/server/query/narrowing';

export const dynamic = 'force-dynamic';

/** Every hub with its status, CloudCore replicas and counts. */
export const GET = defineRoute({}, ({ principal, req }) => listHubs(getHubManager(), scopeForRequest(principal, req)));
