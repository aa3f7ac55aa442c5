import 'server-only';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { recordAudit } from '@/lib/audit/log';
import { env } from '@/lib/env';
import { withoutActor } from '@/lib/use-case/kernel';
import { idpDiscovery } from './idp-discovery';
import { loginActor } from './login-actor';

const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
/** A logout token older than this is refused (clock skew included). */
const MAX_TOKEN_AGE = '5 minutes';

let keySet: { uri: string; jwks: ReturnType<typeof createRemoteJWKSet> } | undefined;

async function idpKeys(issuer: string) {
  const doc = await idpDiscovery(issuer);
  if (typeof doc?.jwks_uri !== 'string') throw new Error('the IdP publishes no jwks_uri');
  if (keySet?.uri !== doc.jwks_uri) keySet = { uri: doc.jwks_uri, jwks: createRemoteJWKSet(new URL(doc.jwks_uri)) };
  return keySet.jwks;
}

export type BackchannelOutcome =
  | { ok: true; ended: number }
  | { ok: false; status: 400 | 404 | 503; error: 'invalid_request' | 'not_configured' | 'temporarily_unavailable' };

/**
 * OpenID Connect Back-Channel Logout 1.0 (issue 14 §1, ADR 0044): the IdP posts a signed logout
 * token when a person signs out there or their IdP session ends. The token must be a JWT signed
 * by the configured IdP's keys (jose, keys from its discovery document), for this client, recent,
 * carrying the back-channel logout event and a `sub`, and no `nonce` (so an ID token cannot be
 * passed off as one). Then the database ends the sessions opened through that identity before the
 * token was issued (auth_oidc_backchannel_logout) and the access log records it. Anything else is
 * refused with 400 and changes nothing.
 */
export async function backchannelLogout(logoutToken: unknown): Promise<BackchannelOutcome> {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID) return { ok: false, status: 404, error: 'not_configured' };
  if (typeof logoutToken !== 'string' || logoutToken.length === 0 || logoutToken.length > 8192)
    return { ok: false, status: 400, error: 'invalid_request' };
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(logoutToken, await idpKeys(e.OIDC_ISSUER), {
      issuer: e.OIDC_ISSUER,
      audience: e.OIDC_CLIENT_ID,
      maxTokenAge: MAX_TOKEN_AGE,
    }));
  } catch (err) {
    // not the IdP's signature, not for us, too old, malformed: refused; the IdP's keys out of
    // reach (discovery or JWKS): unavailable, so the IdP may retry
    const unavailable = err instanceof joseErrors.JWKSTimeout || !(err instanceof joseErrors.JOSEError);
    return unavailable
      ? { ok: false, status: 503, error: 'temporarily_unavailable' }
      : { ok: false, status: 400, error: 'invalid_request' };
  }
  const events = payload.events as Record<string, unknown> | undefined;
  const valid =
    !!events &&
    typeof events === 'object' &&
    typeof events[LOGOUT_EVENT] === 'object' &&
    payload.nonce === undefined &&
    typeof payload.sub === 'string' &&
    payload.sub.length > 0 &&
    typeof payload.iat === 'number';
  if (!valid) return { ok: false, status: 400, error: 'invalid_request' };
  const issuedAt = new Date(payload.iat! * 1000);
  return withoutActor(async (tx) => {
    const [row] = await tx.$queryRaw<{ user_id: string; organisation_id: string; ended: number }[]>`
      SELECT * FROM auth_oidc_backchannel_logout(${payload.sub}, ${issuedAt}::timestamptz)`;
    await recordAudit(tx, row ? loginActor({ id: row.user_id, organisationId: row.organisation_id }) : null, {
      action: 'auth.logout.oidc.backchannel',
      objectType: 'Session',
      purpose: 'authentication',
      outcome: row ? 'ALLOWED' : 'DENIED',
    });
    return { ok: true, ended: row?.ended ?? 0 };
  });
}
