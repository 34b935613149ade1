import { AuditListQuerySchema, type AuditListResponse } from '@/lib/contracts/audit';
import { listAuditEvents } from '@/lib/server/audit/audit-log';
import { defineRoute } from '@/lib/server/http/route';
import { resolveAuditScope } from '@/lib/server/audit/audit-access';

export const dynamic = 'force-dynamic';

/** The audit log, newest first (platform admins and auditors; tenant admins: their tenants' events). */
export const GET = defineRoute({ query: AuditListQuerySchema }, async ({ principal, query }): Promise<AuditListResponse> =>
  listAuditEvents(query, resolveAuditScope(principal, query.tenant)),
);
