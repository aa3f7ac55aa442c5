import { NextResponse } from 'next/server';
import { idpLogoutUrl } from '@/lib/auth/idp-logout';

/**
 * After signing out of a session opened through the IdP (the local session has already ended):
 * on to the IdP's end-session endpoint, which asks the user to confirm and comes back to the
 * login page (ADR 0044). No state is changed here, so a GET is safe.
 */
export async function GET(request: Request) {
  const target = await idpLogoutUrl(new URL(request.url).origin);
  return NextResponse.redirect(new URL(target, request.url), { status: 303, headers: { 'Cache-Control': 'no-store' } });
}
