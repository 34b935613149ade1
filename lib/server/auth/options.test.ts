import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, openDatabase, provideDatabase } from '@/lib/server/db/client';
import { parseEnv } from '@/lib/server/env';

import { DEMO_PASSWORD } from './demo-accounts';
import { buildAuthOptions, sessionCookieName } from './options';
import { seedDemoAccounts } from './seed-demo';

const env = parseEnv({ NEXTAUTH_SECRET: 'options-test-secret-0123456789abcdef', OVERLOOK_DEMO: 'true' });
const options = buildAuthOptions(env);

type Authorize = (credentials: Record<string, string> | undefined) => Promise<{ id: string; email: string } | null>;
const provider = options.providers[0] as unknown as { id: string; options: { authorize: Authorize } };

beforeAll(async () => {
  const database = await openDatabase({ kind: 'pglite', dir: 'memory://' });
  provideDatabase(Promise.resolve(database));
  await seedDemoAccounts(database.prisma);
});
afterAll(() => closeDb());

describe('next-auth options', () => {
  it('use JWT sessions, the /login page and the provider id "credentials"', () => {
    expect(options.session?.strategy).toBe('jwt');
    expect(options.pages?.signIn).toBe('/login');
    expect(provider.id).toBe('credentials');
    expect(options.useSecureCookies).toBe(false);
    expect(sessionCookieName({ secureCookies: true })).toBe('__Secure-next-auth.session-token');
  });

  it('authorize a correct password and refuse a wrong one or malformed input', async () => {
    const user = await provider.options.authorize({ email: 'ADMIN@overlook.demo', password: DEMO_PASSWORD });
    expect(user).toMatchObject({ email: 'admin@overlook.demo' });
    expect(await provider.options.authorize({ email: 'admin@overlook.demo', password: 'wrong' })).toBeNull();
    expect(await provider.options.authorize({ email: 'not an email', password: 'x' })).toBeNull();
    expect(await provider.options.authorize(undefined)).toBeNull();
  });

  it('put the user id in the JWT and the session', async () => {
    const jwt = await options.callbacks!.jwt!({ token: { email: 'a@b.c', name: 'A' }, user: { id: 'u1' } } as never);
    expect(jwt.userId).toBe('u1');
    const session = await options.callbacks!.session!({ session: { expires: '' }, token: jwt } as never);
    expect(session.user).toEqual({ id: 'u1', email: 'a@b.c', name: 'A' });
  });

  it('redirect only within the console after sign-in', async () => {
    const redirect = (url: string) => options.callbacks!.redirect!({ url, baseUrl: 'http://localhost:3000' });
    expect(await redirect('/nodes?hub=cn-east')).toBe('http://localhost:3000/nodes?hub=cn-east');
    expect(await redirect('http://localhost:3000/x')).toBe('http://localhost:3000/x');
    expect(await redirect('https://evil.example.com/')).toBe('http://localhost:3000');
    expect(await redirect('//evil.example.com/')).toBe('http://localhost:3000');
  });
});
