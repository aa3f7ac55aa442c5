import { NextResponse, type NextRequest } from 'next/server';
import { attachmentMaxBytes } from '@/lib/attachments/limits';

/**
 * Security headers that need a fresh value per request (ASVS 3.4; ADR 0019): a Content
 * Security Policy whose scripts run only with this response's nonce — no 'unsafe-inline' for
 * scripts, no plug-ins, no framing — and HSTS. Next.js reads the nonce from the request's CSP
 * header and puts it on its own scripts; every page is rendered per request, so that works.
 * The static headers (frame, referrer, permissions) stay in next.config.ts.
 */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV !== 'production'): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React sets style attributes; styles cannot run code
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The largest body a form may send: Next.js's limit for server actions (1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The upload of an attachment (issue 13 §3; ADR 0040): its own, larger limit, checked by its route. */
const ATTACHMENT_UPLOAD = /^\/api\/v1\/dossiers\/[^/]+\/bijlagen$/;

export function proxy(request: NextRequest) {
  // Next.js answers an oversized server-action body with a 500; answer it here, clearly (413)
  const length = Number(request.headers.get('content-length') ?? '0');
  const limit = ATTACHMENT_UPLOAD.test(request.nextUrl.pathname) ? attachmentMaxBytes() + 64 * 1024 : MAX_BODY_BYTES;
  if (request.method !== 'GET' && request.method !== 'HEAD' && length > limit) {
    return new NextResponse(
      'Wat je verstuurt is te groot (meer dan 1 MB). Maak de tekst korter of verdeel hem over meerdere velden, en probeer opnieuw.',
      { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } },
    );
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  return response;
}

export const config = {
  // The dossier import (issue 14 §4; ADR 0047) is left out: an archive may be up to 200 MB, and a
  // matched route's body is buffered up to proxyClientMaxBodySize for every caller, signed in or
  // not. Unmatched, the body streams to the route, which first checks origin and session
  // (lib/http/form-post.ts) and then its own limit; its JSON needs no CSP nonce.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|api/v1/dossiers/import$).*)' }],
};
