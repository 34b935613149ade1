import 'server-only';

import http from 'node:http';
import https from 'node:https';

import type { KubeConfig } from '@kubernetes/client-node';

/**
 * HTTP transport to one hub, built on the hub's own client-node KubeConfig (TLS material, tokens,
 * exec/OIDC auth providers all come from `kc.applyToHTTPSOptions`).
 *
 * Why not client-node's generated API classes and `Watch` for the caches:
 * - the generated clients deserialize every object into model classes (seconds of CPU and hundreds of
 *   MB at 200k pods) — we parse plain JSON and project it at once;
 * - they have no request timeout, and `Watch.watch` only hands back its AbortController after the
 *   response headers arrive, so a hub that accepts connections but never answers (`hang`) blocks a
 *   watch forever. Here every request has a deadline and watches have an idle (liveness) timeout;
 * - one keep-alive agent per hub instead of a new agent per request.
 */

export interface KubeStatus {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; kind?: string; group?: string };
}

/** A failed hub request: `status` is the HTTP status when the hub answered, absent for network errors. */
export class KubeRequestError extends Error {
  readonly status?: number;
  readonly kubeStatus?: KubeStatus;
  /** Network-level code (ECONNREFUSED, ETIMEDOUT, …) or `Timeout` / `Idle` for our own deadlines. */
  readonly code?: string;

  constructor(message: string, options: { status?: number; kubeStatus?: KubeStatus; code?: string } = {}) {
    super(message);
    this.name = 'KubeRequestError';
    this.status = options.status;
    this.kubeStatus = options.kubeStatus;
    this.code = options.code;
  }

  /** True when the hub itself did not answer (as opposed to answering with an error). */
  get unreachable(): boolean {
    return this.status === undefined;
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  contentType?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Extra request headers (e.g. Impersonate-User / Impersonate-Group on mutations); arrays repeat the header. */
  headers?: Readonly<Record<string, string | readonly string[]>>;
}

export interface WatchOptions {
  /** Abort the stream when nothing (event or bookmark) arrives for this long. */
  idleTimeoutMs: number;
  /** Deadline for the response headers. */
  connectTimeoutMs: number;
  signal?: AbortSignal;
}

/** Strips URLs and bearer material from low-level error messages before they are stored or shown. */
export function plainNetworkMessage(error: unknown): string {
  const err = error as NodeJS.ErrnoException & { address?: string; port?: number };
  if (err?.code && err.syscall) {
    const where = err.address ? ` ${err.address}${err.port ? `:${err.port}` : ''}` : '';
    return `${err.syscall} ${err.code}${where}`;
  }
  const message = err instanceof Error ? err.message : String(error);
  return message.replace(/https?:\/\/\S+/g, '<hub>').replace(/Bearer\s+\S+/gi, 'Bearer [redacted]');
}

const AUTH_CACHE_MS = 30_000;

export class KubeTransport {
  private readonly server: URL;
  private readonly transport: typeof http | typeof https;
  private agent: http.Agent | null = null;
  private cached: { at: number; headers: Record<string, string> } | null = null;
  /** When the hub last sent us any bytes (lists, watch events, bookmarks): proof of life. */
  lastActivityAt = 0;

  constructor(private readonly kc: KubeConfig) {
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new Error('kubeconfig context has no cluster');
    this.server = new URL(cluster.server);
    this.transport = this.server.protocol === 'http:' ? http : https;
  }

  /** Hub server host, for logs only (never sent to users). */
  get host(): string {
    return this.server.host;
  }

  /** Auth headers (refreshed every 30 s so exec/OIDC tokens rotate) and the hub's keep-alive agent. */
  private async prepare(): Promise<{ headers: Record<string, string>; agent: http.Agent }> {
    const now = Date.now();
    if (this.cached && this.agent && now - this.cached.at < AUTH_CACHE_MS) return { headers: this.cached.headers, agent: this.agent };
    const opts: https.RequestOptions = { headers: {} };
    await this.kc.applyToHTTPSOptions(opts);
    if (!this.agent) {
      const cluster = this.kc.getCurrentCluster();
      const tls: https.AgentOptions = { keepAlive: true, maxSockets: 32, keepAliveMsecs: 15_000 };
      if (opts.ca) tls.ca = opts.ca;
      if (opts.cert) tls.cert = opts.cert;
      if (opts.key) tls.key = opts.key;
      if (opts.rejectUnauthorized !== undefined) tls.rejectUnauthorized = opts.rejectUnauthorized;
      if (cluster?.skipTLSVerify) tls.rejectUnauthorized = false;
      if (cluster?.tlsServerName) tls.servername = cluster.tlsServerName;
      this.agent = this.transport === https ? new https.Agent(tls) : new http.Agent({ keepAlive: true, maxSockets: 32 });
    }
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(opts.headers ?? {})) {
      if (typeof value === 'string') headers[key] = value;
    }
    if (opts.auth) headers.Authorization = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
    this.cached = { at: now, headers };
    return { headers, agent: this.agent };
  }

  private url(path: string, query?: Record<string, string | number | boolean | undefined>): URL {
    const base = this.server.pathname.replace(/\/+$/, '');
    const url = new URL(`${base}${path}`, this.server);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  /** One request, JSON in and out. Throws KubeRequestError for non-2xx and for network failures. */
  async requestJson<T = unknown>(
    path: string,
    query?: Record<string, string | number | boolean | undefined>,
    options: RequestOptions = {},
  ): Promise<T> {
    const prepared = await this.prepare();
    const headers: Record<string, string | string[]> = { ...prepared.headers, Accept: 'application/json' };
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name] = typeof value === 'string' ? value : [...value];
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    if (payload) {
      headers['Content-Type'] = options.contentType ?? 'application/json';
      headers['Content-Length'] = String(payload.length);
    }
    const url = this.url(path, query);
    const timeoutMs = options.timeoutMs ?? 30_000;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | null, value?: T) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve(value as T);
      };
      const req = this.transport.request(url, { method: options.method ?? 'GET', headers, agent: prepared.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          this.lastActivityAt = Date.now();
          chunks.push(chunk);
        });
        res.on('error', (error) => finish(new KubeRequestError(plainNetworkMessage(error), { code: 'ECONNRESET' })));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = undefined;
          }
          if (status >= 200 && status < 300) {
            finish(null, parsed as T);
            return;
          }
          const kubeStatus = parsed && typeof parsed === 'object' && (parsed as KubeStatus).kind === 'Status' ? (parsed as KubeStatus) : undefined;
          finish(
            new KubeRequestError(kubeStatus?.message ?? `hub answered ${status} ${http.STATUS_CODES[status] ?? ''}`.trim(), {
              status,
              kubeStatus,
            }),
          );
        });
      });
      const timer = setTimeout(() => {
        req.destroy();
        finish(new KubeRequestError(`no answer within ${Math.round(timeoutMs / 1000)} s`, { code: 'Timeout' }));
      }, timeoutMs);
      const onAbort = () => {
        req.destroy();
        finish(new KubeRequestError('request aborted', { code: 'Aborted' }));
      };
      if (options.signal?.aborted) onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (error) => finish(new KubeRequestError(plainNetworkMessage(error), { code: (error as NodeJS.ErrnoException).code })));
      if (payload) req.write(payload);
      req.end();
    });
  }

  /**
   * A watch stream: calls `onEvent` for each JSON line. Resolves when the hub ends the stream cleanly
   * (timeoutSeconds), rejects on errors, idle timeout or abort. `onOpen` fires when headers arrive.
   */
  watch(
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    onEvent: (event: { type: string; object: unknown }) => void,
    options: WatchOptions & { onOpen?: () => void },
  ): Promise<void> {
    return this.prepare().then(
      ({ headers: authHeaders, agent }) =>
        new Promise<void>((resolve, reject) => {
          let settled = false;
          let idleTimer: NodeJS.Timeout | undefined;
          const finish = (error: Error | null) => {
            if (settled) return;
            settled = true;
            clearTimeout(connectTimer);
            clearTimeout(idleTimer);
            options.signal?.removeEventListener('abort', onAbort);
            req.destroy();
            if (error) reject(error);
            else resolve();
          };
          const armIdle = () => {
            clearTimeout(idleTimer);
            idleTimer = setTimeout(
              () => finish(new KubeRequestError(`watch silent for ${Math.round(options.idleTimeoutMs / 1000)} s`, { code: 'Idle' })),
              options.idleTimeoutMs,
            );
          };
          const url = this.url(path, { ...query, watch: 'true' });
          const req = this.transport.request(
            url,
            { method: 'GET', headers: { ...authHeaders, Accept: 'application/json' }, agent },
            (res) => {
              clearTimeout(connectTimer);
              const status = res.statusCode ?? 0;
              if (status !== 200) {
                const chunks: Buffer[] = [];
                res.on('data', (chunk: Buffer) => chunks.push(chunk));
                res.on('end', () => {
                  let kubeStatus: KubeStatus | undefined;
                  try {
                    kubeStatus = JSON.parse(Buffer.concat(chunks).toString('utf8')) as KubeStatus;
                  } catch {
                    kubeStatus = undefined;
                  }
                  finish(new KubeRequestError(kubeStatus?.message ?? `hub answered ${status}`, { status, kubeStatus }));
                });
                res.on('error', () => finish(new KubeRequestError(`hub answered ${status}`, { status })));
                return;
              }
              options.onOpen?.();
              armIdle();
              let buffered = '';
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => {
                this.lastActivityAt = Date.now();
                armIdle();
                buffered += chunk;
                let newline = buffered.indexOf('\n');
                while (newline >= 0) {
                  const line = buffered.slice(0, newline).trim();
                  buffered = buffered.slice(newline + 1);
                  newline = buffered.indexOf('\n');
                  if (!line) continue;
                  let event: { type: string; object: unknown };
                  try {
                    event = JSON.parse(line);
                  } catch {
                    finish(new KubeRequestError('hub sent a malformed watch event', { code: 'Malformed' }));
                    return;
                  }
                  try {
                    onEvent(event);
                  } catch (error) {
                    finish(error instanceof Error ? error : new Error(String(error)));
                    return;
                  }
                  if (settled) return;
                }
              });
              res.on('end', () => finish(null));
              res.on('aborted', () => finish(new KubeRequestError('watch connection reset', { code: 'ECONNRESET' })));
              res.on('error', (error) => finish(new KubeRequestError(plainNetworkMessage(error), { code: 'ECONNRESET' })));
            },
          );
          const connectTimer = setTimeout(
            () => finish(new KubeRequestError(`no answer within ${Math.round(options.connectTimeoutMs / 1000)} s`, { code: 'Timeout' })),
            options.connectTimeoutMs,
          );
          const onAbort = () => finish(new KubeRequestError('watch aborted', { code: 'Aborted' }));
          if (options.signal?.aborted) onAbort();
          options.signal?.addEventListener('abort', onAbort, { once: true });
          req.on('error', (error) => finish(new KubeRequestError(plainNetworkMessage(error), { code: (error as NodeJS.ErrnoException).code })));
          req.end();
        }),
    );
  }

  /** Closes idle keep-alive sockets. */
  close(): void {
    this.agent?.destroy();
    this.agent = null;
  }
}
