import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validateStartConfig } from '@/scripts/lib/start-config';
import { newCheckpointKeys } from '@/lib/audit/checkpoint';

const valid = {
  DATABASE_URL: 'postgresql://vhd_owner:x@127.0.0.1:5432/vhd',
  APP_DB_PASSWORD: 'een-wachtwoord',
  NEXTAUTH_SECRET: 'x'.repeat(40),
  FIELD_ENCRYPTION_KEYS: `k1:${crypto.randomBytes(32).toString('base64')}`,
  FIELD_ENCRYPTION_KEY_ID: 'k1',
  LOOKUP_HMAC_KEY: crypto.randomBytes(32).toString('base64'),
};

describe('the configuration of npm start, checked before the database (issue 11 §6)', () => {
  it('accepts a complete configuration whose application URL is still to be derived', () => {
    expect(
      validateStartConfig(
        { ...valid, PORT: '3100', AUDIT_CHECKPOINT_PRIVATE_KEY: newCheckpointKeys().privateKey },
        { embedded: false },
      ).NEXTAUTH_SECRET,
    ).toBe(valid.NEXTAUTH_SECRET);
  });

  it('names every wrong variable in one round: the server, the port, mail, the checkpoint key and the web app', () => {
    let message = '';
    try {
      validateStartConfig(
        {
          ...valid,
          DATABASE_URL: 'mysql://elders',
          PORT: 'drieduizend',
          SMTP_URL: 'http://geen-mailserver',
          AUDIT_CHECKPOINT_PRIVATE_KEY: 'geen-sleutel',
          NEXTAUTH_SECRET: 'kort',
          FIELD_ENCRYPTION_KEY_ID: 'k9',
        },
        { embedded: false },
      );
    } catch (e) {
      message = (e as Error).message;
    }
    for (const name of [
      'DATABASE_URL',
      'PORT',
      'SMTP_URL',
      'AUDIT_CHECKPOINT_PRIVATE_KEY',
      'NEXTAUTH_SECRET',
      'FIELD_ENCRYPTION_KEY_ID',
    ]) {
      expect(message).toContain(`  ${name}:`);
    }
    expect(message).toMatch(/^Ongeldige configuratie/);
  });

  it('needs the application password or URL, but not DATABASE_URL for the embedded database', () => {
    const { DATABASE_URL: _server, APP_DB_PASSWORD: _password, ...rest } = valid;
    expect(() => validateStartConfig(rest, { embedded: true })).toThrow(/APP_DB_PASSWORD: verplicht/);
    expect(() => validateStartConfig(rest, { embedded: false })).toThrow(/DATABASE_URL: moet een postgresql/);
    expect(
      validateStartConfig({ ...rest, APP_DATABASE_URL: 'postgresql://vhd_app:x@db/vhd' }, { embedded: true }),
    ).toBeTruthy();
  });
});
