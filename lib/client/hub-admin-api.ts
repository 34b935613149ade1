/**
 * Browser data layer for hub registration (`/api/v1/admin/hubs/**`, lib/contracts/hub-admin.ts).
 * Credentials only ever travel in request bodies; no response carries them, so nothing secret is
 * cached here. Keys sit under ['admin', …] so admin-wide invalidation refreshes the hub list too.
 */
import { queryOptions } from '@tanstack/react-query';
import {
  AdminHubListResponseSchema,
  AdminHubResponseSchema,
  HubTestResultSchema,
  type AdminHubResponse,
  type CreateHubRequest,
  type HubConnectionInput,
  type HubTestResult,
  type UpdateHubRequest,
} from '@/lib/contracts/hub-admin';
import type { z } from 'zod';
import type { TestStoredHubRequestSchema } from '@/lib/contracts/hub-admin';
import { apiFetch } from './api';

const seg = encodeURIComponent;

export type TestStoredHubRequest = z.input<typeof TestStoredHubRequestSchema>;

export const hubAdminKeys = {
  all: ['admin', 'hubs'] as const,
  list: () => ['admin', 'hubs', 'list'] as const,
};

export const hubAdminListQuery = () =>
  queryOptions({
    queryKey: hubAdminKeys.list(),
    queryFn: ({ signal }) => apiFetch('/api/v1/admin/hubs', { signal, schema: AdminHubListResponseSchema }),
    // Status and last sync move on their own; a slow refresh keeps the table honest without a stream.
    refetchInterval: 10_000,
  });

export const hubAdminMutations = {
  create: (body: CreateHubRequest): Promise<AdminHubResponse> =>
    apiFetch('/api/v1/admin/hubs', { method: 'POST', body, schema: AdminHubResponseSchema }),
  update: (name: string, body: UpdateHubRequest): Promise<AdminHubResponse> =>
    apiFetch(`/api/v1/admin/hubs/${seg(name)}`, { method: 'PATCH', body, schema: AdminHubResponseSchema }),
  remove: async (name: string): Promise<void> => {
    await apiFetch(`/api/v1/admin/hubs/${seg(name)}`, { method: 'DELETE' });
  },
  /** Tests a connection that is not stored yet. A failed test is a 200 result, not an error. */
  test: (body: HubConnectionInput): Promise<HubTestResult> =>
    apiFetch('/api/v1/admin/hubs/test', { method: 'POST', body, schema: HubTestResultSchema }),
  /** Tests a registered hub's stored connection with some fields replaced (the edit form's changes). */
  testStored: (name: string, body: TestStoredHubRequest): Promise<HubTestResult> =>
    apiFetch(`/api/v1/admin/hubs/${seg(name)}/test`, { method: 'POST', body, schema: HubTestResultSchema }),
};
