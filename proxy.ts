// Next.js 16 Proxy (formerly Middleware): gives every page request a fresh CSP nonce and tells the
// server components which path was requested.
// It does not authenticate — app/(console)/layout.tsx does that on the server with the real session.
import { NextResponse, type NextRequest } from 'next/server';
import { buildContentSecurityPolicy, createNonce } from '@/lib/security/content-security-policy';

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({ nonce, development: process.env.NODE_ENV === 'development' });

  // Next.js reads the nonce from the *request* CSP header while rendering and stamps its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  // Layouts cannot see the URL; requirePrincipal() reads this to send signed-out users back here
  // after sign-in. Overwritten on every request, so a client cannot spoof it.
  requestHeaders.set('x-overlook-pathname', `${request.nextUrl.pathname}${request.nextUrl.search}`);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API routes get their own strict policy from next.config.ts; static assets need none.
      source: '/((?!api|_next/static|_next/image|favicon.ico|robots.txt).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
