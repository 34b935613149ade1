import { AuditFilterSchema } from '@/lib/contracts/audit';
import { auditCsvStream } from '@/lib/server/audit/audit-log';
import { resolveAuditScope } from '@/lib/server/audit/audit-access';
import { defineRoute } from '@/lib/server/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The audit log as CSV with the same filters as GET /api/v1/audit (streamed, bounded). */
export const GET = defineRoute({ query: AuditFilterSchema }, ({ principal, query }) => {
  const scope = resolveAuditScope(principal, query.tenant);
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-');
  return new Response(auditCsvStream(query, scope), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="overlook-audit-${stamp}.csv"`,
    },
  });
});
