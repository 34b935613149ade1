import { NextResponse } from 'next/server';
import { z } from 'zod';

import { hubNameSchema, k8sNameSchema } from '@/lib/contracts/fleet';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { authorizeFleetMutation, setNodeUnschedulable } from '@/lib/server/hubs/mutations';
import { defineRoute } from '@/lib/server/http/route';
import { requireHub } from '@/lib/server/query/hub-service';
import { scopeForPrincipal } from '@/lib/server/query/scope';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ hub: hubNameSchema, name: k8sNameSchema });

/** Merge-patches spec.unschedulable on the hub; 202 — the change arrives through the watch. */
export const POST = defineRoute({ params: paramsSchema }, async ({ principal, params }) => {
  const hub = requireHub(getHubManager(), scopeForPrincipal(principal), params.hub);
  authorizeFleetMutation(principal, hub, 'uncordon');
  return NextResponse.json(await setNodeUnschedulable(hub, params.name, false), { status: 202 });
});
