import { NextResponse } from 'next/server';

import { defineRoute } from '@/lib/server/http/route';
import { getReadiness } from '@/lib/server/http/health';

export const dynamic = 'force-dynamic';

/** Readiness: 200 when every dependency answers, 503 otherwise (load balancers stop sending traffic). */
export const GET = defineRoute({ auth: 'public' }, async () => {
  const readiness = await getReadiness();
  return NextResponse.json(readiness, { status: readiness.status === 'ready' ? 200 : 503 });
});
