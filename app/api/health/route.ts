import { defineRoute } from '@/lib/server/http/route';
import { getHealth } from '@/lib/server/http/health';

export const dynamic = 'force-dynamic';

/** Liveness: the process is up. Unauthenticated; no secrets. */
export const GET = defineRoute({ auth: 'public' }, () => getHealth());
