import 'server-only';

import type { FleetStreamEvent, FleetStreamQuery } from '@/lib/contracts/fleet';
import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import type { FleetChange, HubManager } from '@/lib/server/hubs/hub-manager';
import type { NodeRecord } from '@/lib/server/hubs/records';
import { nodeListItem, podListItem } from '@/lib/server/query/dto';
import { selectHubs } from '@/lib/server/query/hub-service';
import { scopeAllowsNamespace, scopeAllowsNode, type FleetScope } from '@/lib/server/query/scope';
import { hubPartiallyVisible, visiblePodsOnNode } from '@/lib/server/rbac/fleet-access';

/**
 * The live fleet stream as SSE bytes. Changes are coalesced per object over a short window (a pod
 * that changes 5 times in 200 ms is sent once, in its latest state), bursts are capped (beyond the
 * cap a `summary` event tells clients to refetch), and a slow client gets summaries only.
 */

export const STREAM_FLUSH_MS = 200;
export const STREAM_HEARTBEAT_MS = 15_000;
const SUMMARY_MIN_INTERVAL_MS = 500;
/** Detail events per flush; a relist or mass change beyond this becomes one `summary`. */
const MAX_EVENTS_PER_FLUSH = 1000;
/** Bytes queued for a client that does not read: past this, detail events are dropped. */
const SLOW_CLIENT_BYTES = 4 * 1024 * 1024;

export interface FleetStreamOptions {
  signal: AbortSignal;
  flushMs?: number;
  heartbeatMs?: number;
}

/** Validates the hub filter (400 `hub` for unknown hubs) before the stream starts. */
/** A node row as this caller sees it (tenants: their own pod count on shared nodes). */
function scopedNodeFor(scope: FleetScope) {
  return (hub: HubConnection, node: NodeRecord) => {
    const item = nodeListItem(hub, node);
    if (scope.kind === 'limited' && scope.visibility && hubPartiallyVisible(scope.visibility, hub)) item.pods = visiblePodsOnNode(scope.visibility, hub, node.name);
    return item;
  };
}

export function createFleetStream(manager: HubManager, scope: FleetScope, query: FleetStreamQuery, options: FleetStreamOptions): ReadableStream<Uint8Array> {
  const scopedNode = scopedNodeFor(scope);
  const wantedHubs = new Set(selectHubs(manager, scope, { hub: query.hub }).map((hub) => hub.name));
  const hubFiltered = query.hub !== undefined;
  const types = new Set<string>(query.types ?? ['hub', 'node', 'pod', 'workload', 'summary']);
  const encoder = new TextEncoder();
  const pending = new Map<string, FleetChange>();
  let summaryDirty = false;
  let lastSummaryAt = 0;
  let closed = false;
  let unsubscribe: (() => void) | null = null;
  let flushTimer: NodeJS.Timeout | null = null;
  let heartbeatTimer: NodeJS.Timeout | null = null;

  // Recomputed when hubs are added or removed, not per event.
  let visibleHubs = new Set(selectHubs(manager, scope, {}).map((hub) => hub.name));
  const hubVisible = (name: string) => (hubFiltered ? wantedHubs.has(name) : visibleHubs.has(name));

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const send = (event: FleetStreamEvent) => controller.enqueue(encoder.encode(`data: ${JSON.stringify(event)}\n\n`));
        const cleanup = () => {
          if (closed) return;
          closed = true;
          unsubscribe?.();
          if (flushTimer) clearInterval(flushTimer);
          if (heartbeatTimer) clearInterval(heartbeatTimer);
          options.signal.removeEventListener('abort', onAbort);
          try {
            controller.close();
          } catch {
            // Already closed by the runtime after a client abort.
          }
        };
        const onAbort = () => cleanup();
        options.signal.addEventListener('abort', onAbort, { once: true });

        controller.enqueue(encoder.encode('retry: 3000\n\n'));
        send({ type: 'hello', at: new Date().toISOString() });
        if (types.has('hub')) {
          for (const hub of manager.list()) if (hubVisible(hub.name)) send({ type: 'hub', hub: hub.listStatus() });
        }

        unsubscribe = manager.subscribe((change) => {
          if (change.kind === 'hubs-changed') {
            visibleHubs = new Set(selectHubs(manager, scope, {}).map((hub) => hub.name));
            summaryDirty = true;
            return;
          }
          if (!hubVisible(change.hub)) return;
          switch (change.kind) {
            case 'hub':
              pending.set(`hub|${change.hub}`, change);
              summaryDirty = true;
              return;
            case 'node':
              if (types.has('node')) pending.set(`node|${change.hub}|${change.name}`, change);
              summaryDirty = true;
              return;
            case 'pod':
              if (types.has('pod')) pending.set(`pod|${change.hub}|${change.namespace}/${change.name}`, change);
              summaryDirty = true;
              return;
            case 'workload':
              if (types.has('workload')) pending.set(`workload|${change.hub}|${change.namespace}/${change.name}`, change);
              return;
            case 'aggregate':
              summaryDirty = true;
              return;
          }
        });

        const flush = () => {
          if (closed) return;
          const slow = (controller.desiredSize ?? 0) < -SLOW_CLIENT_BYTES;
          let sent = 0;
          for (const [key, change] of pending) {
            pending.delete(key);
            if (change.kind === 'hubs-changed') continue;
            if (change.kind === 'hub') {
              const hub = manager.get(change.hub);
              if (hub && types.has('hub')) send({ type: 'hub', hub: hub.listStatus() });
              continue;
            }
            if (slow || sent >= MAX_EVENTS_PER_FLUSH) {
              summaryDirty = true;
              continue;
            }
            const hub = manager.get(change.hub);
            if (!hub) continue;
            if (change.kind === 'node') {
              if (!scopeAllowsNode(scope, hub, change.name)) continue;
              const node = hub.store.nodes.get(change.name);
              send(
                node
                  ? { type: 'node', op: 'upsert', hub: hub.name, name: change.name, node: scopedNode(hub, node) }
                  : { type: 'node', op: 'delete', hub: hub.name, name: change.name, node: null },
              );
              sent++;
            } else if (change.kind === 'pod') {
              if (!scopeAllowsNamespace(scope, hub, change.namespace)) continue;
              const pod = hub.store.pods.get(`${change.namespace}/${change.name}`);
              send(
                pod
                  ? { type: 'pod', op: 'upsert', hub: hub.name, namespace: change.namespace, name: change.name, pod: podListItem(hub, pod) }
                  : { type: 'pod', op: 'delete', hub: hub.name, namespace: change.namespace, name: change.name, pod: null },
              );
              sent++;
            } else if (change.kind === 'workload') {
              if (!scopeAllowsNamespace(scope, hub, change.namespace)) continue;
              send({ type: 'workload', hub: hub.name, namespace: change.namespace, name: change.name });
              sent++;
            }
          }
          const now = Date.now();
          if (summaryDirty && types.has('summary') && now - lastSummaryAt >= SUMMARY_MIN_INTERVAL_MS) {
            summaryDirty = false;
            lastSummaryAt = now;
            send({ type: 'summary', at: new Date(now).toISOString() });
          }
        };
        flushTimer = setInterval(flush, options.flushMs ?? STREAM_FLUSH_MS);
        heartbeatTimer = setInterval(() => {
          if (!closed) controller.enqueue(encoder.encode(`: keep-alive ${new Date().toISOString()}\n\n`));
        }, options.heartbeatMs ?? STREAM_HEARTBEAT_MS);
        if (options.signal.aborted) cleanup();
      },
      cancel() {
        closed = true;
        unsubscribe?.();
        if (flushTimer) clearInterval(flushTimer);
        if (heartbeatTimer) clearInterval(heartbeatTimer);
      },
    },
    // Count queued bytes, so desiredSize tells how far behind the client is.
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}
