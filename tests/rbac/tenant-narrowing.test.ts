/**
 * The tenant switcher's server-side narrowing: `?tenant=<slug>` on the fleet read routes, else the
 * `overlook-tenant` cookie. A platform admin narrowed to acme sees exactly Alice's (acme's) view;
 * narrowing never widens (a foreign `tenant` param is a 400 naming `tenant`; a foreign cookie is ignored).
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import * as datacentersRoute from '@/app/api/v1/datacenters/route';
import * as summaryRoute from '@/app/api/v1/fleet/summary/route';
import * as hubsRoute from '@/app/api/v1/hubs/route';
import * as nodesRoute from '@/app/api/v1/nodes/route';
import * as podsRoute from '@/app/api/v1/pods/route';
import * as workloadsRoute from '@/app/api/v1/workloads/route';

import { startRbacFixture, type AccountName, type RbacFixture } from './support';

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

let fx: RbacFixture;

async function get(handler: unknown, account: AccountName, url: string, cookie?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { authorization: `Bearer ${fx.tokens[account]}` };
  if (cookie) headers.cookie = cookie;
  const response = await (handler as Handler)(new NextRequest(new URL(url, 'http://localhost:3000'), { headers }), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Comparable shape of a response: drop the volatile hub statuses. */
function view(body: Record<string, unknown>): unknown {
  const { hubs, ...rest } = body;
  return Array.isArray(hubs) && hubs.length > 0 && typeof hubs[0] === 'object' && hubs[0] !== null && 'status' in hubs[0] && !('counts' in hubs[0]) ? rest : body;
}

beforeAll(async () => {
  fx = await startRbacFixture();
}, 120_000);

afterAll(async () => {
  await fx?.stop();
});

const ROUTES: Array<[string, unknown, string]> = [
  ['nodes', nodesRoute.GET, '/api/v1/nodes?limit=500'],
  ['pods', podsRoute.GET, '/api/v1/pods?limit=500'],
  ['workloads', workloadsRoute.GET, '/api/v1/workloads?limit=500'],
  ['datacenters', datacentersRoute.GET, '/api/v1/datacenters'],
  ['hubs', hubsRoute.GET, '/api/v1/hubs'],
];

describe('tenant narrowing', () => {
  it('a platform admin narrowed with ?tenant=acme sees exactly Alice’s view (lists, counts, hubs)', async () => {
    for (const [name, handler, url] of ROUTES) {
      const alice = await get(handler, 'alice', url);
      const narrowed = await get(handler, 'admin', `${url}${url.includes('?') ? '&' : '?'}tenant=acme`);
      const whole = await get(handler, 'admin', url);
      expect(narrowed.status, name).toBe(200);
      expect(view(narrowed.body), name).toEqual(view(alice.body));
      expect(JSON.stringify(view(whole.body)), `${name}: the admin's whole view differs, so the test can fail`).not.toEqual(JSON.stringify(view(alice.body)));
    }
  });

  it('the overlook-tenant cookie narrows the same way when the param is absent (summary too)', async () => {
    const alice = await get(summaryRoute.GET, 'alice', '/api/v1/fleet/summary');
    const narrowed = await get(summaryRoute.GET, 'admin', '/api/v1/fleet/summary', 'overlook-tenant=acme');
    expect(narrowed.status).toBe(200);
    expect((narrowed.body.pods as { total: number }).total).toBe((alice.body.pods as { total: number }).total);
    const pods = await get(podsRoute.GET, 'ops', '/api/v1/pods?limit=500', 'overlook-tenant=acme');
    expect((pods.body.items as Array<{ namespace: string }>).every((pod) => pod.namespace.startsWith('acme-'))).toBe(true);
    expect(pods.body.total).toBe((await get(podsRoute.GET, 'alice', '/api/v1/pods?limit=500')).body.total);
  });

  it('never widens: a foreign tenant param is a 400 naming tenant, a foreign cookie is ignored', async () => {
    const refused = await get(nodesRoute.GET, 'alice', '/api/v1/nodes?tenant=globex');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('"param":"tenant"');
    expect(JSON.stringify(refused.body)).toContain('You are not a member of tenant globex');
    const bad = await get(nodesRoute.GET, 'alice', '/api/v1/nodes?tenant=Not_A_Slug');
    expect(bad.status).toBe(400);
    const plain = await get(nodesRoute.GET, 'alice', '/api/v1/nodes?limit=500');
    const cookie = await get(nodesRoute.GET, 'alice', '/api/v1/nodes?limit=500', 'overlook-tenant=globex');
    expect(cookie.status).toBe(200);
    expect(view(cookie.body)).toEqual(view(plain.body));
    // The param wins over the cookie.
    const both = await get(nodesRoute.GET, 'admin', '/api/v1/nodes?limit=500&tenant=acme', 'overlook-tenant=globex');
    expect(view(both.body)).toEqual(view(plain.body));
  });
});
