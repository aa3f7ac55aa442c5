import { z } from './validation/zod';

/**
 * Runtime configuration of the web app, validated once. Every variable is documented in
 * .env.example; scripts/start.ts and scripts/test.ts fill them in for the embedded database.
 */
const base64Key = z.string().refine((v) => Buffer.from(v, 'base64').length === 32, 'moet 32 bytes in base64 zijn');

const schema = z
  .object({
    APP_DATABASE_URL: z.string().url('moet een postgresql://-URL zijn'),
    NEXTAUTH_SECRET: z.string().min(32, 'minstens 32 tekens'),
    NEXTAUTH_URL: z.string().url().optional(),
    FIELD_ENCRYPTION_KEYS: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+)*$/,
        'formaat: sleutelid:base64[,sleutelid:base64]',
      ),
    FIELD_ENCRYPTION_KEY_ID: z.string().min(1),
    LOOKUP_HMAC_KEY: base64Key,
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(480).default(15),
    SESSION_IDLE_MINUTES_NO_CONTENT: z.coerce.number().int().min(5).max(480).default(30),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),
    LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(3).max(20).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    AUTH_PASSWORD_LOGIN: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    // issue 14 §3, ADR 0046: the bearer token of /api/metrics (without it the route answers 404)
    METRICS_TOKEN: z.string().min(24, 'minstens 24 tekens').optional(),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    // how long a request may wait for a free connection of the pool before it fails (ms): under a
    // burst, pages queue for a connection; waiting is better than an error page (lib/db/pool.ts)
    DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(30_000),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().default('Vlaamse overheid (ACM/IDM)'),
    OIDC_ACR_VALUES: z.string().min(1).optional(),
    OIDC_MFA_ACR: z.string().min(1).optional(),
    // ADR 0044: the scopes asked for, and the claim with the national number that links a first login
    OIDC_SCOPE: z.string().min(1).default('openid profile rrn'),
    OIDC_LINK_CLAIM: z.string().min(1).default('rrn'),
    // attached documents (issue 13 §3; ADR 0040): lib/attachments/limits.ts, blob-store.ts
    ATTACHMENT_DIR: z.string().min(1).optional(),
    ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int('een geheel aantal bytes')
      .min(1024, 'minstens 1024 bytes')
      .max(1024 * 1024 * 1024, 'hoogstens 1 GiB')
      .optional(),
    ATTACHMENT_S3_ENDPOINT: z.string().url('moet een http(s)://-URL zijn').optional(),
    ATTACHMENT_S3_BUCKET: z.string().min(1).optional(),
    ATTACHMENT_S3_REGION: z.string().min(1).optional(),
    ATTACHMENT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    ATTACHMENT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'OIDC_ISSUER, OIDC_CLIENT_ID en OIDC_CLIENT_SECRET horen samen: zet ze alle drie of geen',
      });
    }
    if (!env.AUTH_PASSWORD_LOGIN && !env.OIDC_ISSUER) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_PASSWORD_LOGIN'],
        message: 'zonder OIDC_ISSUER kan niemand zich nog aanmelden',
      });
    }
    const s3 = [
      env.ATTACHMENT_S3_ENDPOINT,
      env.ATTACHMENT_S3_BUCKET,
      env.ATTACHMENT_S3_ACCESS_KEY_ID,
      env.ATTACHMENT_S3_SECRET_ACCESS_KEY,
    ];
    if (s3.some(Boolean) && !s3.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ATTACHMENT_S3_ENDPOINT'],
        message:
          'ATTACHMENT_S3_ENDPOINT, _BUCKET, _ACCESS_KEY_ID en _SECRET_ACCESS_KEY horen samen: zet ze alle vier of geen',
      });
    }
    const ids = env.FIELD_ENCRYPTION_KEYS.split(',').map((p) => p.split(':')[0]);
    if (!ids.includes(env.FIELD_ENCRYPTION_KEY_ID)) {
      ctx.addIssue({
        code: 'custom',
        path: ['FIELD_ENCRYPTION_KEY_ID'],
        message: 'komt niet voor in FIELD_ENCRYPTION_KEYS',
      });
    }
    for (const part of env.FIELD_ENCRYPTION_KEYS.split(',')) {
      const key = part.split(':')[1] ?? '';
      if (Buffer.from(key, 'base64').length !== 32) {
        ctx.addIssue({
          code: 'custom',
          path: ['FIELD_ENCRYPTION_KEYS'],
          message: `sleutel ${part.split(':')[0]} is geen 32 bytes`,
        });
      }
    }
  });

export type Env = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses an environment; the error names every wrong variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const name = String(i.path[0] ?? '(env)');
      const missing = i.code === 'invalid_type' && (source[name] === undefined || source[name] === '');
      return `  ${i.path.join('.') || '(env)'}: ${missing ? 'ontbreekt (verplicht)' : i.message}`;
    });
    throw new ConfigError(`Ongeldige configuratie (zie .env.example):\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
