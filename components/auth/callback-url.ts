/**
 * Turns an untrusted `?callbackUrl=` into a same-origin path to return to after sign-in. Anything
 * else — another origin, a protocol-relative `//host`, a backslash trick, the login page itself —
 * becomes `/`, so the sign-in page can never be used as an open redirect.
 */
export function safeCallbackPath(raw: string | undefined | null, publicOrigin?: string): string {
  if (!raw) return '/';
  let path: string | null = null;
  if (raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/\\')) {
    path = raw;
  } else if (publicOrigin) {
    try {
      const url = new URL(raw);
      if (url.origin === new URL(publicOrigin).origin) path = `${url.pathname}${url.search}${url.hash}`;
    } catch {
      path = null;
    }
  }
  if (!path || /[\u0000-\u001f\\]/.test(path)) return '/';
  if (path === '/login' || path.startsWith('/login?') || path.startsWith('/api/')) return '/';
  return path;
}
