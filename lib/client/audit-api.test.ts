import { describe, expect, it } from 'vitest';
import { AuditFilterSchema } from '@/lib/contracts/audit';
import { auditExportHref, auditSearchParams, parseAuditFilters } from './audit-api';

describe('audit URL filters', () => {
  it('round-trips through the URL in a canonical order', () => {
    const filters = parseAuditFilters(new URLSearchParams('outcome=failed&actor=alice&outcome=denied&action=pod.restart&target=pos'));
    expect(filters).toMatchObject({ actor: 'alice', action: 'pod.restart', outcome: ['denied', 'failed'], target: 'pos' });
    expect(auditSearchParams(filters).toString()).toBe('actor=alice&action=pod.restart&outcome=denied&outcome=failed&target=pos');
  });

  it('drops values a hand-edited URL got wrong instead of failing the page', () => {
    const filters = parseAuditFilters(new URLSearchParams('outcome=maybe&from=yesterday&action=DROP TABLE&actor='));
    expect(auditSearchParams(filters).toString()).toBe('');
  });

  it('produces a query string the API filter schema accepts (the CSV link carries the same filters)', () => {
    const filters = parseAuditFilters(new URLSearchParams('actor=bob&outcome=denied&from=2026-12-01T09:00:00.000Z&to=2026-12-01T10:00:00.000Z'));
    const params = auditSearchParams(filters);
    const raw: Record<string, string | string[]> = {};
    for (const key of new Set(params.keys())) {
      const values = params.getAll(key);
      raw[key] = values.length > 1 ? values : values[0];
    }
    expect(AuditFilterSchema.safeParse(raw).success).toBe(true);
    expect(auditExportHref(filters)).toBe(`/api/v1/audit/export.csv?${params.toString()}`);
    expect(auditExportHref({})).toBe('/api/v1/audit/export.csv');
  });
});
