import { ConfigError, parseEnv, type Env } from '../../lib/env';
import { mailConfigIssues } from '../../lib/mail/config';
import { privateKeyOf } from '../../lib/audit/checkpoint';

/**
 * The whole configuration of `npm start`, checked before anything touches a database (issue 11
 * §6): the web app's variables (lib/env.ts), the server, the port, the mail settings
 * (lib/mail/config.ts) and the worker's checkpoint key. Every wrong variable is named in one
 * error, in one round.
 *
 * APP_DATABASE_URL is usually derived from the database (ADR 0027); until it is known a
 * placeholder stands in, so the rest of the web app's configuration is still checked.
 */
export function validateStartConfig(env: Record<string, string | undefined>, opts: { embedded: boolean }): Env {
  const lines: string[] = [];
  const urlWith = (value: string, protocols: string[]) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  };
  if (!opts.embedded && !urlWith(env.DATABASE_URL ?? '', ['postgres:', 'postgresql:'])) {
    lines.push('  DATABASE_URL: moet een postgresql://-URL zijn');
  }
  if (!env.APP_DATABASE_URL && !env.APP_DB_PASSWORD) {
    lines.push('  APP_DB_PASSWORD: verplicht wanneer APP_DATABASE_URL niet gezet is');
  }
  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 1 || port > 65_535) lines.push('  PORT: moet een poortnummer zijn (1–65535)');
  // the mail settings as the mail module reads them (SMTP_URL, SMTP_FROM, APP_BASE_URL, TLS)
  lines.push(...mailConfigIssues(env).map((issue) => `  ${issue}`));
  if (env.AUDIT_CHECKPOINT_PRIVATE_KEY) {
    try {
      privateKeyOf(env.AUDIT_CHECKPOINT_PRIVATE_KEY);
    } catch {
      lines.push('  AUDIT_CHECKPOINT_PRIVATE_KEY: geen geldige sleutel (PKCS#8 in base64, zie .env.example)');
    }
  }
  let parsed: Env | undefined;
  try {
    parsed = parseEnv({
      ...env,
      APP_DATABASE_URL: env.APP_DATABASE_URL || 'postgresql://vhd_app@localhost/nog-af-te-leiden',
    });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    lines.push(...err.message.split('\n').slice(1));
  }
  if (lines.length || !parsed) throw new ConfigError(`Ongeldige configuratie (zie .env.example):\n${lines.join('\n')}`);
  return parsed;
}
