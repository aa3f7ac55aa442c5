/** Points the app's own configuration (lib/env.ts reads process.env) at a test database. */
export function pointAppAt(
  appUrl: string,
  secrets: {
    NEXTAUTH_SECRET: string;
    FIELD_ENCRYPTION_KEYS: string;
    FIELD_ENCRYPTION_KEY_ID: string;
    LOOKUP_HMAC_KEY: string;
  },
) {
  Object.assign(process.env, {
    APP_DATABASE_URL: appUrl,
    NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET,
    FIELD_ENCRYPTION_KEYS: secrets.FIELD_ENCRYPTION_KEYS,
    FIELD_ENCRYPTION_KEY_ID: secrets.FIELD_ENCRYPTION_KEY_ID,
    LOOKUP_HMAC_KEY: secrets.LOOKUP_HMAC_KEY,
    DB_POOL_MAX: '4',
  });
}
