import 'server-only';

import type { HubStore, ResourceKind } from '@/lib/server/hubs/hub-store';
import { KubeRequestError, type KubeStatus, type KubeTransport } from '@/lib/server/hubs/kube-transport';

/**
 * List-then-watch for one resource of one hub, restarting forever with exponential backoff and jitter:
 * a 410 (Expired / too old resource version) relists and reconciles (objects that vanished are
 * deleted); any other failure retries the watch from the last resourceVersion. Bookmarks keep the
 * resourceVersion fresh so reconnects rarely need a relist.
 */

export type WatchState = 'idle' | 'listing' | 'live' | 'reconnecting' | 'failing' | 'unavailable' | 'stopped';

export interface ResourceWatchOptions {
  kind: ResourceKind;
  /** Collection path, e.g. `/api/v1/pods`. */
  path: string;
  /** Page size for lists. */
  pageSize?: number;
  /** Server-side stream length; a healthy hub ends the stream cleanly after it. */
  timeoutSeconds?: number;
  /** Abort a watch that delivers nothing (no event, no bookmark) for this long. */
  idleTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** 403/404 make the resource `unavailable` (retried slowly) instead of failing the hub. */
  optional?: boolean;
  onStateChange?: () => void;
  onSynced?: () => void;
}

export interface WatchStatus {
  kind: ResourceKind;
  state: WatchState;
  synced: boolean;
  error: string | null;
  failingSince: number | null;
  lastEventAt: number | null;
  relists: number;
}

const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 30_000;

/** Full-jitter exponential backoff: a random delay in [d/2, d] with d doubling up to the cap. */
export function backoffDelay(attempt: number, baseMs = BACKOFF_BASE_MS, maxMs = BACKOFF_MAX_MS): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

class GoneError extends Error {}

export class ResourceWatch {
  readonly kind: ResourceKind;
  private state: WatchState = 'idle';
  private resourceVersion: string | null = null;
  private synced = false;
  private error: string | null = null;
  private failingSince: number | null = null;
  private lastEventAt: number | null = null;
  private relists = 0;
  private attempt = 0;
  private stopped = false;
  private current: AbortController | null = null;
  private wake: (() => void) | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly transport: KubeTransport,
    private readonly store: HubStore,
    private readonly options: ResourceWatchOptions,
  ) {
    this.kind = options.kind;
  }

  status(): WatchStatus {
    return {
      kind: this.kind,
      state: this.state,
      synced: this.synced,
      error: this.error,
      failingSince: this.failingSince,
      lastEventAt: this.lastEventAt,
      relists: this.relists,
    };
  }

  start(): void {
    if (this.running) return;
    this.stopped = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.current?.abort();
    this.wake?.();
    await this.running;
    this.running = null;
    this.setState('stopped');
  }

  /** Drop the current stream (e.g. the hub stopped answering): the loop reconnects with backoff. */
  interrupt(): void {
    this.current?.abort();
  }

  /** Retry now instead of waiting out the backoff (the hub answered again). */
  retryNow(): void {
    this.attempt = 0;
    this.wake?.();
  }

  /**
   * Diagnostic: restart the watch from a given resourceVersion. Used by tests to provoke a 410 with a
   * version the hub has compacted away, exercising the relist path against a real API server.
   */
  rewatchFrom(resourceVersion: string): void {
    this.resourceVersion = resourceVersion;
    this.current?.abort();
    this.wake?.();
  }

  private setState(state: WatchState, error: string | null = null): void {
    const failing = state === 'failing';
    if (failing && this.failingSince === null) this.failingSince = Date.now();
    if (!failing && state !== 'reconnecting') this.failingSince = null;
    const changed = state !== this.state || error !== this.error;
    this.state = state;
    this.error = error;
    if (changed) this.options.onStateChange?.();
  }

  private async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      timer.unref?.();
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        if (this.resourceVersion === null) await this.relist();
        await this.watchOnce();
        // A clean end (timeoutSeconds): reconnect at once, no backoff.
        if (!this.stopped) this.setState('reconnecting');
      } catch (error) {
        if (this.stopped) break;
        if (error instanceof GoneError || (error instanceof KubeRequestError && error.status === 410)) {
          this.resourceVersion = null;
          continue;
        }
        const err = error as KubeRequestError;
        if (this.options.optional && (err.status === 403 || err.status === 404)) {
          this.setState('unavailable', err.message);
          await this.sleep(60_000);
          continue;
        }
        // An aborted stream after interrupt() is a reconnect, not a failure of its own.
        this.setState('failing', err?.message ?? String(error));
        await this.sleep(backoffDelay(this.attempt++));
      }
    }
  }

  private async relist(): Promise<void> {
    this.setState('listing', this.error);
    this.relists++;
    const controller = new AbortController();
    this.current = controller;
    const seen = new Set<string>();
    // Lists are silent (streaming 200k upserts to browsers helps nobody); one aggregate change after a
    // relist tells clients to refetch instead.
    this.store.quiet.add(this.kind);
    try {
      let continueToken: string | undefined;
      let listVersion = '';
      do {
        const page = await this.transport.requestJson<{
          metadata?: { resourceVersion?: string; continue?: string };
          items?: unknown[];
        }>(
          this.options.path,
          { limit: this.options.pageSize ?? 1000, continue: continueToken },
          { timeoutMs: this.options.requestTimeoutMs ?? 30_000, signal: controller.signal },
        ).catch((error: unknown) => {
          // An expired continue token: start the list over.
          if (error instanceof KubeRequestError && error.status === 410) throw new GoneError();
          throw error;
        });
        for (const item of page.items ?? []) {
          seen.add(this.store.keyOf(this.kind, item));
          this.store.upsert(this.kind, item);
        }
        listVersion = page.metadata?.resourceVersion ?? listVersion;
        continueToken = page.metadata?.continue || undefined;
      } while (continueToken);
      for (const key of this.store.keys(this.kind)) {
        if (!seen.has(key)) this.store.remove(this.kind, key);
      }
      this.resourceVersion = listVersion;
      this.synced = true;
      this.lastEventAt = Date.now();
      this.options.onSynced?.();
    } finally {
      this.store.quiet.delete(this.kind);
    }
    this.store.onChange?.({ kind: 'aggregate' });
  }

  private async watchOnce(): Promise<void> {
    const controller = new AbortController();
    this.current = controller;
    const timeoutSeconds = this.options.timeoutSeconds ?? 240 + Math.floor(Math.random() * 60);
    await this.transport.watch(
      this.options.path,
      { resourceVersion: this.resourceVersion ?? undefined, allowWatchBookmarks: true, timeoutSeconds },
      (event) => this.onEvent(event),
      {
        signal: controller.signal,
        connectTimeoutMs: this.options.requestTimeoutMs ?? 15_000,
        idleTimeoutMs: this.options.idleTimeoutMs ?? (timeoutSeconds + 30) * 1000,
        onOpen: () => {
          this.attempt = 0;
          this.setState('live');
        },
      },
    );
  }

  private onEvent(event: { type: string; object: unknown }): void {
    this.lastEventAt = Date.now();
    // A watched object (ADDED/MODIFIED/DELETED/BOOKMARK) or, for ERROR, a metav1.Status; parsed JSON, read defensively.
    const object = event.object as (KubeStatus & { metadata?: { resourceVersion?: string } }) | null | undefined;
    const rv = object?.metadata?.resourceVersion;
    switch (event.type) {
      case 'ADDED':
      case 'MODIFIED':
        this.store.upsert(this.kind, object);
        break;
      case 'DELETED':
        this.store.remove(this.kind, this.store.keyOf(this.kind, object));
        break;
      case 'BOOKMARK':
        break;
      case 'ERROR': {
        if (object?.code === 410) throw new GoneError();
        throw new KubeRequestError(object?.message ?? 'watch error', { status: object?.code, kubeStatus: object ?? undefined });
      }
      default:
        return;
    }
    if (rv) this.resourceVersion = rv;
  }
}
