import pg from 'pg';
import { errorInfo, logger } from '../ops/logger';

/**
 * A pg pool with explicit timeouts (Prisma 7's pg pool has none by default) and an error
 * handler, so that a PostgreSQL restart drops idle connections instead of crashing the app.
 * `acquireTimeoutMs` bounds both the wait for a free connection and opening a new one. It is
 * generous: under a burst every request queues for a connection, and a page that answers
 * late is better than an error page (issue 14 §5: 50 users on two instances, no 5xx). A
 * server that refuses connections (down, restarting) fails at once, not after this wait. The
 * app passes DB_ACQUIRE_TIMEOUT_MS (lib/env.ts), whose default this is; the scripts take it.
 */
export function createPool(connectionString: string, max = 10, acquireTimeoutMs = 30_000): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: acquireTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: 15_000,
    query_timeout: 20_000,
    idle_in_transaction_session_timeout: 30_000,
    application_name: 'veilig-huis-dossier',
  });
  pool.on('error', (err) => {
    // An idle client lost its connection (e.g. the server restarted). The pool replaces it.
    logger.error({ component: 'db', ...errorInfo(err) }, 'idle connection lost');
  });
  return pool;
}
