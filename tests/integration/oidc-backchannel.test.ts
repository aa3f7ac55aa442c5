import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '@/prisma/factories';
import { ownerDb } from '../helpers/db';
import { buildScenario, type Scenario } from '../helpers/scenario';
import { hashSessionToken, newSessionToken } from '../helpers/session-token';

/**
 * OpenID Connect Back-Channel Logout 1.0 (issue 14 §1, ADR 0044): a logout token signed by the
 * configured IdP ends the sessions opened through that identity before it was issued — not a
 * password + TOTP session, not a later one — and is logged; a token that is not the IdP's, not for
 * this client, too old, without the event, with a nonce (an ID token) or unreadable ends nothing.
 * The IdP is a small HTTP server here with its own key (discovery + JWKS); the app reads it the
 * way it reads the real one.
 */
const CLIENT = 'vhd-backchannel-test';
const EVENT = { 'http://schemas.openid.net/event/backchannel-logout': {} };
let s: Scenario;
let idp: http.Server;
let issuer = '';
let key: KeyLike;
let otherKey: KeyLike;
let backchannelLogout: typeof import('@/lib/auth/backchannel-logout').backchannelLogout;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  key = pair.privateKey;
  ({ privateKey: otherKey } = await generateKeyPair('RS256'));
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  idp = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    if (req.url === '/.well-known/openid-configuration')
      return res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    if (req.url === '/jwks') return res.end(JSON.stringify({ keys: [jwk] }));
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((r) => idp.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  // this file's app configuration: an IdP (lib/env.ts reads process.env on first use)
  Object.assign(process.env, { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT, OIDC_CLIENT_SECRET: 'geheim-test' });
  ({ backchannelLogout } = await import('@/lib/auth/backchannel-logout'));
  s = await buildScenario();
});
afterAll(async () => {
  await new Promise((r) => idp.close(r));
});

const token = (claims: Record<string, unknown>, opts: { key?: KeyLike; aud?: string; iat?: number } = {}) =>
  new SignJWT({ events: EVENT, jti: crypto.randomUUID(), ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'logout+jwt' })
    .setIssuer(issuer)
    .setAudience(opts.aud ?? CLIENT)
    .setIssuedAt(opts.iat ?? Math.floor(Date.now() / 1000))
    .sign(opts.key ?? key);

/** An account linked to `sub`, with sessions: two through the IdP, one with password + TOTP. */
async function linkedAccount() {
  const sub = `idp-${crypto.randomUUID()}`;
  const user = await makeUser(ownerDb(), {
    organisationId: s.users.coordA.organisationId,
    roles: [{ role: 'REFERRER' }],
  });
  await ownerDb().user.update({ where: { id: user.id }, data: { oidcSubject: sub } });
  const session = async (method: 'OIDC' | 'TOTP', createdAt: Date) =>
    (
      await ownerDb().authSession.create({
        data: {
          userId: user.id,
          tokenHash: hashSessionToken(newSessionToken()),
          createdAt,
          lastSeenAt: createdAt,
          expiresAt: new Date(createdAt.getTime() + 3_600_000),
          idleMinutes: 60,
          secondFactorAt: createdAt,
          secondFactorMethod: method,
        },
      })
    ).id;
  const earlier = new Date(Date.now() - 60_000);
  return {
    sub,
    user,
    oidc: [await session('OIDC', earlier), await session('OIDC', earlier)],
    totp: await session('TOTP', earlier),
  };
}
const live = async (ids: string[]) =>
  (await ownerDb().authSession.findMany({ where: { id: { in: ids }, revokedAt: null }, select: { id: true } })).map(
    (x) => x.id,
  );
const logged = (userId: string | null, outcome: 'ALLOWED' | 'DENIED') =>
  ownerDb().auditEvent.count({ where: { action: 'auth.logout.oidc.backchannel', actorUserId: userId, outcome } });

describe('back-channel logout (ADR 0044)', () => {
  it("the IdP's logout token ends the sessions opened through that identity, not the password one, and is logged", async () => {
    const a = await linkedAccount();
    expect(await backchannelLogout(await token({ sub: a.sub }))).toEqual({ ok: true, ended: 2 });
    expect(await live([...a.oidc, a.totp])).toEqual([a.totp]);
    const ended = await ownerDb().authSession.findUniqueOrThrow({ where: { id: a.oidc[0]! } });
    expect(ended.revokedReason).toBe('afgemeld bij de identiteitsprovider');
    expect(await logged(a.user.id, 'ALLOWED')).toBe(1);
  });

  it('a session opened after the token was issued survives it (a replayed token ends nothing new)', async () => {
    const a = await linkedAccount();
    const issued = Math.floor(Date.now() / 1000) - 120;
    expect(await backchannelLogout(await token({ sub: a.sub }, { iat: issued }))).toEqual({ ok: true, ended: 0 });
    expect(await live(a.oidc)).toEqual(expect.arrayContaining(a.oidc));
  });

  it('refused, ending nothing: another key, another audience, too old, no event, a nonce, no sub, not a JWT', async () => {
    const a = await linkedAccount();
    const bad = [
      await token({ sub: a.sub }, { key: otherKey }),
      await token({ sub: a.sub }, { aud: 'een-andere-client' }),
      await token({ sub: a.sub }, { iat: Math.floor(Date.now() / 1000) - 3600 }),
      await token({ sub: a.sub, events: {} }),
      await token({ sub: a.sub, nonce: 'n-0S6_WzA2Mj' }),
      await token({ sid: 'een-sessie' }),
      'geen.jwt.waarde',
      '',
      null,
    ];
    for (const t of bad)
      expect(await backchannelLogout(t), String(t).slice(0, 40)).toMatchObject({ ok: false, status: 400 });
    expect(await live([...a.oidc, a.totp])).toHaveLength(3);
    expect(await logged(a.user.id, 'ALLOWED')).toBe(0);
  });

  it('an identity nobody is linked to ends nothing and is logged as denied', async () => {
    const before = await logged(null, 'DENIED');
    expect(await backchannelLogout(await token({ sub: `idp-${crypto.randomUUID()}` }))).toEqual({ ok: true, ended: 0 });
    expect(await logged(null, 'DENIED')).toBe(before + 1);
  });
});
