import 'server-only';

export interface IdpDiscovery {
  end_session_endpoint?: unknown;
  jwks_uri?: unknown;
}

let cached: { issuer: string; doc: IdpDiscovery } | undefined;

/** The IdP's OpenID Connect discovery document, fetched once per issuer (ADR 0044). */
export async function idpDiscovery(issuer: string): Promise<IdpDiscovery | null> {
  if (cached?.issuer === issuer) return cached.doc;
  const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(10_000),
    cache: 'no-store',
  });
  if (!res.ok) return null;
  const doc = (await res.json()) as IdpDiscovery;
  cached = { issuer, doc };
  return doc;
}
