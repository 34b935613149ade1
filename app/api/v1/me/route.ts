import { toMeResponse } from '@/lib/server/auth/me';
import { defineRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** The caller's identity and role bindings (session or API token). */
export const GET = defineRoute({}, ({ principal }) => toMeResponse(principal));
