import { NextResponse } from 'next/server';
import { z } from 'zod';

import { hubNameSchema, k8sNameSchema } from '@/lib/contracts/fleet';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { authorizeFleetMutation, restartDeployment } from '@/lib/server/hubs/mutations';
import { defineRoute } from '@/lib/server/http/route';
import { requireHub } from '@/lib/server/query/hub-service';
import { scopeForPrincipal } from '@/lib/server/query/scope';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ hub: hubNameSchema, namespace: k8sNameSchema, name: k8sNameSchema });

/** `kubectl rollout restart`: patches the template's restartedAt annotation (202). */
export const POST = defineRoute({ params: paramsSchema }, async ({ principal, params }) => {
  const hub = requireHub(getHubManager(), scopeForPrincipal(principal), params.hub);
  authorizeFleetMutation(principal, hub, 'restart-deployment');
  return NextResponse.json(await restartDeployment(hub, params.namespace, params.name), { status: 202 });
});
