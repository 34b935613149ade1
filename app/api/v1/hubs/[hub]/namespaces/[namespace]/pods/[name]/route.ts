import { NextResponse } from 'next/server';
import { z } from 'zod';

import { hubNameSchema, k8sNameSchema } from '@/lib/contracts/fleet';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { restartPod } from '@/lib/server/hubs/mutations';
import { defineRoute } from '@/lib/server/http/route';
import { getPod } from '@/lib/server/query/pod-service';
import { scopeForPrincipal } from '@/lib/server/query/scope';
import { authorizeNamespacedMutation } from '@/lib/server/rbac/fleet-access';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ hub: hubNameSchema, namespace: k8sNameSchema, name: k8sNameSchema });

export const GET = defineRoute({ params: paramsSchema }, ({ principal, params }) =>
  getPod(getHubManager(), scopeForPrincipal(principal), params.hub, params.namespace, params.name),
);

/** Restart a pod: delete it on the hub and let its controller replace it (202). */
export const DELETE = defineRoute({ params: paramsSchema }, async ({ principal, params, audit }) => {
  const hub = authorizeNamespacedMutation(getHubManager(), principal, audit, 'pod.restart', { hub: params.hub, namespace: params.namespace, kind: 'Pod', name: params.name });
  return NextResponse.json(await restartPod(hub, params.namespace, params.name, principal), { status: 202 });
});
