import { z } from 'zod';

import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { defineRoute } from '@/lib/server/http/route';
import { getDatacenter } from '@/lib/server/query/datacenter-service';
import { scopeForPrincipal } from '@/lib/server/query/scope';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.string().min(3).max(320) });

/** One datacenter (`<hub>:<zone>`) with its nodes. */
export const GET = defineRoute({ params: paramsSchema }, ({ principal, params }) =>
  getDatacenter(getHubManager(), scopeForPrincipal(principal), params.id),
);
