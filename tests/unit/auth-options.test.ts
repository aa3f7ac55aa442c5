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
    const options = await optionsWith({ ...base, OIDC_ISSUER: 'https://idp.example.vlaanderen.be/', OIDC_CLIENT_ID: 'vhd', OIDC_CLIENT_SECRET: 's' });
    const oidc = options.providers.find((p) => p.id === 'oidc') as unknown as { wellKnown: string; checks: string[] };
    expect(oidc.wellKnown).toBe('https://idp.example.vlaanderen.be/.well-known/openid-configuration');
    expect(oidc.checks).toEqual(['pkce', 'state', 'nonce']);
  });

  it('sessions expire after the idle time and are renewed on every read', async () => {
    const options = await optionsWith(base);
    expect(options.session).toMatchObject({ strategy: 'jwt', maxAge: 20 * 60, updateAge: 0 });
    expect(options.pages).toMatchObject({ signIn: '/login' });
  });

  it('an unverified e-mail address from the IdP is not used to link an account', async () => {
    const options = await optionsWith({ ...base, OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'vhd', OIDC_CLIENT_SECRET: 's' });
    const oidc = options.providers.find((p) => p.id === 'oidc') as unknown as { profile: (p: Record<string, unknown>) => { email: string | null } };
    expect(oidc.profile({ sub: '1', email: 'a@b.be', email_verified: false }).email).toBeNull();
    expect(oidc.profile({ sub: '1', email: 'a@b.be', email_verified: true }).email).toBe('a@b.be');
  });
});
