import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiClientError, apiFetch } from './api';

function respond(status: number, body: unknown, statusText = '') {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  vi.stubGlobal('fetch', vi.fn(async () => new Response(status === 204 ? null : text, { status, statusText })));
}

afterEach(() => vi.unstubAllGlobals());

describe('apiFetch', () => {
  it('returns the parsed body and validates it with the schema', async () => {
    respond(200, { items: [1, 2] });
    await expect(apiFetch('/api/x', { schema: z.object({ items: z.array(z.number()) }) })).resolves.toEqual({
      items: [1, 2],
    });
  });

  it('turns the BFF error JSON into an ApiClientError with code, param and requestId', async () => {
    respond(400, { error: { code: 'bad_request', message: 'name is required', param: 'name', requestId: 'r-1' } });
    const error = await apiFetch('/api/x', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 400, code: 'bad_request', message: 'name is required', param: 'name', requestId: 'r-1' });
  });

  it('reports a non-JSON error page without leaking its body', async () => {
    respond(502, '<html>Bad gateway</html>', 'Bad Gateway');
    const error = (await apiFetch('/api/x').catch((e: unknown) => e)) as ApiClientError;
    expect(error.code).toBe('http_error');
    expect(error.message).toBe('The server answered 502 Bad Gateway.');
  });

  it('rejects a success body that does not match the schema', async () => {
    respond(200, { items: 'nope' });
    const error = (await apiFetch('/api/x', { schema: z.object({ items: z.array(z.number()) }) }).catch((e: unknown) => e)) as ApiClientError;
    expect(error.code).toBe('invalid_response');
  });

  it('accepts 204 with no body', async () => {
    respond(204, undefined);
    await expect(apiFetch('/api/x', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('maps a network failure to code "network"', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('fetch failed'); }));
    const error = (await apiFetch('/api/x').catch((e: unknown) => e)) as ApiClientError;
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });
});
