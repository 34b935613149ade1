import type { KubeObject, ObjectOf, PodObject } from './types';

/** One stored object plus its lazily cached JSON (objects are immutable once stored). */
export interface Entry<T extends KubeObject = KubeObject> {
  obj: T;
  rv: number;
  json?: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  rv: number;
  type: WatchEventType;
  resource: string;
  entry: Entry;
  /** The object before this change (for selector transitions); undefined for ADDED. */
  prev?: KubeObject;
}

export interface StoreListener {
  resource: string;
  onEvent(event: StoreEvent): void;
}

/**
 * Serialized JSON is cached per object version, within a process-wide budget: at large scale caching
 * every pod would cost ~600 MB, so when the budget fills the whole cache is dropped and refilled by
 * whatever is read next (hot objects and the pages being listed).
 */
const JSON_CACHE_BUDGET_CHARS = 128 * 1024 * 1024;
let cachedChars = 0;
let cachedEntries: Entry[] = [];

export function entryJson(entry: Entry): string {
  if (entry.json !== undefined) return entry.json;
  const json = JSON.stringify(entry.obj);
  if (cachedChars + json.length > JSON_CACHE_BUDGET_CHARS) {
    for (const e of cachedEntries) e.json = undefined;
    cachedEntries = [];
    cachedChars = 0;
  }
  entry.json = json;
  cachedEntries.push(entry);
  cachedChars += json.length;
  return json;
}

export function objectKey(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name;
}

/** Objects of one resource with a sorted key index (etcd order) for cheap paginated lists. */
class ResourceTable {
  readonly entries = new Map<string, Entry>();
  readonly sortedKeys: string[] = [];

  insertKey(key: string): void {
    const i = lowerBound(this.sortedKeys, key);
    if (this.sortedKeys[i] !== key) this.sortedKeys.splice(i, 0, key);
  }

  removeKey(key: string): void {
    const i = lowerBound(this.sortedKeys, key);
    if (this.sortedKeys[i] === key) this.sortedKeys.splice(i, 1);
  }
}

export function lowerBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A hub's object store: one resourceVersion counter for all kinds (like etcd's revision), per-resource
 * sorted tables, a pods-by-node index, a bounded history of changes for watch resumption, and fan-out
 * to live watchers.
 */
export class Store {
  private revision = 1;
  private readonly tables = new Map<string, ResourceTable>();
  private readonly history: StoreEvent[] = [];
  private historyStart = 0;
  /** Oldest revision a watch may resume from; anything older gets 410 Expired. */
  private compactedRevision = 1;
  private readonly listeners = new Map<string, Set<StoreListener>>();
  readonly podsByNode = new Map<string, Set<string>>();
  private seeding = true;

  constructor(private readonly historyLimit: number) {}

  get resourceVersion(): number {
    return this.revision;
  }

  get oldestResumableRevision(): number {
    return this.compactedRevision;
  }

  table(resource: string): ResourceTable {
    let t = this.tables.get(resource);
    if (!t) {
      t = new ResourceTable();
      this.tables.set(resource, t);
    }
    return t;
  }

  /**
   * The entry under `key`. A resource holds objects of one kind only (`ResourceObjects` says which),
   * so the entry is typed after the resource it was read from.
   */
  get<R extends string>(resource: R, key: string): Entry<ObjectOf<R>> | undefined {
    return this.tables.get(resource)?.entries.get(key) as Entry<ObjectOf<R>> | undefined;
  }

  getObject<R extends string>(resource: R, key: string): ObjectOf<R> | undefined {
    return this.get(resource, key)?.obj;
  }

  count(resource: string): number {
    return this.tables.get(resource)?.entries.size ?? 0;
  }

  /** Iterate entries in key order, optionally only one namespace, starting after a key. */
  *iterate<R extends string>(resource: R, namespace?: string, afterKey?: string): Generator<Entry<ObjectOf<R>>> {
    const t = this.tables.get(resource);
    if (!t) return;
    const keys = t.sortedKeys;
    const prefix = namespace ? `${namespace}/` : '';
    let start = 0;
    if (afterKey !== undefined) {
      start = lowerBound(keys, afterKey);
      if (keys[start] === afterKey) start++;
    }
    if (prefix) start = Math.max(start, lowerBound(keys, prefix));
    for (let i = start; i < keys.length; i++) {
      const key = keys[i];
      if (prefix && !key.startsWith(prefix)) break;
      const entry = t.entries.get(key) as Entry<ObjectOf<R>> | undefined;
      if (entry) yield entry;
    }
  }

  values<R extends string>(resource: R): IterableIterator<Entry<ObjectOf<R>>> {
    return this.table(resource).entries.values() as IterableIterator<Entry<ObjectOf<R>>>;
  }

  /** Create without emitting history, used while generating the initial world. */
  seed(resource: string, obj: KubeObject): void {
    this.commit(resource, obj, 'ADDED', false);
  }

  /** End of initial generation: sort key indexes once instead of inserting each key in order. */
  finishSeeding(): void {
    this.seeding = false;
    for (const t of this.tables.values()) {
      t.sortedKeys.length = 0;
      for (const k of t.entries.keys()) t.sortedKeys.push(k);
      t.sortedKeys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
  }

  create(resource: string, obj: KubeObject): Entry {
    return this.commit(resource, obj, 'ADDED', true);
  }

  /** Store a new version. The caller passes a fresh object (never mutate a stored one). */
  update(resource: string, obj: KubeObject): Entry {
    return this.commit(resource, obj, 'MODIFIED', true);
  }

  delete(resource: string, key: string): Entry | undefined {
    const t = this.tables.get(resource);
    const existing = t?.entries.get(key);
    if (!t || !existing) return undefined;
    const rv = ++this.revision;
    // A deleted object is reported with the deletion's resourceVersion, as the apiserver does.
    const obj = { ...existing.obj, metadata: { ...existing.obj.metadata, resourceVersion: String(rv) } };
    const entry: Entry = { obj, rv };
    t.entries.delete(key);
    t.removeKey(key);
    if (resource === 'pods') this.unindexPod(existing.obj);
    this.record({ rv, type: 'DELETED', resource, entry, prev: existing.obj });
    return entry;
  }

  private commit(resource: string, obj: KubeObject, type: WatchEventType, emit: boolean): Entry {
    const t = this.table(resource);
    const key = objectKey(obj);
    const prevEntry = t.entries.get(key);
    const rv = ++this.revision;
    obj.metadata = { ...obj.metadata, resourceVersion: String(rv) };
    const entry: Entry = { obj, rv };
    t.entries.set(key, entry);
    if (!prevEntry && !this.seeding) t.insertKey(key);
    if (resource === 'pods') {
      if (prevEntry) this.unindexPod(prevEntry.obj);
      this.indexPod(obj);
    }
    if (emit) this.record({ rv, type: prevEntry ? type : 'ADDED', resource, entry, prev: prevEntry?.obj });
    else this.compactedRevision = rv;
    return entry;
  }

  private indexPod(pod: KubeObject): void {
    // Only called for the pods resource; a pod written without a spec is simply not on a node.
    const node = (pod as PodObject).spec?.nodeName;
    if (!node) return;
    let set = this.podsByNode.get(node);
    if (!set) {
      set = new Set();
      this.podsByNode.set(node, set);
    }
    set.add(objectKey(pod));
  }

  private unindexPod(pod: KubeObject): void {
    // Only called for the pods resource; a pod written without a spec is simply not on a node.
    const node = (pod as PodObject).spec?.nodeName;
    if (node) this.podsByNode.get(node)?.delete(objectKey(pod));
  }

  private record(event: StoreEvent): void {
    this.history.push(event);
    if (this.history.length - this.historyStart > this.historyLimit) {
      const dropped = this.history[this.historyStart];
      this.historyStart++;
      this.compactedRevision = dropped.rv;
      // Compact the array occasionally rather than shifting on every event.
      if (this.historyStart > 4096 && this.historyStart > this.history.length / 2) {
        this.history.splice(0, this.historyStart);
        this.historyStart = 0;
      }
    }
    const set = this.listeners.get(event.resource);
    if (set) for (const l of set) l.onEvent(event);
  }

  /** Forget all history, as an etcd compaction would: every older resourceVersion now gets 410. */
  compact(): void {
    this.history.length = 0;
    this.historyStart = 0;
    this.compactedRevision = this.revision;
  }

  /** Events with rv > fromRevision for a resource, or undefined if that history has been compacted. */
  eventsSince(resource: string, fromRevision: number): StoreEvent[] | undefined {
    if (fromRevision < this.compactedRevision) return undefined;
    const out: StoreEvent[] = [];
    // History is ordered by rv; binary search for the first event after fromRevision.
    let lo = this.historyStart;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.history[mid].rv <= fromRevision) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.history.length; i++) {
      const e = this.history[i];
      if (e.resource === resource) out.push(e);
    }
    return out;
  }

  subscribe(listener: StoreListener): () => void {
    let set = this.listeners.get(listener.resource);
    if (!set) {
      set = new Set();
      this.listeners.set(listener.resource, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  listenerCount(): number {
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }
}
