import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hub } from '../world/hub';
import { entryJson, lowerBound, type Entry, type StoreEvent } from '../world/store';
import type { KubeObject } from '../world/types';
import { apiVersionOf, type ResourceDef } from './resources';
import { matchFields, matchLabels, parseFieldSelector, parseLabelSelector, type FieldRequirement, type LabelRequirement } from './selectors';
import { ApiError, badRequest } from './status';
import { tableVersion, toTable, wantsTable, type IncludeObject } from './table';

export interface RequestContext {
  hub: Hub;
  resource: ResourceDef;
  namespace?: string;
  params: URLSearchParams;
  req: IncomingMessage;
  res: ServerResponse;
  /** Called when a long-running response starts, so the hub can destroy it on an outage. */
  track(res: ServerResponse): void;
}

interface Filter {
  namespace?: string;
  labels: LabelRequirement[];
  fields: FieldRequirement[];
}

function buildFilter(ctx: RequestContext, name?: string): Filter {
  const labels = parseLabelSelector(ctx.params.get('labelSelector'));
  const fields = parseFieldSelector(ctx.params.get('fieldSelector'), ctx.resource);
  if (name) fields.push({ field: 'metadata.name', op: '=', value: name });
  return { namespace: ctx.namespace, labels, fields };
}

function matches(f: Filter, obj: KubeObject): boolean {
  if (f.namespace && obj.metadata.namespace !== f.namespace) return false;
  return matchLabels(f.labels, obj.metadata.labels) && matchFields(f.fields, obj);
}

function includeObjectParam(params: URLSearchParams): IncludeObject {
  const v = params.get('includeObject');
  if (v === null || v === '') return 'Metadata';
  if (v === 'None' || v === 'Metadata' || v === 'Object') return v;
  throw badRequest(`includeObject: Unsupported value: "${v}": supported values: "Metadata", "None", "Object"`);
}

interface ContinueToken {
  v: 'meta.k8s.io/v1';
  rv: number;
  start: string;
}

function encodeContinue(rv: number, start: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start } satisfies ContinueToken)).toString('base64url');
}

function decodeContinue(token: string): ContinueToken {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinueToken;
    if (parsed.v !== 'meta.k8s.io/v1' || typeof parsed.rv !== 'number' || typeof parsed.start !== 'string') throw new Error('bad');
    return parsed;
  } catch {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}

/** Pick the fastest candidate set: the pods-by-node index when a spec.nodeName selector allows it. */
function* candidates(ctx: RequestContext, f: Filter, afterKey?: string): Generator<Entry> {
  const nodeReq = ctx.resource.id === 'pods' ? f.fields.find((r) => r.field === 'spec.nodeName' && r.op === '=') : undefined;
  if (nodeReq) {
    const keys = [...(ctx.hub.store.podsByNode.get(nodeReq.value) ?? [])].sort();
    for (const k of keys) {
      if (afterKey !== undefined && k <= afterKey) continue;
      const e = ctx.hub.store.get('pods', k);
      if (e) yield e;
    }
    return;
  }
  const nameReq = f.fields.find((r) => r.field === 'metadata.name' && r.op === '=');
  if (nameReq && (f.namespace || !ctx.resource.namespaced)) {
    const key = f.namespace ? `${f.namespace}/${nameReq.value}` : nameReq.value;
    if (afterKey === undefined || key > afterKey) {
      const e = ctx.hub.store.get(ctx.resource.id, key);
      if (e) yield e;
    }
    return;
  }
  yield* ctx.hub.store.iterate(ctx.resource.id, f.namespace, afterKey);
}

function parseLimit(params: URLSearchParams): number {
  const raw = params.get('limit');
  if (raw === null || raw === '') return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`limit: Invalid value: "${raw}": must be a non-negative integer`);
  return n;
}

export function handleList(ctx: RequestContext): void {
  const f = buildFilter(ctx);
  const limit = parseLimit(ctx.params);
  const store = ctx.hub.store;
  let listRv = store.resourceVersion;
  let afterKey: string | undefined;
  const token = ctx.params.get('continue');
  if (token) {
    const c = decodeContinue(token);
    if (c.rv < store.oldestResumableRevision) {
      throw new ApiError(410, 'Expired', 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.');
    }
    listRv = c.rv;
    afterKey = c.start;
  }
  const picked: Entry[] = [];
  let more = false;
  for (const e of candidates(ctx, f, afterKey)) {
    if (!matches(f, e.obj)) continue;
    if (limit > 0 && picked.length === limit) {
      more = true;
      break;
    }
    picked.push(e);
  }
  const meta: Record<string, unknown> = { resourceVersion: String(listRv) };
  if (more) {
    const last = picked[picked.length - 1].obj;
    meta.continue = encodeContinue(listRv, last.metadata.namespace ? `${last.metadata.namespace}/${last.metadata.name}` : last.metadata.name);
    if (f.labels.length === 0 && f.fields.length === 0 && !f.namespace) {
      const keys = store.table(ctx.resource.id).sortedKeys;
      meta.remainingItemCount = Math.max(0, keys.length - lowerBound(keys, meta.continue ? lastKey(picked) : '') - 1);
    }
  }
  const accept = ctx.req.headers.accept;
  if (wantsTable(accept)) {
    const table = toTable(ctx.resource, picked.map((e) => e.obj), meta, includeObjectParam(ctx.params), tableVersion(accept));
    const body = JSON.stringify(table);
    ctx.res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    ctx.res.end(body);
    return;
  }
  const head = `{"kind":"${ctx.resource.kind}List","apiVersion":"${apiVersionOf(ctx.resource)}","metadata":${JSON.stringify(meta)},"items":[`;
  const parts: string[] = [head];
  for (let i = 0; i < picked.length; i++) {
    if (i > 0) parts.push(',');
    parts.push(entryJson(picked[i]));
  }
  parts.push(']}');
  const body = parts.join('');
  ctx.res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache, private' });
  ctx.res.end(body);
}

function lastKey(picked: Entry[]): string {
  const last = picked[picked.length - 1].obj;
  return last.metadata.namespace ? `${last.metadata.namespace}/${last.metadata.name}` : last.metadata.name;
}

const BOOKMARK_INTERVAL_MS = 10_000;
/** Live events queued for a consumer that does not read (beyond an initial sync) before it is cut off. */
const MAX_QUEUED_EVENTS = 250_000;

export function handleWatch(ctx: RequestContext, name?: string): void {
  const f = buildFilter(ctx, name);
  const store = ctx.hub.store;
  const rvParam = ctx.params.get('resourceVersion');
  const bookmarks = ctx.params.get('allowWatchBookmarks') === 'true';
  const timeoutRaw = ctx.params.get('timeoutSeconds');
  let timeoutSeconds = 1800;
  if (timeoutRaw !== null && timeoutRaw !== '') {
    const n = Number(timeoutRaw);
    if (!Number.isInteger(n) || n < 0) throw badRequest(`timeoutSeconds: Invalid value: "${timeoutRaw}": must be a non-negative integer`);
    if (n > 0) timeoutSeconds = n;
  }
  let fromRv: number | undefined;
  if (rvParam !== null && rvParam !== '' && rvParam !== '0') {
    const n = Number(rvParam);
    if (!Number.isInteger(n) || n < 0) throw badRequest(`resourceVersion: Invalid value: "${rvParam}": must be a valid resource version`);
    fromRv = n;
  }
  const accept = ctx.req.headers.accept;
  const asTable = wantsTable(accept);
  const include = asTable ? includeObjectParam(ctx.params) : 'Object';
  const version = tableVersion(accept);
  const res = ctx.res;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  ctx.req.socket.setNoDelay(true);
  ctx.track(res);

  const line = (type: string, entry: Entry): string => {
    if (!asTable) return `{"type":"${type}","object":${entryJson(entry)}}\n`;
    return `{"type":"${type}","object":${JSON.stringify(toTable(ctx.resource, [entry.obj], { resourceVersion: entry.obj.metadata.resourceVersion }, include, version))}}\n`;
  };
  // Events are queued and written with backpressure: an initial sync of 20,000 pods must not be
  // buffered in memory all at once, and a consumer that stops reading is cut off.
  const queue: Array<{ type: string; entry: Entry }> = [];
  let head = 0;
  let waitingForDrain = false;
  const pump = (): void => {
    waitingForDrain = false;
    while (head < queue.length && !res.destroyed && !res.writableEnded) {
      let chunk = '';
      while (head < queue.length && chunk.length < 256 * 1024) {
        const item = queue[head++];
        chunk += line(item.type, item.entry);
      }
      if (!res.write(chunk)) {
        waitingForDrain = true;
        res.once('drain', pump);
        break;
      }
    }
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    } else if (head > 10_000) {
      queue.splice(0, head);
      head = 0;
    }
  };
  let scheduled = false;
  const enqueue = (type: string, entry: Entry): void => {
    queue.push({ type, entry });
    if (queue.length - head > MAX_QUEUED_EVENTS) {
      res.destroy();
      return;
    }
    if (!waitingForDrain && !scheduled) {
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        if (!waitingForDrain) pump();
      });
    }
  };
  const write = (text: string): void => {
    if (!res.destroyed && !res.writableEnded && !waitingForDrain && queue.length === 0) res.write(text);
  };

  let lastRv = store.resourceVersion;
  const onEvent = (e: StoreEvent): void => {
    lastRv = e.rv;
    const now = matches(f, e.entry.obj);
    const before = e.prev ? matches(f, e.prev) : false;
    if (e.type === 'ADDED') {
      if (now) enqueue('ADDED', e.entry);
    } else if (e.type === 'DELETED') {
      if (before || now) enqueue('DELETED', e.entry);
    } else if (now && before) enqueue('MODIFIED', e.entry);
    else if (now) enqueue('ADDED', e.entry);
    else if (before) enqueue('DELETED', e.entry);
  };

  if (fromRv === undefined) {
    // No resourceVersion: synthetic ADDED for everything that exists now, then changes.
    for (const e of candidates(ctx, f)) if (matches(f, e.obj)) enqueue('ADDED', e);
  } else {
    const replay = store.eventsSince(ctx.resource.id, fromRv);
    if (!replay) {
      const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${fromRv} (${store.oldestResumableRevision})`, reason: 'Expired', code: 410 };
      res.end(`{"type":"ERROR","object":${JSON.stringify(status)}}\n`);
      return;
    }
    for (const e of replay) onEvent(e);
  }
  const unsubscribe = store.subscribe({ resource: ctx.resource.id, onEvent });
  const bookmarkTimer = bookmarks
    ? setInterval(() => {
        const obj = { kind: ctx.resource.kind, apiVersion: apiVersionOf(ctx.resource), metadata: { resourceVersion: String(Math.max(lastRv, store.resourceVersion)) } };
        write(`{"type":"BOOKMARK","object":${JSON.stringify(obj)}}\n`);
      }, BOOKMARK_INTERVAL_MS)
    : undefined;
  const timeout = setTimeout(() => res.end(), timeoutSeconds * 1000);
  const cleanup = (): void => {
    unsubscribe();
    if (bookmarkTimer) clearInterval(bookmarkTimer);
    clearTimeout(timeout);
  };
  res.on('close', cleanup);
  ctx.req.on('close', () => {
    cleanup();
    if (!res.writableEnded) res.end();
  });
}
