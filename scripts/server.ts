/**
 * The production web server (issue 14 §3, ADR 0046): Next's request handler inside our own
 * node:http server (lib/ops/http-server.ts), for request ids, JSON access lines and, later,
 * per-route metrics and graceful shutdown in one place. Replaces `next start`:
 *
 *   node --import tsx scripts/server.ts [-p PORT] [-H HOST]
 *
 * PORT from the environment when -p is not given (default 3000), all interfaces unless -H; the
 * build in .next is used as is.
 */
import path from 'node:path';
import { closeGracefully, createAppServer } from '../lib/ops/http-server';
import { runShutdownHooks } from '../lib/ops/shutdown';
import { recordRequest } from '../lib/ops/http-metrics';
import { errorInfo, logger } from '../lib/ops/logger';
import { exitOnUncaught, routeProcessOutput } from '../lib/ops/process-output';

const arg = (flag: string) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const port = Number(arg('-p') ?? process.env.PORT ?? 3000);
// not $HOSTNAME: Docker sets it to the container's name, and probes also come over localhost
const hostname = arg('-H') ?? '0.0.0.0';
const dir = path.resolve(import.meta.dirname, '..');

// every line this process writes is JSON (ADR 0046): Next's console output and its direct writes
// to stdout/stderr go through the logger (with the request id inside a request), and an uncaught
// exception leaves a JSON line too; installed before Next is loaded, whose console patches wrap it
routeProcessOutput(logger, { component: 'server' });
exitOnUncaught(logger, { component: 'server' });

// before Next is loaded: it reads NODE_ENV when its modules load
Object.assign(process.env, { NODE_ENV: 'production' });
const { default: next } = await import('next');
const app = next({ dev: false, dir, hostname, port });
const handle = app.getRequestHandler();
try {
  await app.prepare();
} catch (err) {
  logger.fatal({ component: 'server', ...errorInfo(err) }, 'Next could not start');
  process.exit(1);
}
const server = createAppServer((req, res) => handle(req, res), { onResponse: recordRequest });
server.listen(port, hostname, () => {
  logger.info({ component: 'server', port, hostname }, 'listening');
});

/**
 * SIGTERM (Kubernetes, docker stop, npm start's Ctrl-C): stop accepting, end the SSE streams
 * (browsers reconnect to another instance), let in-flight requests finish, release the database
 * pool and the event bus's connection, exit 0 — all within SHUTDOWN_TIMEOUT_MS (default 20 s,
 * below Kubernetes' 30 s grace period); cut connections then, and exit 1.
 */
const SHUTDOWN_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 20_000);
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ component: 'server', signal }, 'shutting down');
  setTimeout(() => process.exit(1), SHUTDOWN_MS + 5_000).unref();
  const inTime = await closeGracefully(
    server,
    () => logger.info({ component: 'server', streams: runShutdownHooks() }, 'streams ended'),
    SHUTDOWN_MS,
  );
  const shared = globalThis as unknown as {
    vhdPool?: { end(): Promise<void> };
    vhdCaseEvents?: { stop(): Promise<void> };
  };
  await Promise.allSettled([shared.vhdCaseEvents?.stop(), shared.vhdPool?.end()]);
  logger.info({ component: 'server', inTime }, 'stopped');
  process.exit(inTime ? 0 : 1);
}
for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => void shutdown(sig));
