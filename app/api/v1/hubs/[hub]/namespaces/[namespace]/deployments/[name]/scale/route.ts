import { NextResponse } from 'next/server';
import { z } from 'zod';

import { hubNameSchema, k8sNameSchema, scaleBodySchema } from '@/lib/contracts/fleet';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { scaleDeployment } from '@/lib/server/hubs/mutations';
import { defineRoute } from '@/lib/server/http/route';
import { authorizeNamespacedMutation } from '@/lib/server/rbac/fleet-access';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ hub: hubNameSchema, namespace: k8sNameSchema, name: k8sNameSchema });

/** Body `{"replicas": n}`; patches the scale subresource (202). */
export const POST = defineRoute({ params: paramsSchema, body: scaleBodySchema }, async ({ principal, params, body, audit }) => {
  const hub = authorizeNamespacedMutation(getHubManager(), principal, audit, 'deployment.scale', { hub: params.hub, namespace: params.namespace, kind: 'Deployment', name: params.name });
  return NextResponse.json(await scaleDeployment(hub, params.namespace, params.name, body.replicas, principal), { status: 202 });
});
