/**
 * `npm run test:e2e`: a fresh database `vhd_e2e` with the demo data, a production build, and
 * Playwright against `next start`. Uses DATABASE_URL's server, or an embedded PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseFieldKeys } from '../lib/crypto/fields';
import { unsafeOwnerClient } from './lib/owner';
import { seedDemo } from '../prisma/demo';
import { ROOT, prepareDatabase, resolveServer } from './lib/database';
import { generateSecrets, withDefaults } from './lib/secrets';
import { buildIfNeeded } from './lib/build';
import { run } from './lib/run';

const port = process.env.E2E_PORT ?? '3111';
const env = withDefaults(process.env, generateSecrets());
const { serverUrl, embedded } = await resolveServer({
  embeddedDir: '.data/pg-test',
  embeddedPort: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54339),
});
let code = 1;
try {
  const db = await prepareDatabase(serverUrl, {
    // E2E_DATABASE: a name of one's own when several checkouts share one server
    database: process.env.E2E_DATABASE ?? 'vhd_e2e',
    fresh: true,
    appPassword: env.APP_DB_PASSWORD,
    quiet: true,
  });
  // attached files (issue 13 §3; ADR 0040): a fresh directory of this database's own, for the
  // seed (in this process) and the app alike
  env.ATTACHMENT_DIR ||= path.join(ROOT, '.data', `attachments-${process.env.E2E_DATABASE ?? 'vhd_e2e'}`);
  fs.rmSync(env.ATTACHMENT_DIR, { recursive: true, force: true });
  fs.mkdirSync(env.ATTACHMENT_DIR, { recursive: true, mode: 0o700 });
  process.env.ATTACHMENT_DIR = env.ATTACHMENT_DIR;
  const owner = unsafeOwnerClient(db.ownerUrl);
  await seedDemo(owner, parseFieldKeys(env.FIELD_ENCRYPTION_KEYS!, env.FIELD_ENCRYPTION_KEY_ID!, env.LOOKUP_HMAC_KEY!));
  await owner.$disconnect();
  Object.assign(env, {
    APP_DATABASE_URL: db.appUrl,
    E2E_OWNER_URL: db.ownerUrl,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    E2E_PORT: port,
    NEXT_TELEMETRY_DISABLED: '1',
  });
  code = await buildIfNeeded(env);
  // the app servers' logs of this run only (issue 14 §3; checked by scripts/check-e2e-logs.ts)
  fs.rmSync(path.join(ROOT, '.data', 'e2e-logs'), { recursive: true, force: true });
  if (code === 0) code = await run('npx', ['playwright', 'test', ...process.argv.slice(2)], env, ROOT);
} finally {
  await embedded?.stop();
}
process.exit(code);
