import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

const base = {
  APP_DATABASE_URL: 'postgresql://vhd_app:x@127.0.0.1:5432/vhd',
  NEXTAUTH_SECRET: 'x'.repeat(40),
  FIELD_ENCRYPTION_KEYS: `k1:${crypto.randomBytes(32).toString('base64')}`,
  FIELD_ENCRYPTION_KEY_ID: 'k1',
  LOOKUP_HMAC_KEY: crypto.randomBytes(32).toString('base64'),
  SESSION_IDLE_MINUTES: '20',
};

/** The next-auth configuration: credentials always, OpenID Connect only when configured; idle expiry. */
async function optionsWith(env: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { authOptions } = await import('@/lib/auth/options');
  return authOptions();
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('login configuration', () => {
  it('without OIDC settings only e-mail and password are offered', async () => {
    const options = await optionsWith(base);
    expect(options.providers.map((p) => p.id)).toEqual(['credentials']);
  });

  it('with OIDC settings the government IdP is added, with PKCE, state and nonce', async () => {
    const options = await optionsWith({
      ...base,
      OIDC_ISSUER: 'https://idp.example.vlaanderen.be/',
      OIDC_CLIENT_ID: 'vhd',
      OIDC_CLIENT_SECRET: 's',
    });
    const oidc = options.providers.find((p) => p.id === 'oidc') as unknown as { wellKnown: string; checks: string[] };
    expect(oidc.wellKnown).toBe('https://idp.example.vlaanderen.be/.well-known/openid-configuration');
    expect(oidc.checks).toEqual(['pkce', 'state', 'nonce']);
  });

  it('the cookie lives no longer than the absolute session lifetime; the database decides the rest', async () => {
    const options = await optionsWith({ ...base, SESSION_MAX_HOURS: '10' });
    expect(options.session).toMatchObject({ strategy: 'jwt', maxAge: 10 * 3600 });
    expect(options.pages).toMatchObject({ signIn: '/login' });
  });

  it('AUTH_PASSWORD_LOGIN=false leaves only the IdP', async () => {
    const oidc = { OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'vhd', OIDC_CLIENT_SECRET: 's' };
    const options = await optionsWith({ ...base, ...oidc, AUTH_PASSWORD_LOGIN: 'false' });
    expect(options.providers.map((p) => p.id)).toEqual(['oidc']);
  });

  it('AUTH_PASSWORD_LOGIN=false without an IdP is a configuration error: nobody could log in', async () => {
    await expect(optionsWith({ ...base, AUTH_PASSWORD_LOGIN: 'false' })).rejects.toThrow(/AUTH_PASSWORD_LOGIN/);
  });

  it('OIDC asks for OIDC_ACR_VALUES, and only an ID token that asserts a second factor is accepted', async () => {
    const options = await optionsWith({
      ...base,
      OIDC_ISSUER: 'https://idp.example',
      OIDC_CLIENT_ID: 'vhd',
      OIDC_CLIENT_SECRET: 's',
      OIDC_ACR_VALUES: 'urn:be:substantial',
    });
    const oidc = options.providers.find((p) => p.id === 'oidc') as unknown as {
      authorization: { params: Record<string, string> };
    };
    expect(oidc.authorization.params.acr_values).toBe('urn:be:substantial');
    const { oidcAssertsSecondFactor } = await import('@/lib/auth/login');
    expect(oidcAssertsSecondFactor({ amr: ['pwd'] })).toBe(false);
    expect(oidcAssertsSecondFactor({})).toBe(false);
    expect(oidcAssertsSecondFactor({ amr: ['pwd', 'otp'] })).toBe(true);
    expect(oidcAssertsSecondFactor({ amr: ['hwk'] })).toBe(true);
    expect(oidcAssertsSecondFactor({ acr: 'urn:be:substantial' })).toBe(false);
    expect(oidcAssertsSecondFactor({ acr: 'urn:be:substantial' }, 'urn:be:substantial')).toBe(true);
    expect(oidcAssertsSecondFactor({ amr: 'otp' })).toBe(false);
  });

  it('the client address for throttling is the one the nearest proxy added, not what the client wrote', async () => {
    const { clientAddress } = await import('@/lib/auth/client-address');
    expect(clientAddress('6.6.6.6, 10.0.0.7')).toBe('10.0.0.7');
    expect(clientAddress(['1.1.1.1', '2.2.2.2'])).toBe('2.2.2.2');
    expect(clientAddress(undefined)).toBeNull();
    expect(clientAddress(' , ')).toBeNull();
  });

  it('no e-mail address from the IdP is used to link an account, not even a verified one (ADR 0044)', async () => {
    const options = await optionsWith({
      ...base,
      OIDC_ISSUER: 'https://idp.example',
      OIDC_CLIENT_ID: 'vhd',
      OIDC_CLIENT_SECRET: 's',
    });
    const oidc = options.providers.find((p) => p.id === 'oidc') as unknown as {
      profile: (p: Record<string, unknown>) => { email: string | null };
    };
    expect(oidc.profile({ sub: '1', email: 'a@b.be', email_verified: false }).email).toBeNull();
    expect(oidc.profile({ sub: '1', email: 'a@b.be', email_verified: true }).email).toBeNull();
  });

  it('after login only a path on this site is followed, never another host nor the login itself', async () => {
    const { safeCallbackUrl } = await import('@/lib/auth/callback-url');
    expect(safeCallbackUrl('/dossiers/3f0c1a9e-5b7d-4c2a-9e1f-0a1b2c3d4e5f?x=1')).toBe(
      '/dossiers/3f0c1a9e-5b7d-4c2a-9e1f-0a1b2c3d4e5f?x=1',
    );
    for (const bad of [
      '//evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/login',
      '/login/tweede-factor',
      '',
      undefined,
      42,
    ]) {
      expect(safeCallbackUrl(bad), String(bad)).toBe('/');
    }
  });
});
