import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Hub } from '../world/hub';
import type { TlsMaterial } from '../tls';
import { handleRequest, type Caller, type ImpersonationRecord } from './router';
import { ApiError, sendStatus } from './status';

export type DownMode = 'refuse' | 'hang';

export interface Faults {
  latencyMs: number;
  jitterMs: number;
  errorRate: number;
}

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The network face of one hub: an HTTPS (or HTTP) server on a loopback port with bearer-token auth,
 * injectable faults, and outages (refuse: the listener closes; hang: requests are accepted and
 * never answered). Every outage also drops open watch/log streams.
 */
export class HubServer {
  readonly token = randomBytes(24).toString('hex');
  /** The latest requests that carried Impersonate-User, oldest first (at most 200). */
  readonly impersonations: ImpersonationRecord[] = [];
  readonly readOnlyToken = randomBytes(24).toString('hex');
  port = 0;
  down: DownMode | null = null;
  faults: Faults = { latencyMs: 0, jitterMs: 0, errorRate: 0 };
  private readonly server: http.Server | https.Server;
  private readonly sockets = new Set<Socket>();
  private readonly streams = new Set<ServerResponse>();
  private readonly held = new Set<ServerResponse>();

  constructor(readonly hub: Hub, private readonly tls: TlsMaterial | undefined) {
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      // A client that goes away mid-stream (a watch or log follow cut by the console stopping) can
      // make a queued write land after end(); that is the client's loss, never a simulator crash.
      res.on('error', () => res.destroy());
      req.on('error', () => res.destroy());
      this.onRequest(req, res);
    };
    this.server = tls ? https.createServer({ key: tls.keyPem, cert: tls.certPem }, handler) : http.createServer(handler);
    this.server.keepAliveTimeout = 30_000;
    // Watches and log follows are long-lived; never cut them from the server side.
    this.server.requestTimeout = 0;
    // Track raw TCP connections (also those still in the TLS handshake) so an outage can cut them all.
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.setNoDelay(true);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server.on('clientError', (_err, socket) => socket.destroy());
  }

  get scheme(): string {
    return this.tls ? 'https' : 'http';
  }

  get url(): string {
    return `${this.scheme}://127.0.0.1:${this.port}`;
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.server.once('error', onError);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', onError);
        this.port = (this.server.address() as { port: number }).port;
        resolve();
      });
    });
  }

  private authenticate(req: IncomingMessage): Caller | undefined {
    const header = req.headers.authorization ?? '';
    // kubectl never sends bearer tokens over plain http, so in --http (debug) mode a request without
    // credentials acts as the admin; wrong tokens still get 401 and the read-only token still gets 403.
    if (!this.tls && header === '') return { user: 'overlook-admin', readOnly: false };
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m) return undefined;
    const token = m[1].trim();
    if (tokenMatches(token, this.token)) return { user: 'overlook-admin', readOnly: false };
    if (tokenMatches(token, this.readOnlyToken)) return { user: 'overlook-viewer', readOnly: true };
    return undefined;
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    if (this.down === 'hang') {
      this.held.add(res);
      res.on('close', () => this.held.delete(res));
      return;
    }
    const { latencyMs, jitterMs, errorRate } = this.faults;
    const run = () => {
      // Fault injection is deliberately random (not part of the seeded world).
      if (errorRate > 0 && Math.random() < errorRate && req.url !== '/healthz') {
        const err = Math.random() < 0.5
          ? new ApiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request', { retryAfterSeconds: 1 })
          : new ApiError(500, 'InternalError', 'Internal error occurred: etcdserver: request timed out');
        sendStatus(res, err);
        return;
      }
      void handleRequest(
        {
          hub: this.hub,
          serverAddress: `127.0.0.1:${this.port}`,
          authenticate: (r) => this.authenticate(r),
          track: (r) => this.trackStream(r),
          recordImpersonation: (record) => {
            this.impersonations.push(record);
            if (this.impersonations.length > 200) this.impersonations.shift();
          },
        },
        req,
        res,
      );
    };
    const delay = latencyMs + (jitterMs > 0 ? Math.random() * jitterMs : 0);
    if (delay > 0) setTimeout(run, delay);
    else run();
  }

  private trackStream(res: ServerResponse): void {
    this.streams.add(res);
    res.on('close', () => this.streams.delete(res));
  }

  /** End every watch/log stream cleanly (clients then reconnect with their last resourceVersion). */
  endStreams(): number {
    const n = this.streams.size;
    for (const r of this.streams) r.end();
    this.streams.clear();
    return n;
  }

  private dropStreams(): void {
    for (const r of this.streams) r.destroy();
    this.streams.clear();
  }

  async goDown(mode: DownMode): Promise<void> {
    if (this.down === mode) return;
    if (this.down) await this.goUp();
    this.down = mode;
    this.dropStreams();
    if (mode === 'refuse') {
      await new Promise<void>((resolve) => {
        this.server.close(() => resolve());
        for (const s of this.sockets) s.destroy();
        this.sockets.clear();
      });
    } else {
      // Idle keep-alive connections would otherwise still answer; make every client reconnect into the hang.
      for (const s of this.sockets) s.destroy();
      this.sockets.clear();
    }
  }

  async goUp(): Promise<void> {
    if (!this.down) return;
    const was = this.down;
    this.down = null;
    if (was === 'refuse') await this.listen(this.port);
    else {
      for (const r of this.held) r.destroy();
      this.held.clear();
    }
  }

  async close(): Promise<void> {
    this.dropStreams();
    for (const r of this.held) r.destroy();
    for (const s of this.sockets) s.destroy();
    if (!this.server.listening) return;
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
