/** Browser data layer for personal API tokens: query keys, queryOptions and mutation functions. */
import { queryOptions } from '@tanstack/react-query';
import {
  CreateTokenResponseSchema,
  ListTokensResponseSchema,
  type CreateTokenRequest,
  type CreateTokenResponse,
} from '@/lib/contracts/tokens';
import { apiFetch } from './api';

/** Tokens are per user (the session's), so the key needs no hub/tenant scope. */
export const tokenQueryKeys = {
  all: ['tokens'] as const,
  list: () => [...tokenQueryKeys.all, 'list'] as const,
};

export const tokenListQueryOptions = () =>
  queryOptions({
    queryKey: tokenQueryKeys.list(),
    queryFn: ({ signal }) => apiFetch('/api/v1/tokens', { signal, schema: ListTokensResponseSchema }),
  });

export function createToken(input: CreateTokenRequest): Promise<CreateTokenResponse> {
  return apiFetch('/api/v1/tokens', { method: 'POST', body: input, schema: CreateTokenResponseSchema });
}

export async function revokeToken(id: string): Promise<void> {
  await apiFetch(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
