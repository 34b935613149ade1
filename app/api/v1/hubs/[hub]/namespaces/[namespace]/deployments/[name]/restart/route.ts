import { NextResponse } from 'next/server';
import { z } from 'zod';

import { hubNameSchema, k8sNameSchema } from '@/lib/contracts/fleet';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { restartDeployment } from '@/lib/server/hubs/mutations';
import { defineRoute } from '@/lib/server/http/route';
import { authorizeNamespacedMutation } from '@/lib/server/rbac/fleet-access';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ hub: hubNameSchema, namespace: k8sNameSchema, name: k8sNameSchema });

/** `kubectl rollout restart`: patches the template's restartedAt annotation (202). */
export const POST = defineRoute({ params: paramsSchema }, async ({ principal, params, audit }) => {
  const hub = authorizeNamespacedMutation(getHubManager(), principal, audit, 'deployment.restart', { hub: params.hub, namespace: params.namespace, kind: 'Deployment', name: params.name });
  return NextResponse.json(await restartDeployment(hub, params.namespace, params.name, principal), { status: 202 });
});
