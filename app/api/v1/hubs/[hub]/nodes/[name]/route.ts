import { z } from 'zod';

import { hubNameSchema, k8sNameSchema } from '@/lib/contracts/fleet';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { defineRoute } from '@/lib/server/http/route';
import { getNode } from '@/lib/server/query/node-service';
import { scopeForPrincipal } from '@/lib/server/query/scope';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ hub: hubNameSchema, name: k8sNameSchema });

export const GET = defineRoute({ params: paramsSchema }, ({ principal, params }) =>
  getNode(getHubManager(), scopeForPrincipal(principal), params.hub, params.name),
);
