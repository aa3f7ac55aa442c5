import { backchannelLogout } from '@/lib/auth/backchannel-logout';

/**
 * OpenID Connect Back-Channel Logout 1.0 (issue 14 §1, ADR 0044): the IdP posts
 * `logout_token=<JWT>` (application/x-www-form-urlencoded) server to server. The answer carries
 * no body worth caching: 200 when handled, 400 for a token that is refused, 503 when the IdP's
 * keys cannot be fetched, 404 without an IdP.
 */
export async function POST(req: Request) {
  let token: unknown = null;
  try {
    token = (await req.formData()).get('logout_token');
  } catch {
    token = null;
  }
  const out = await backchannelLogout(token);
  const headers = { 'Cache-Control': 'no-store' };
  return out.ok
    ? new Response(null, { status: 200, headers })
    : Response.json({ error: out.error }, { status: out.status, headers });
}
