/**
 * Browser data layer for the audit log. Filters live in the URL (shareable, and the CSV export link
 * carries the same ones); the query key carries the whole canonical filter set.
 */
import { infiniteQueryOptions } from '@tanstack/react-query';
import { AuditListResponseSchema, AUDIT_OUTCOMES, type AuditOutcome } from '@/lib/contracts/audit';
import { apiFetch } from './api';

/** The filters as they appear in the URL and on the API's query string (strings, not parsed dates). */
export type AuditUrlFilters = {
  actor?: string;
  action?: string;
  outcome?: AuditOutcome[];
  /** ISO date-time. */
  from?: string;
  to?: string;
  target?: string;
  tenant?: string;
};

export const AUDIT_FILTER_KEYS = ['actor', 'action', 'outcome', 'from', 'to', 'target', 'tenant'] as const;
export const AUDIT_PAGE_SIZE = 100;

/** Reads the filters from a URL, dropping what cannot be valid (a hand-edited URL must not break the page). */
export function parseAuditFilters(params: URLSearchParams): AuditUrlFilters {
  const text = (key: string, max: number) => {
    const value = params.get(key)?.trim();
    return value && value.length <= max ? value : undefined;
  };
  const time = (key: string) => {
    const value = text(key, 64);
    return value && !Number.isNaN(Date.parse(value)) ? value : undefined;
  };
  const action = text('action', 64);
  const outcome = params
    .getAll('outcome')
    .flatMap((value) => value.split(','))
    .filter((value): value is AuditOutcome => (AUDIT_OUTCOMES as readonly string[]).includes(value));
  return {
    actor: text('actor', 320),
    action: action && /^[a-z0-9.-]+$/.test(action) ? action : undefined,
    outcome: outcome.length ? [...new Set(outcome)].sort() : undefined,
    from: time('from'),
    to: time('to'),
    target: text('target', 253),
    tenant: text('tenant', 63),
  };
}

/** Canonical query string (sorted keys, repeated `outcome`), used for the URL, the API and the CSV link. */
export function auditSearchParams(filters: AuditUrlFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.set(key, value);
  }
  return params;
}

export function auditExportHref(filters: AuditUrlFilters): string {
  const query = auditSearchParams(filters).toString();
  return `/api/v1/audit/export.csv${query ? `?${query}` : ''}`;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditUrlFilters) => ['audit', 'list', auditSearchParams(filters).toString()] as const,
};

export const auditListQuery = (filters: AuditUrlFilters, pageSize = AUDIT_PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => {
      const params = auditSearchParams(filters);
      params.set('limit', String(pageSize));
      if (pageParam) params.set('cursor', pageParam);
      return apiFetch(`/api/v1/audit?${params.toString()}`, { signal, schema: AuditListResponseSchema });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
