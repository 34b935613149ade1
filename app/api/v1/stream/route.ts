import { fleetStreamQuerySchema } from '@/lib/contracts/fleet';
import { getHubManager } from '@/lib/server/hubs/hub-manager';
import { defineRoute } from '@/lib/server/http/route';
import { scopeForRequest } from '@/lib/server/query/narrowing';
import { createFleetStream } from '@/lib/server/query/stream-service';

// A long-lived stream fed by the in-process watch caches: Node runtime, never cached.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Server-Sent Events: hello, hub status, node/pod/workload changes, coalesced summary ticks; heartbeat every 15 s. */
export const GET = defineRoute({ query: fleetStreamQuerySchema }, ({ principal, query, req }) => {
  const stream = createFleetStream(getHubManager(), scopeForRequest(principal, req), query, { signal: req.signal });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Proxies (nginx) must not buffer the stream.
      'x-accel-buffering': 'no',
    },
  });
});
