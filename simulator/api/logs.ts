import type { Hub } from '../world/hub';
import type { IContainerStatus } from 'kubernetes-models/v1';
import type { KubeObject, PodObject } from '../world/types';
import { Rng, hashString } from '../world/rng';
import { ApiError, badRequest, notFound } from './status';
import type { RequestContext } from './list-watch';

/**
 * Pod logs as the kubelet serves them through the apiserver: deterministic lines per container
 * (seeded by pod uid + container + line index, timestamped from the container start), with the
 * kubelet's error messages and KubeEdge's tunnel failure for unreachable edge nodes.
 */

const HISTORY_LINES = 2000;

const PATHS = ['/api/v1/products', '/api/v1/cart', '/checkout', '/static/app.js', '/healthz', '/api/v1/orders', '/images/banner.webp', '/api/v1/stores/nearby'];
const AGENTS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', 'kube-probe/1.30', 'okhttp/4.12.0', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15'];
const JSON_MSGS = [['info', 'request completed'], ['info', 'payment authorized'], ['debug', 'cache hit'], ['info', 'synced batch to cloud'], ['warn', 'upstream slow, retrying'], ['error', 'failed to reach upstream'], ['info', 'frame batch processed'], ['debug', 'heartbeat sent']];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** One log entry (possibly several physical lines) for a container at line index i. */
function entryAt(style: string, key: string, i: number, tMs: number): string[] {
  const rng = new Rng(hashString(key) ^ Math.imul(i + 1, 0x9e3779b1));
  const d = new Date(tMs);
  const iso = d.toISOString();
  if (rng.chance(0.004)) {
    // A very long line, as a serialized payload dump.
    const payload = Array.from({ length: rng.int(200, 900) }, (_, k) => `"k${k}":${rng.int(0, 99999)}`).join(',');
    return [`{"level":"debug","ts":"${iso}","msg":"payload dump","payload":{${payload}}}`];
  }
  switch (style) {
    case 'nginx': {
      const status = rng.weighted([[200, 80], [304, 8], [404, 5], [499, 2], [500, 2], [502, 1]] as const);
      const ts = `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
      return [`10.${rng.int(96, 250)}.${rng.int(0, 255)}.${rng.int(2, 250)} - - [${ts}] "${rng.pick(['GET', 'GET', 'GET', 'POST'])} ${rng.pick(PATHS)}${rng.chance(0.3) ? `?page=${rng.int(1, 9)}` : ''} HTTP/1.1" ${status} ${rng.int(120, 48000)} "-" "${rng.pick(AGENTS)}" rt=${(rng.next() * 0.3).toFixed(3)}`];
    }
    case 'json': {
      const [level, msg] = rng.pick(JSON_MSGS);
      return [`{"level":"${level}","ts":"${iso}","caller":"server/handler.go:${rng.int(40, 400)}","msg":"${msg}","request_id":"${rng.hex(16)}","latency_ms":${rng.int(1, level === 'warn' ? 3000 : 120)}${level === 'error' ? ',"error":"dial tcp 10.0.4.12:5432: i/o timeout"' : ''}}`];
    }
    case 'java': {
      const ts = iso.replace('T', ' ').replace('Z', '');
      if (rng.chance(0.04)) {
        return [
          `${ts} ERROR 1 --- [nio-8080-exec-${rng.int(1, 9)}] c.a.catalog.web.ErrorHandler           : Request processing failed`,
          'java.lang.IllegalStateException: inventory snapshot is stale',
          '\tat com.acme.catalog.inventory.SnapshotService.current(SnapshotService.java:88)',
          '\tat com.acme.catalog.web.ProductController.list(ProductController.java:52)',
          '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
          '\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)',
          `\t... ${rng.int(40, 90)} common frames omitted`,
        ];
      }
      return [`${ts}  ${rng.chance(0.1) ? 'WARN' : 'INFO'} 1 --- [nio-8080-exec-${rng.int(1, 9)}] c.a.catalog.web.ProductController      : Fetched ${rng.int(1, 50)} products in ${rng.int(2, 80)}ms`];
    }
    case 'ansi': {
      const lvl = rng.weighted([['\u001b[36mINFO\u001b[0m', 85], ['\u001b[33mWARN\u001b[0m', 10], ['\u001b[31mERRO\u001b[0m', 5]] as const);
      return [`${lvl}[${pad(Math.floor(i / 10) % 10000, 4)}] frame processed                               \u001b[36mcamera\u001b[0m=cam-${rng.int(1, 64)} \u001b[36mfps\u001b[0m=${rng.int(12, 30)} \u001b[36mplates\u001b[0m=${rng.int(0, 9)}`];
    }
    case 'mqtt':
      return [`${Math.floor(tMs / 1000)}: ${rng.pick(['New connection from 127.0.0.1:' + rng.int(30000, 60000) + ' on port 1883.', 'New client connected from 127.0.0.1 as edgecore-' + rng.hex(8) + ' (p2, c1, k60).', 'Client edgecore-' + rng.hex(8) + ' disconnected.', 'Saving in-memory database to /mosquitto/data/mosquitto.db.'])}`];
    default: {
      const ts = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}${pad(rng.int(0, 999), 3)}`;
      const sev = rng.weighted([['I', 90], ['W', 7], ['E', 3]] as const);
      return [`${sev}${ts}       1 ${rng.pick(['controller.go', 'reflector.go', 'server.go', 'handler.go'])}:${rng.int(50, 900)}] ${rng.pick(['Successfully synced', 'Watch close - *v1.Pod total 12 items received', 'processed request', 'Starting workers', 'flushing buffers'])} "${rng.pick(['key', 'component', 'worker'])}"="${rng.hex(6)}"`];
    }
  }
}

interface Segment {
  startMs: number;
  endMs: number;
  key: string;
}

function lineInterval(key: string): number {
  return 1000 + (hashString(`iv:${key}`) % 5000);
}

function rfc3339Nano(ms: number, i: number): string {
  const nanos = String((Math.floor(ms) % 1000) * 1_000_000 + (hashString(`n${i}`) % 1_000_000)).padStart(9, '0');
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', `.${nanos}Z`);
}

function containerStatus(pod: PodObject, name: string): IContainerStatus | undefined {
  return (pod.status?.containerStatuses ?? []).find((c) => c.name === name);
}

function intParam(params: URLSearchParams, name: string, min: number): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw badRequest(`${name}: Invalid value: "${raw}": must be an integer`);
  if (n < min) throw badRequest(`${name}: Invalid value: ${n}: must be greater than ${min === 0 ? 'or equal to 0' : min - 1}`);
  return n;
}

export function handleLogs(ctx: RequestContext, podName: string): void {
  const { hub, params, namespace } = ctx;
  const pod = hub.store.getObject('pods', `${namespace}/${podName}`);
  if (!pod) throw notFound('pods', podName);
  const names = pod.spec.containers.map((c) => c.name);
  let container = params.get('container') ?? '';
  if (!container) {
    if (names.length > 1) throw badRequest(`a container name must be specified for pod ${podName}, choose one of: [${names.join(' ')}]`);
    container = names[0];
  }
  if (!names.includes(container)) throw badRequest(`container ${container} is not valid for pod ${podName}`);
  const follow = params.get('follow') === 'true';
  const previous = params.get('previous') === 'true';
  const timestamps = params.get('timestamps') === 'true';
  const tailLines = intParam(params, 'tailLines', 0);
  const limitBytes = intParam(params, 'limitBytes', 1);
  const sinceSeconds = intParam(params, 'sinceSeconds', 1);
  const sinceTimeRaw = params.get('sinceTime');
  if (sinceSeconds !== undefined && sinceTimeRaw) throw badRequest('at most one of `sinceTime` or `sinceSeconds` may be specified');
  let sinceMs: number | undefined;
  if (sinceTimeRaw) {
    sinceMs = Date.parse(sinceTimeRaw);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(sinceTimeRaw) || Number.isNaN(sinceMs)) throw badRequest(`sinceTime: Invalid value: "${sinceTimeRaw}": parsing time "${sinceTimeRaw}" as "2006-01-02T15:04:05Z07:00": cannot parse`);
  }
  const now = Date.now();
  if (sinceSeconds !== undefined) sinceMs = now - sinceSeconds * 1000;

  const status = containerStatus(pod, container);
  const state = (status?.state ?? {}) as { running?: { startedAt: string }; waiting?: { reason: string }; terminated?: { startedAt: string; finishedAt: string } };
  const last = (status?.lastState ?? {}) as { terminated?: { startedAt: string; finishedAt: string; reason: string } };
  const nodeName = pod.spec.nodeName ?? '';
  const info = hub.model.nodes.get(nodeName);
  if (info?.edge && hub.offline.has(nodeName)) {
    const node = hub.store.getObject('nodes', nodeName);
    const port = node?.status?.daemonEndpoints?.kubeletEndpoint?.Port ?? 10350;
    throw new ApiError(500, '', `Get "https://${info.ip}:${port}/containerLogs/${namespace}/${podName}/${container}${previous ? '?previous=true' : ''}": dial tcp ${info.ip}:${port}: connect: connection refused`);
  }
  let segment: Segment;
  const key = `${pod.metadata.uid}/${container}`;
  if (previous) {
    if (!last.terminated) throw badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
    segment = { startMs: Date.parse(last.terminated.startedAt), endMs: Date.parse(last.terminated.finishedAt), key: `${key}/prev/${last.terminated.startedAt}` };
  } else if (state.running) {
    segment = { startMs: Date.parse(state.running.startedAt), endMs: Infinity, key: `${key}/${state.running.startedAt}` };
  } else if (state.waiting) {
    if (state.waiting.reason === 'CrashLoopBackOff' && last.terminated) {
      // The kubelet serves the last (crashed) instance while the container backs off.
      segment = { startMs: Date.parse(last.terminated.startedAt), endMs: Date.parse(last.terminated.finishedAt), key: `${key}/prev/${last.terminated.startedAt}` };
    } else throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${state.waiting.reason}`);
  } else if (state.terminated) {
    segment = { startMs: Date.parse(state.terminated.startedAt), endMs: Date.parse(state.terminated.finishedAt), key: `${key}/term` };
  } else throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ContainerCreating`);

  const style = hub.model.workloads.get(workloadKey(hub, pod))?.logStyles[container] ?? 'plain';
  const interval = lineInterval(key);
  const endMs = Math.min(segment.endMs, now);
  const lastIndex = Math.floor((endMs - segment.startMs) / interval);
  let firstIndex = Math.max(0, lastIndex - HISTORY_LINES);
  if (sinceMs !== undefined) firstIndex = Math.max(firstIndex, Math.ceil((sinceMs - segment.startMs) / interval));
  if (tailLines !== undefined) firstIndex = Math.max(firstIndex, lastIndex - tailLines - 8);

  const lines: string[] = [];
  for (let i = firstIndex; i <= lastIndex; i++) {
    const t = segment.startMs + i * interval;
    for (const l of entryAt(style, segment.key, i, t)) lines.push(timestamps ? `${rfc3339Nano(t, i)} ${l}` : l);
  }
  if (previous || segment.endMs !== Infinity) {
    const tail = last.terminated?.reason === 'OOMKilled' ? 'fatal error: runtime: out of memory' : 'panic: failed to connect to upstream: connection refused';
    if (lastIndex >= 0) lines.push(timestamps ? `${rfc3339Nano(endMs, lastIndex + 1)} ${tail}` : tail);
  }
  const selected = tailLines !== undefined ? (tailLines === 0 ? [] : lines.slice(-tailLines)) : lines;

  const res = ctx.res;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  let budget = limitBytes ?? Infinity;
  const write = (text: string): boolean => {
    if (budget <= 0 || res.writableEnded || res.destroyed) return false;
    const buf = Buffer.from(text);
    if (buf.length > budget) {
      res.write(buf.subarray(0, budget));
      budget = 0;
      return false;
    }
    budget -= buf.length;
    res.write(buf);
    return true;
  };
  const history = selected.length ? `${selected.join('\n')}\n` : '';
  if (history && !write(history)) return void res.end();
  if (!follow || segment.endMs !== Infinity) return void res.end();
  res.flushHeaders();
  ctx.track(res);
  let next = lastIndex + 1;
  const podKey = `${namespace}/${podName}`;
  const uid = pod.metadata.uid;
  const timer = setInterval(() => {
    const current = hub.store.getObject('pods', podKey);
    if (!current || current.metadata.uid !== uid || hub.offline.has(pod.spec.nodeName ?? '')) {
      clearInterval(timer);
      res.end();
      return;
    }
    const nowMs = Date.now();
    let chunk = '';
    while (segment.startMs + next * interval <= nowMs) {
      const t = segment.startMs + next * interval;
      for (const l of entryAt(style, segment.key, next, t)) chunk += `${timestamps ? `${rfc3339Nano(t, next)} ` : ''}${l}\n`;
      next++;
    }
    if (chunk && !write(chunk)) {
      clearInterval(timer);
      res.end();
    }
  }, Math.min(interval, 1000));
  const stop = (): void => clearInterval(timer);
  res.on('close', stop);
  ctx.req.on('close', stop);
}

function workloadKey(hub: Hub, pod: KubeObject): string {
  const owner = pod.metadata.ownerReferences?.[0];
  if (!owner) return '';
  if (owner.kind === 'DaemonSet') return `${pod.metadata.namespace}/${owner.name}`;
  const rs = hub.store.getObject('apps/replicasets', `${pod.metadata.namespace}/${owner.name}`);
  return `${pod.metadata.namespace}/${rs?.metadata.ownerReferences?.[0]?.name ?? ''}`;
}
