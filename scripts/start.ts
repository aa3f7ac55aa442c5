/**
 * `npm start`: with no DATABASE_URL, starts an embedded PostgreSQL under .data/pg (port
 * EMBEDDED_PG_PORT, default 54329), applies the migrations, seeds the demo data once, builds
 * the app if needed and serves it on PORT (default 3000). With DATABASE_URL it uses that server
 * and expects the secrets of .env.example to be set. `--dev` runs `next dev` instead.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseEnv, ConfigError } from '../lib/env';
import { parseFieldKeys } from '../lib/crypto/fields';
import { unsafeOwnerClient } from './lib/owner';
import { seedDemo } from '../prisma/demo';
import { ROOT, prepareDatabase, resolveServer } from './lib/database';
import { persistentSecrets, withDefaults } from './lib/secrets';
import { buildIfNeeded } from './lib/build';
import { fail } from './lib/run';

const dev = process.argv.includes('--dev');
const port = process.env.PORT ?? '3000';

const { serverUrl, embedded } = await resolveServer({
  embeddedDir: '.data/pg',
  embeddedPort: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
});
const stop = async () => {
  if (embedded) await embedded.stop().catch(() => undefined);
};

try {
  const env: NodeJS.ProcessEnv = embedded
    ? withDefaults(process.env, persistentSecrets(path.join(ROOT, '.data', 'dev-secrets.json')))
    : { ...process.env };
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  if (!env.APP_DATABASE_URL && !env.APP_DB_PASSWORD) {
    throw new ConfigError(
      'Ongeldige configuratie (zie .env.example):\n  APP_DB_PASSWORD: verplicht wanneer APP_DATABASE_URL niet gezet is',
    );
  }
  const database = await prepareDatabase(serverUrl, {
    database: embedded ? 'vhd' : undefined,
    appPassword: env.APP_DATABASE_URL ? undefined : env.APP_DB_PASSWORD,
  });
  env.APP_DATABASE_URL ||= database.appUrl;
  const config = parseEnv(env);

  if (embedded || env.SEED_DEMO === 'true') {
    const owner = unsafeOwnerClient(database.ownerUrl);
    const keys = parseFieldKeys(config.FIELD_ENCRYPTION_KEYS, config.FIELD_ENCRYPTION_KEY_ID, config.LOOKUP_HMAC_KEY);
    const { seeded } = await seedDemo(owner, keys);
    await owner.$disconnect();
    console.log(
      seeded
        ? '[start] demogegevens aangemaakt (zie README.md voor de gebruikers)'
        : '[start] demogegevens waren er al',
    );
  }

  if (!dev) {
    const code = await buildIfNeeded(env);
    if (code !== 0) throw new Error('next build mislukt');
  }
  console.log(`[start] Veilig Huis Dossier op http://localhost:${port}`);
  // The web app gets only the application role's URL, never the owner's credentials.
  const appEnv = { ...env };
  delete appEnv.DATABASE_URL;
  delete appEnv.APP_DB_PASSWORD;
  // nor the key that signs the access log's checkpoints: only the worker holds it (ADR 0021)
  delete appEnv.AUDIT_CHECKPOINT_PRIVATE_KEY;
  const child = spawn('npx', ['next', dev ? 'dev' : 'start', '-p', port], { stdio: 'inherit', env: appEnv, cwd: ROOT });
  // The job worker (retention purge) runs beside the app, as the database owner.
  const worker = spawn('npx', ['tsx', 'scripts/worker.ts'], {
    stdio: 'inherit',
    env: { ...env, DATABASE_URL: database.ownerUrl },
    cwd: ROOT,
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      child.kill(sig);
      worker.kill(sig);
    });
  }
  const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 0)));
  // stop the worker before the embedded database, so it does not lose its connection mid-job
  if (worker.exitCode === null) {
    const exited = new Promise((resolve) => worker.on('exit', resolve));
    worker.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
  await stop();
  process.exit(code);
} catch (err) {
  await stop();
  fail(err instanceof ConfigError ? err.message : `[start] ${(err as Error).message}`);
}
