'use client';
/**
 * The live fleet stream (GET /api/v1/stream, SSE). One EventSource per tab, shared by every component
 * that calls `useFleetStream`; events patch cached lists in place (so a node turning NotReady repaints
 * its row without refetching 10,000 rows) and invalidate the small queries (summary, details).
 * Reconnects with exponential backoff and jitter; after a reconnect everything fleet is refetched,
 * because events sent while we were away are lost.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient, type InfiniteData, type QueryClient, type QueryKey } from '@tanstack/react-query';
import {
  fleetStreamEventSchema,
  type FleetStreamEvent,
  type HubListStatus,
  type NodeListItem,
  type PagedResponse,
  type PodListItem,
} from '@/lib/contracts/fleet';
import { fleetKeys } from './fleet-api';

/** connecting: first attempt; live: receiving events; reconnecting: lost, retrying after a backoff. */
export type FleetStreamState = 'connecting' | 'live' | 'reconnecting';

export interface FleetStreamSnapshot {
  state: FleetStreamState;
  /** When the last event (or hello) arrived, epoch ms; null before the first. */
  lastEventAt: number | null;
  /** Seconds until the next reconnect attempt when reconnecting. */
  retryInMs: number | null;
}

const STREAM_URL = '/api/v1/stream';
const BACKOFF_MIN_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;
/** Patches are batched: a churning fleet sends hundreds of events a second, a repaint per frame is plenty. */
const FLUSH_INTERVAL_MS = 250;
/** Summary-like queries are refetched at most this often however many events arrive. */
const INVALIDATE_DEBOUNCE_MS = 500;

/** Exponential backoff with ±30 % jitter so many tabs don't reconnect in lockstep after a server restart. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.7 + random() * 0.6));
}

type Page<T> = PagedResponse<T>;

/** Applies a batch of stream events to every cached query they touch. Exported for unit tests. */
export function applyFleetEvents(client: QueryClient, events: FleetStreamEvent[]): { invalidate: QueryKey[] } {
  const nodeUpserts = new Map<string, NodeListItem>();
  const nodeDeletes = new Set<string>();
  const podUpserts = new Map<string, PodListItem>();
  const podDeletes = new Set<string>();
  const hubUpdates = new Map<string, HubListStatus>();
  const invalidate = new Map<string, QueryKey>();
  const addInvalidate = (key: QueryKey) => invalidate.set(JSON.stringify(key), key);

  for (const event of events) {
    switch (event.type) {
      case 'node': {
        const id = `${event.hub}/${event.name}`;
        if (event.op === 'upsert' && event.node) {
          nodeUpserts.set(id, event.node);
          nodeDeletes.delete(id);
        } else if (event.op === 'delete') {
          nodeDeletes.add(id);
          nodeUpserts.delete(id);
        }
        addInvalidate(fleetKeys.node(event.hub, event.name));
        break;
      }
      case 'pod': {
        const id = `${event.hub}/${event.namespace}/${event.name}`;
        if (event.op === 'upsert' && event.pod) {
          podUpserts.set(id, event.pod);
          podDeletes.delete(id);
        } else if (event.op === 'delete') {
          podDeletes.add(id);
          podUpserts.delete(id);
        }
        addInvalidate(fleetKeys.pod(event.hub, event.namespace, event.name));
        if (event.pod?.node) addInvalidate(fleetKeys.node(event.hub, event.pod.node));
        break;
      }
      case 'workload':
        addInvalidate(fleetKeys.workloadLists());
        break;
      case 'hub':
        hubUpdates.set(event.hub.hub, event.hub);
        addInvalidate(fleetKeys.summary());
        addInvalidate(fleetKeys.hubs());
        addInvalidate(fleetKeys.datacenterLists());
        addInvalidate(['fleet', 'datacenter']);
        break;
      case 'summary':
        addInvalidate(fleetKeys.summary());
        addInvalidate(fleetKeys.hubs());
        addInvalidate(fleetKeys.datacenterLists());
        addInvalidate(['fleet', 'datacenter']);
        break;
      case 'hello':
        break;
    }
  }

  const patchHubs = (hubs: HubListStatus[]) =>
    hubUpdates.size ? hubs.map((status) => hubUpdates.get(status.hub) ?? status) : hubs;

  if (nodeUpserts.size || nodeDeletes.size || hubUpdates.size) {
    client.setQueriesData<InfiniteData<Page<NodeListItem>>>({ queryKey: fleetKeys.nodeLists() }, (data) =>
      data ? patchPages(data, (node) => `${node.hub}/${node.name}`, nodeUpserts, nodeDeletes, patchHubs) : data,
    );
  }
  if (podUpserts.size || podDeletes.size || hubUpdates.size) {
    client.setQueriesData<InfiniteData<Page<PodListItem>>>({ queryKey: fleetKeys.podLists() }, (data) =>
      data ? patchPages(data, (pod) => `${pod.hub}/${pod.namespace}/${pod.name}`, podUpserts, podDeletes, patchHubs) : data,
    );
  }
  if (hubUpdates.size) {
    client.setQueriesData<InfiniteData<Page<unknown>>>({ queryKey: fleetKeys.workloadLists() }, (data) =>
      data ? { ...data, pages: data.pages.map((page) => ({ ...page, hubs: patchHubs(page.hubs) })) } : data,
    );
  }
  return { invalidate: [...invalidate.values()] };
}

function patchPages<T>(
  data: InfiniteData<Page<T>>,
  idOf: (item: T) => string,
  upserts: Map<string, T>,
  deletes: Set<string>,
  patchHubs: (hubs: HubListStatus[]) => HubListStatus[],
): InfiniteData<Page<T>> {
  let changed = false;
  const pages = data.pages.map((page) => {
    let pageChanged = false;
    let removed = 0;
    const items: T[] = [];
    for (const item of page.items) {
      const id = idOf(item);
      if (deletes.has(id)) {
        pageChanged = true;
        removed++;
        continue;
      }
      const next = upserts.get(id);
      if (next) {
        pageChanged = true;
        items.push(next);
      } else {
        items.push(item);
      }
    }
    const hubs = patchHubs(page.hubs);
    if (!pageChanged && hubs === page.hubs) return page;
    changed = true;
    // New objects are not inserted: their place depends on the server's sort; the next refetch shows them.
    return { ...page, items: pageChanged ? items : page.items, total: Math.max(0, page.total - removed), hubs };
  });
  return changed ? { ...data, pages } : data;
}

// ---------------------------------------------------------------------------------------------
// The shared connection
// ---------------------------------------------------------------------------------------------

class FleetStreamConnection {
  private snapshot: FleetStreamSnapshot = { state: 'connecting', lastEventAt: null, retryInMs: null };
  private listeners = new Set<() => void>();
  private clients = new Map<QueryClient, number>();
  private source: EventSource | null = null;
  private attempt = 0;
  private everConnected = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private invalidateTimer: ReturnType<typeof setTimeout> | null = null;
  private queue: FleetStreamEvent[] = [];
  private pendingInvalidations = new Map<string, QueryKey>();

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  retain(client: QueryClient) {
    this.clients.set(client, (this.clients.get(client) ?? 0) + 1);
    if (!this.source && !this.retryTimer) this.open();
  }

  release(client: QueryClient) {
    const count = (this.clients.get(client) ?? 1) - 1;
    if (count > 0) this.clients.set(client, count);
    else this.clients.delete(client);
    if (this.clients.size === 0) {
      // Deferred: a page transition unmounts one subscriber just before the next page mounts its own.
      setTimeout(() => {
        if (this.clients.size === 0) this.close();
      }, 1_000);
    }
  }

  private set(next: Partial<FleetStreamSnapshot>) {
    this.snapshot = { ...this.snapshot, ...next };
    for (const listener of this.listeners) listener();
  }

  private open() {
    this.retryTimer = null;
    const source = new EventSource(STREAM_URL, { withCredentials: true });
    this.source = source;
    source.onmessage = (message) => this.onMessage(message.data);
    source.onerror = () => {
      // EventSource retries on its own only for some failures (never after an HTTP error status);
      // owning the retry gives one predictable backoff for all of them.
      source.close();
      if (this.source !== source) return;
      this.source = null;
      const delay = backoffDelay(this.attempt++);
      this.set({ state: 'reconnecting', retryInMs: delay });
      this.retryTimer = setTimeout(() => this.open(), delay);
    };
  }

  private close() {
    this.source?.close();
    this.source = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.set({ state: 'connecting', retryInMs: null });
  }

  private onMessage(data: string) {
    let event: FleetStreamEvent;
    try {
      const parsed = fleetStreamEventSchema.safeParse(JSON.parse(data));
      if (!parsed.success) return;
      event = parsed.data;
    } catch {
      return;
    }
    if (event.type === 'hello') {
      this.attempt = 0;
      const wasReconnect = this.everConnected;
      this.everConnected = true;
      this.set({ state: 'live', lastEventAt: Date.now(), retryInMs: null });
      // Whatever changed while we were away was not streamed to us: refetch what is on screen.
      if (wasReconnect) for (const client of this.clients.keys()) void client.invalidateQueries({ queryKey: fleetKeys.all });
      return;
    }
    if (this.snapshot.state !== 'live') this.set({ state: 'live', retryInMs: null });
    this.snapshot = { ...this.snapshot, lastEventAt: Date.now() };
    this.queue.push(event);
    if (!this.flushTimer) this.flushTimer = setTimeout(() => this.flush(), FLUSH_INTERVAL_MS);
  }

  private flush() {
    this.flushTimer = null;
    const events = this.queue;
    this.queue = [];
    for (const client of this.clients.keys()) {
      const { invalidate } = applyFleetEvents(client, events);
      for (const key of invalidate) this.pendingInvalidations.set(JSON.stringify(key), key);
    }
    if (this.pendingInvalidations.size && !this.invalidateTimer) {
      this.invalidateTimer = setTimeout(() => this.runInvalidations(), INVALIDATE_DEBOUNCE_MS);
    }
  }

  private runInvalidations() {
    this.invalidateTimer = null;
    const keys = [...this.pendingInvalidations.values()];
    this.pendingInvalidations.clear();
    for (const client of this.clients.keys()) {
      // Only what someone is looking at is refetched; the rest is marked stale for later.
      for (const queryKey of keys) void client.invalidateQueries({ queryKey, refetchType: 'active' });
    }
  }
}

let connection: FleetStreamConnection | null = null;
function getConnection(): FleetStreamConnection {
  connection ??= new FleetStreamConnection();
  return connection;
}

const serverSnapshot: FleetStreamSnapshot = { state: 'connecting', lastEventAt: null, retryInMs: null };

/**
 * Subscribes the calling component to the live fleet stream (opening it if needed) and returns its state.
 * Mount it wherever live data is shown; every mounted caller shares one connection.
 */
export function useFleetStream(): FleetStreamSnapshot {
  const client = useQueryClient();
  useEffect(() => {
    const shared = getConnection();
    shared.retain(client);
    return () => shared.release(client);
  }, [client]);
  return useSyncExternalStore(
    (listener) => getConnection().subscribe(listener),
    () => getConnection().getSnapshot(),
    () => serverSnapshot,
  );
}
