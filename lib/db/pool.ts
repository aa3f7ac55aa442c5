import pg from 'pg';
import { errorInfo, logger } from '../ops/logger';

/**
 * A pg pool with explicit timeouts (Prisma 7's pg pool has none by default) and an error
 * handler, so that a PostgreSQL restart drops idle connections instead of crashing the app.
 */
export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
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
