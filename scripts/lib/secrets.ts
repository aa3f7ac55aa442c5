import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { newCheckpointKeys } from '../../lib/audit/checkpoint';

/**
 * Secrets for demo and test runs on the embedded database, generated once and kept in a
 * git-ignored file (demo) or only in memory (tests). A deployment sets them itself.
 */
export interface DevSecrets {
  NEXTAUTH_SECRET: string;
  FIELD_ENCRYPTION_KEYS: string;
  FIELD_ENCRYPTION_KEY_ID: string;
  LOOKUP_HMAC_KEY: string;
  APP_DB_PASSWORD: string;
  AUDIT_CHECKPOINT_PRIVATE_KEY: string;
  AUDIT_CHECKPOINT_PUBLIC_KEY: string;
  /** issue 14 §3, ADR 0046: the bearer token of /api/metrics */
  METRICS_TOKEN: string;
}

export function generateSecrets(): DevSecrets {
  const b64 = (n: number) => crypto.randomBytes(n).toString('base64');
  const checkpoint = newCheckpointKeys();
  return {
    AUDIT_CHECKPOINT_PRIVATE_KEY: checkpoint.privateKey,
    AUDIT_CHECKPOINT_PUBLIC_KEY: checkpoint.publicKey,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString('hex'),
    FIELD_ENCRYPTION_KEYS: `k1:${b64(32)}`,
    FIELD_ENCRYPTION_KEY_ID: 'k1',
    LOOKUP_HMAC_KEY: b64(32),
    APP_DB_PASSWORD: crypto.randomBytes(18).toString('hex'),
    METRICS_TOKEN: crypto.randomBytes(24).toString('hex'),
  };
}

export function persistentSecrets(file: string): DevSecrets {
  // a file from an older version gets the secrets it lacks
  const existing = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DevSecrets>) : null;
  if (existing && Object.keys(generateSecrets()).every((k) => k in existing)) return existing as DevSecrets;
  const s = { ...generateSecrets(), ...existing };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(s, null, 2), { mode: 0o600 });
  return s;
}

/** Fills in, from `secrets`, only the variables the environment does not set. */
export function withDefaults(env: NodeJS.ProcessEnv, secrets: DevSecrets): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const [k, v] of Object.entries(secrets)) if (!out[k]) out[k] = v;
  return out;
}
