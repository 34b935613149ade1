/**
 * Browser fetch wrapper for the BFF's JSON API. Every non-2xx answer becomes an `ApiClientError`
 * carrying the server's plain message (`{ error: { code, message, param?, requestId } }`), so UI code
 * can show `error.message` as-is and quote `requestId` when something needs reporting.
 */
import type { z } from 'zod';
import { ApiErrorSchema } from '@/lib/contracts/errors';

export class ApiClientError extends Error {
  /** HTTP status; 0 when the server could not be reached at all. */
  readonly status: number;
  /** Stable machine-readable code (bad_request, unauthorized, …, or `network` / `invalid_response`). */
  readonly code: string;
  /** For 400s: the input the server rejected. */
  readonly param?: string;
  readonly requestId?: string;

  constructor(init: { status: number; code: string; message: string; param?: string; requestId?: string }) {
    super(init.message);
    this.name = 'ApiClientError';
    this.status = init.status;
    this.code = init.code;
    this.param = init.param;
    this.requestId = init.requestId;
  }
}

export type ApiRequest<T> = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Serialised as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Validates the success body; a mismatch is reported as `invalid_response`, never silently used. */
  schema?: z.ZodType<T>;
};

export async function apiFetch<T = unknown>(path: string, request: ApiRequest<T> = {}): Promise<T> {
  const { method = 'GET', body, signal, schema } = request;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiClientError({
      status: 0,
      code: 'network',
      message: 'The console server could not be reached. Check your connection and try again.',
    });
  }

  // 204 No Content (e.g. DELETE) has no body to parse.
  const text = response.status === 204 ? '' : await response.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }

  if (!response.ok) {
    const parsed = ApiErrorSchema.safeParse(json);
    if (parsed.success) throw new ApiClientError({ status: response.status, ...parsed.data.error });
    throw new ApiClientError({
      status: response.status,
      code: response.status === 401 ? 'unauthorized' : 'http_error',
      message: `The server answered ${response.status} ${response.statusText || ''}`.trim() + '.',
    });
  }

  if (!schema) return json as T;
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new ApiClientError({
      status: response.status,
      code: 'invalid_response',
      message: 'The server sent a response this console version does not understand. Reload the page.',
    });
  }
  return result.data;
}
