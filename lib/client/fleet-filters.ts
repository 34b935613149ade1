/**
 * Filters live in the URL so a view can be shared: these helpers read them back through the same
 * zod schemas the API uses, dropping (not failing on) any parameter a hand-edited URL got wrong.
 */
import type { z } from 'zod';
import { nodeListQuerySchema, podListQuerySchema, workloadListQuerySchema } from '@/lib/contracts/fleet';
import type { NodeFilters, PodFilters, WorkloadFilters } from './fleet-api';

/** Paging belongs to the list, not to the shared view. */
const NON_FILTER_KEYS = new Set(['limit', 'cursor']);

export function parseFilters<S extends z.ZodType>(
  schema: S,
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Partial<z.output<S>> {
  const raw: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) {
    if (NON_FILTER_KEYS.has(key) || value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : value;
    if (text !== '') raw[key] = text;
  }
  // Drop whichever keys fail, then retry: one bad parameter must not discard the rest of the view.
  for (let attempt = 0; attempt < 8; attempt++) {
    const result = schema.safeParse(raw);
    if (result.success) {
      const parsed = result.data as Record<string, unknown>;
      // Keep only what the URL actually said, so defaults (sort=name, order=asc) don't clutter keys and links.
      return Object.fromEntries(Object.entries(parsed).filter(([key]) => key in raw)) as Partial<z.output<S>>;
    }
    const badKeys = new Set(result.error.issues.map((issue) => String(issue.path[0] ?? '')));
    let removed = false;
    for (const key of badKeys) {
      if (key in raw) {
        delete raw[key];
        removed = true;
      }
    }
    if (!removed) break;
  }
  return {};
}

export const parseNodeFilters = (params: URLSearchParams | Record<string, string | string[] | undefined>): NodeFilters =>
  parseFilters(nodeListQuerySchema, params);
export const parsePodFilters = (params: URLSearchParams | Record<string, string | string[] | undefined>): PodFilters =>
  parseFilters(podListQuerySchema, params);
export const parseWorkloadFilters = (params: URLSearchParams | Record<string, string | string[] | undefined>): WorkloadFilters =>
  parseFilters(workloadListQuerySchema, params);
