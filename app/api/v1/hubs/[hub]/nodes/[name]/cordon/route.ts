import { NextResponse } from 'next/server';
import { z } from 'zod';

import { hubNameSchema, k8sNameSchema } from '@/lib/contracts/fleet';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { setNodeUnschedulable } from '@/lib/server/hubs/mutations';
import { defineRoute } from '@/lib/server/http/route';
import { authorizeNodeMutation } from '@/lib/server/rbac/fleet-access';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ hub: hubNameSchema, name: k8sNameSchema });

/** Merge-patches spec.unschedulable on the hub; 202 — the change arrives through the watch. */
export const POST = defineRoute({ params: paramsSchema }, async ({ principal, params, audit }) => {
  const hub = authorizeNodeMutation(getHubManager(), principal, audit, 'node.cordon', params.hub, params.name);
  return NextResponse.json(await setNodeUnschedulable(hub, params.name, true, principal), { status: 202 });
});
