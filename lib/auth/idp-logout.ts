import 'server-only';
import { env } from '@/lib/env';
import { idpDiscovery } from './idp-discovery';

/** The IdP's end_session_endpoint from its discovery document, or null. */
async function endSessionEndpoint(issuer: string): Promise<string | null> {
  const doc = await idpDiscovery(issuer);
  return typeof doc?.end_session_endpoint === 'string' ? doc.end_session_endpoint : null;
}

/**
 * Where the browser goes after the local session has ended, to end the IdP's session too
 * (OpenID Connect RP-Initiated Logout 1.0, with `client_id`; ADR 0044): the IdP's end-session
 * endpoint, which comes back to the login page. Without an IdP, or when it offers no such
 * endpoint or cannot be reached, straight to the login page.
 */
export async function idpLogoutUrl(origin: string): Promise<string> {
  const e = env();
  const back = `${(e.NEXTAUTH_URL ?? origin).replace(/\/$/, '')}/login?fout=afgemeld`;
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID) return '/login';
  const url = await endSessionEndpoint(e.OIDC_ISSUER).catch(() => null);
  if (!url) return '/login?fout=afgemeld';
  const target = new URL(url);
  target.searchParams.set('client_id', e.OIDC_CLIENT_ID);
  target.searchParams.set('post_logout_redirect_uri', back);
  return target.toString();
}
