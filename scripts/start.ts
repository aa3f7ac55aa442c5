/**
 * `npm start`: with no DATABASE_URL, starts an embedded PostgreSQL under .data/pg (port
 * EMBEDDED_PG_PORT, default 54329), applies the migrations, seeds the demo data once, builds
 * the app if needed and serves it on PORT (default 3000). With DATABASE_URL it uses that server
 * and expects the secrets of .env.example to be set. `--dev` runs `next dev` instead.
 *
 * Issue 11 §6: the whole configuration is checked before any database is touched; the process
 * tree is this small supervisor, the web server and the worker (each a plain `node`, no npx or
 * tsx wrappers), and the heavy one-shot work (migrations, demo data) runs in a child that exits.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../lib/env';
import { ROOT, ownerUrlFor, resolveServer } from './lib/database';
import { appUrlFrom } from './lib/bootstrap';
import { persistentSecrets, withDefaults } from './lib/secrets';
import { buildIfNeeded } from './lib/build';
import { fail, run } from './lib/run';
import { validateStartConfig } from './lib/start-config';
import { APP_NODE_FLAGS } from './lib/runtime';

const dev = process.argv.includes('--dev');
const embeddedWanted = !process.env.DATABASE_URL;
const env: NodeJS.ProcessEnv = embeddedWanted
  ? withDefaults(process.env, persistentSecrets(path.join(ROOT, '.data', 'dev-secrets.json')))
  : { ...process.env };
const port = env.PORT ?? '3000';
env.NEXTAUTH_URL ??= `http://localhost:${port}`;
// attached files (issue 13 §3; ADR 0040): one directory for the demo seed, the app and the worker
env.ATTACHMENT_DIR ||= path.join(ROOT, '.data', 'attachments');
try {
  validateStartConfig(env, { embedded: embeddedWanted });
} catch (err) {
  fail(err instanceof ConfigError ? err.message : `[start] ${(err as Error).message}`);
}
fs.mkdirSync(env.ATTACHMENT_DIR, { recursive: true, mode: 0o700 });

const { serverUrl, embedded } = await resolveServer({
  embeddedDir: '.data/pg',
  embeddedPort: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
});
const stop = async () => {
  if (embedded) await embedded.stop().catch(() => undefined);
};
/** A TypeScript entry point run by plain node with tsx's loader (one process, not three). */
const tsNode = (script: string): [string, string[]] => [process.execPath, ['--import', 'tsx', script]];

try {
  const database = embedded ? 'vhd' : undefined;
  const ownerUrl = ownerUrlFor(serverUrl, database);
  const [node, prepareArgs] = tsNode('scripts/prepare.ts');
  const prepared = await run(
    node,
    prepareArgs,
    {
      ...env,
      DATABASE_URL: serverUrl,
      PREPARE_DATABASE: database ?? '',
      APP_DB_PASSWORD: env.APP_DATABASE_URL ? '' : env.APP_DB_PASSWORD,
      SEED_DEMO: embedded || env.SEED_DEMO === 'true' ? 'true' : 'false',
    },
    ROOT,
  );
  if (prepared !== 0) throw new Error('de databank kon niet worden voorbereid (zie hierboven)');
  env.APP_DATABASE_URL ||= appUrlFrom(ownerUrl, env.APP_DB_PASSWORD ?? '');

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
  const nextBin = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
  // production: our server around Next's handler (request ids, JSON logs; ADR 0046)
  const appArgs = dev ? [nextBin, 'dev', '-p', port] : ['--import', 'tsx', 'scripts/server.ts', '-p', port];
  const child = spawn(process.execPath, [...APP_NODE_FLAGS, ...appArgs], {
    stdio: 'inherit',
    env: appEnv,
    cwd: ROOT,
  });
  // The job worker (retention purge, access-log checks) runs beside the app, as the database owner.
  // react-server: lib/ modules the jobs use import 'server-only', which throws under the default
  // condition (the worker crashed at start before; its heartbeat makes that visible, ADR 0046)
  const [workerNode, workerArgs] = tsNode('scripts/worker.ts');
  const worker = spawn(workerNode, ['--conditions=react-server', ...workerArgs], {
    stdio: 'inherit',
    env: { ...env, DATABASE_URL: ownerUrl },
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
