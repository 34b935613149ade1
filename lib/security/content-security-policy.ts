// Builds the page Content-Security-Policy. Pure (no I/O) so proxy.ts and unit tests share it.

export type CspOptions = {
  /** Fresh, unguessable per request; Next.js reads it back from this header and stamps its scripts. */
  nonce: string;
  /** `next dev` needs 'unsafe-eval' (React rebuilds server error stacks with eval); production never does. */
  development: boolean;
};

export function buildContentSecurityPolicy({ nonce, development }: CspOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'strict-dynamic' lets the nonced Next.js bootstrap load its own chunks; 'self' is the fallback
    // for browsers without CSP level 3.
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // Inline style attributes (React style props, chart libraries) cannot carry a nonce, so styles
    // allow 'unsafe-inline'. Style injection cannot execute code; scripts stay nonce-only.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // The browser only ever talks to the BFF (same origin); dev adds the HMR websocket.
    'connect-src': ["'self'", ...(development ? ['ws:', 'wss:'] : [])],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** 128 random bits, base64: the nonce format CSP expects. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
