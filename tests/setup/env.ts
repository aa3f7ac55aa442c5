import { inject } from 'vitest';

// The app code reads its configuration from process.env (lib/env.ts); point it at the test database.
const db = inject('db');
const secrets = inject('secrets');
Object.assign(process.env, {
  APP_DATABASE_URL: db.appUrl,
  NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET,
  FIELD_ENCRYPTION_KEYS: secrets.FIELD_ENCRYPTION_KEYS,
  FIELD_ENCRYPTION_KEY_ID: secrets.FIELD_ENCRYPTION_KEY_ID,
  LOOKUP_HMAC_KEY: secrets.LOOKUP_HMAC_KEY,
  DB_POOL_MAX: '4',
});
