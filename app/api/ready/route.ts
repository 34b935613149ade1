import { NextResponse } from 'next/server';

import { defineRoute } from '@/lib/server/http/route';
import { getReadiness } from '@/lib/server/http/health';
import { hubReadiness } from '@/lib/server/hubs/start-fleet';

export const dynamic = 'force-dynamic';

/** Readiness: 200 when every dependency answers, 503 otherwise (load balancers stop sending traffic). */
export const GET = defineRoute({ auth: 'public' }, async () => {
  const readiness = await getReadiness();
  // Hub sync state rides along for operators; an unreachable hub does not make the console unready.
  return NextResponse.json({ ...readiness, hubs: hubReadiness() }, { status: readiness.status === 'ready' ? 200 : 503 });
});
