import { z } from 'zod';

import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { defineRoute } from '@/lib/server/http/route';
import { getDatacenter } from '@/lib/server/query/datacenter-service';
import { scopeForRequest } from '@/lib/server/query/narrowing';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.string().min(3).max(320) });

/** One datacenter (`<hub>:<zone>`) with its nodes. */
export const GET = defineRoute({ params: paramsSchema }, ({ principal, params, req }) =>
  getDatacenter(getHubManager(), scopeForRequest(principal, req), params.id),
);
