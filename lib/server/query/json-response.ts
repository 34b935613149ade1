import 'server-only';

/**
 * JSON responses for fleet answers. Shared answers (see result-cache.ts) are the same object for every
 * caller until the data changes, so their serialized form is kept beside them: a 70 KB node page is
 * stringified once per change, not once per request.
 */
const serialized = new WeakMap<object, string>();

export function toJson(value: object): string {
  let json = serialized.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    serialized.set(value, json);
  }
  return json;
}

export function jsonResponse(value: object, status = 200): Response {
  return new Response(toJson(value), { status, headers: { 'content-type': 'application/json' } });
}
