import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

const valid = {
  APP_DATABASE_URL: 'postgresql://vhd_app:x@127.0.0.1:5432/vhd',
  NEXTAUTH_SECRET: 'x'.repeat(40),
  FIELD_ENCRYPTION_KEYS: `k1:${crypto.randomBytes(32).toString('base64')}`,
  FIELD_ENCRYPTION_KEY_ID: 'k1',
  LOOKUP_HMAC_KEY: crypto.randomBytes(32).toString('base64'),
};

describe('configuration', () => {
  it('accepts a complete configuration and fills in defaults', () => {
    const env = parseEnv(valid);
    expect(env.SESSION_IDLE_MINUTES).toBe(15);
    expect(env.SESSION_IDLE_MINUTES_NO_CONTENT).toBe(30);
    expect(env.AUTH_PASSWORD_LOGIN).toBe(true);
    expect(env.LOGIN_MAX_ATTEMPTS).toBe(5);
  });

  it('names every wrong or missing variable in Dutch', () => {
    expect(() => parseEnv({ ...valid, NEXTAUTH_SECRET: 'kort', APP_DATABASE_URL: undefined })).toThrow(
      /NEXTAUTH_SECRET: minstens 32 tekens[\s\S]*|APP_DATABASE_URL/,
    );
    try {
      parseEnv({ ...valid, NEXTAUTH_SECRET: 'kort', APP_DATABASE_URL: undefined });
    } catch (e) {
      expect((e as Error).message).toContain('NEXTAUTH_SECRET');
      expect((e as Error).message).toContain('APP_DATABASE_URL');
      expect((e as Error).message).toContain('.env.example');
    }
  });

  it('wants the three OIDC variables together or not at all', () => {
    expect(() => parseEnv({ ...valid, OIDC_ISSUER: 'https://idp.example' })).toThrow(/OIDC_ISSUER.*alle drie/);
    expect(
      parseEnv({ ...valid, OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' })
        .OIDC_ISSUER,
    ).toBe('https://idp.example');
  });

  it('rejects an encryption key id that is not among the keys', () => {
    expect(() => parseEnv({ ...valid, FIELD_ENCRYPTION_KEY_ID: 'k2' })).toThrow(/FIELD_ENCRYPTION_KEY_ID/);
  });
});

describe('issue 13 §3 (ADR 0040): the attachment settings', () => {
  it('ATTACHMENT_MAX_BYTES is a whole number of bytes within bounds; the S3 settings go together', () => {
    const base = {
      APP_DATABASE_URL: 'postgresql://vhd_app@localhost/vhd',
      NEXTAUTH_SECRET: 'x'.repeat(32),
      FIELD_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32).toString('base64')}`,
      FIELD_ENCRYPTION_KEY_ID: 'k1',
      LOOKUP_HMAC_KEY: Buffer.alloc(32).toString('base64'),
    };
    expect(parseEnv({ ...base, ATTACHMENT_MAX_BYTES: '20971520' }).ATTACHMENT_MAX_BYTES).toBe(20_971_520);
    expect(() => parseEnv({ ...base, ATTACHMENT_MAX_BYTES: '20 MB' })).toThrow(/ATTACHMENT_MAX_BYTES/);
    expect(() => parseEnv({ ...base, ATTACHMENT_MAX_BYTES: '10' })).toThrow(/minstens 1024 bytes/);
    expect(() => parseEnv({ ...base, ATTACHMENT_S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(/alle vier of geen/);
  });
});
