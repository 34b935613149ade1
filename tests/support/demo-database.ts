/**
 * Shared by the route-level suites that need the demo accounts but no fleet (audit trail,
 * invitations): a memory PGlite with the demo accounts seeded, a read-write API token per account,
 * and `callRoute` to drive a route handler the way Next.js does.
 */
import { NextRequest } from 'next/server';

import { seedDemoAccounts } from '@/lib/server/auth/seed-demo';
import { createApiToken } from '@/lib/server/auth/token-service';
import { closeDb, openDatabase, provideDatabase, type OpenDatabase } from '@/lib/server/db/client';
import { usersRepository } from '@/lib/server/db/users';
import { resetEnvCache } from '@/lib/server/env';
import { resetTenantOwnership } from '@/lib/server/tenants/ownership';

export type RouteHandler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  token?: string;
  method?: string;
  params?: Record<string, string>;
  body?: unknown;
  /** X-Forwarded-For as a proxy in front of the console would send it. */
  forwardedFor?: string;
  userAgent?: string;
}

/** Calls a route handler with a JSON body, a bearer token and proxy headers. */
export function callRoute(handler: RouteHandler, url: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'user-agent': options.userAgent ?? 'overlook-test/1.0', 'x-forwarded-for': options.forwardedFor ?? '198.51.100.9' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const req = new NextRequest(new URL(url, 'http://localhost:3000'), {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return handler(req, { params: Promise.resolve(options.params ?? {}) });
}

export interface DemoDatabase {
  database: OpenDatabase;
  /** Read-write API token per account name. */
  tokens: Record<string, string>;
  userIds: Record<string, string>;
  stop(): Promise<void>;
}

/** Opens a memory PGlite, seeds the demo accounts and gives each named account a token. */
export async function startDemoDatabase(secret: string, accounts: Record<string, string>): Promise<DemoDatabase> {
  process.env.NEXTAUTH_SECRET = secret;
  resetEnvCache();
  resetTenantOwnership();
  const database = await openDatabase({ kind: 'pglite', dir: 'memory://' });
  provideDatabase(Promise.resolve(database));
  await seedDemoAccounts(database.prisma);
  const users = usersRepository(database.prisma);
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  for (const [name, email] of Object.entries(accounts)) {
    const user = await users.findByEmail(email);
    if (!user) throw new Error(`demo account ${email} was not seeded`);
    userIds[name] = user.id;
    tokens[name] = (await createApiToken(database.prisma, user.id, { name, scopes: ['read', 'write'] })).token;
  }
  return {
    database,
    tokens,
    userIds,
    async stop() {
      await closeDb();
      resetTenantOwnership();
      resetEnvCache();
    },
  };
}
