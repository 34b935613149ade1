import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// next-intl without locale routing: the plugin only wires i18n/request.ts into the server build.
const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/**
 * Headers for every response. The page Content-Security-Policy is NOT here: Next.js streams inline
 * <script> tags (the RSC payload) that need either 'unsafe-inline' or a per-request nonce. We choose
 * the nonce — proxy.ts generates one per page request and sets the CSP header, and Next.js stamps the
 * nonce on its own scripts — so an injected inline script cannot run. Every console page is dynamic
 * anyway (session, theme and language cookies), so a nonce costs no static optimisation.
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Legacy twin of CSP frame-ancestors 'none' for browsers that ignore CSP framing rules.
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** JSON API responses never render HTML, so they get the tightest possible policy. */
const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native addons, WASM and Node-only libraries: load them from node_modules at runtime instead of
  // bundling them into server chunks.
  serverExternalPackages: ['@node-rs/argon2', '@electric-sql/pglite', '@kubernetes/client-node', 'pino'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: apiContentSecurityPolicy }] },
    ];
  },
};

export default withNextIntl(nextConfig);
