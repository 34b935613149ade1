import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Hub } from '../world/hub';
import type { HubServer } from '../api/hub-server';
import { groundTruth, hubTruth } from './truth';
import { churnBodySchema, downBodySchema, faultsBodySchema } from './types';

interface Pair {
  hub: Hub;
  server: HubServer;
}

class ControlError extends Error {
  constructor(readonly code: number, message: string, readonly parameter?: string) {
    super(message);
  }
}

function send(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function body<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.infer<T>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 65_536) throw new ControlError(413, 'request body too large', 'body');
    chunks.push(c as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  let parsed: unknown = {};
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ControlError(400, 'body is not valid JSON', 'body');
    }
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const param = issue.path.length ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys?.join(',') ?? 'body' : 'body';
    throw new ControlError(400, `invalid ${param}: ${issue.message}`, param);
  }
  return result.data;
}

/** The simulator's control API: ground truth, outages, faults, node links, crashes and churn. */
export function createControlServer(pairs: Pair[]): http.Server {
  const byName = new Map(pairs.map((p) => [p.hub.name, p]));
  const hubOf = (name: string): Pair => {
    const p = byName.get(name);
    if (!p) throw new ControlError(404, `hub "${name}" not found`, 'hub');
    return p;
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://control.local');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/healthz') return send(res, 200, { ok: true });
    if (method === 'GET' && url.pathname === '/truth') return send(res, 200, groundTruth(pairs));
    if (method === 'GET' && parts[0] === 'hubs' && parts.length === 3 && parts[2] === 'truth') {
      const p = hubOf(parts[1]);
      return send(res, 200, hubTruth(p.hub, p.server));
    }
    if (method === 'GET' && parts[0] === 'hubs' && parts.length === 3 && parts[2] === 'impersonations') {
      const p = hubOf(parts[1]);
      return send(res, 200, { items: p.server.impersonations });
    }
    if (method === 'POST' && url.pathname === '/churn') {
      const { rate } = await body(req, churnBodySchema);
      for (const p of pairs) p.hub.churnRate = rate;
      return send(res, 200, { rate });
    }
    if (method === 'POST' && parts[0] === 'hubs' && parts.length >= 3) {
      const p = hubOf(parts[1]);
      if (parts.length === 3 && parts[2] === 'down') {
        const { mode } = await body(req, downBodySchema);
        await p.server.goDown(mode);
        return send(res, 200, { hub: p.hub.name, up: false, mode });
      }
      if (parts.length === 3 && parts[2] === 'up') {
        await p.server.goUp();
        return send(res, 200, { hub: p.hub.name, up: true, mode: 'up', server: p.server.url });
      }
      if (parts.length === 3 && parts[2] === 'compact') {
        p.hub.store.compact();
        return send(res, 200, { hub: p.hub.name, compactedResourceVersion: String(p.hub.store.resourceVersion) });
      }
      if (parts.length === 3 && parts[2] === 'end-watches') {
        return send(res, 200, { hub: p.hub.name, ended: p.server.endStreams() });
      }
      if (parts.length === 3 && parts[2] === 'faults') {
        const faults = await body(req, faultsBodySchema);
        p.server.faults = faults;
        return send(res, 200, { hub: p.hub.name, faults });
      }
      if (parts.length === 5 && parts[2] === 'nodes' && (parts[4] === 'offline' || parts[4] === 'online')) {
        const node = p.hub.setNodeOnline(parts[3], parts[4] === 'online');
        if (!node) throw new ControlError(404, `node "${parts[3]}" not found on hub "${p.hub.name}"`, 'node');
        return send(res, 200, { hub: p.hub.name, node: parts[3], online: parts[4] === 'online' });
      }
      if (parts.length === 7 && parts[2] === 'namespaces' && parts[4] === 'pods' && parts[6] === 'crash') {
        const pod = p.hub.crashPod(parts[3], parts[5]);
        if (!pod) throw new ControlError(404, `pod "${parts[3]}/${parts[5]}" not found on hub "${p.hub.name}"`, 'pod');
        return send(res, 200, { hub: p.hub.name, namespace: parts[3], pod: parts[5], crashLooping: true });
      }
    }
    throw new ControlError(404, `no control endpoint ${method} ${url.pathname}`, 'path');
  };
  return http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof ControlError) send(res, err.code, { error: err.message, ...(err.parameter ? { parameter: err.parameter } : {}) });
      else {
        console.error('[simulator control]', err);
        send(res, 500, { error: 'internal error' });
      }
    });
  });
}
