import pg from 'pg';
import { sealAuditLog } from './verify-db';
import { errorInfo, logger } from '../ops/logger';

/** How often the worker seals new access-log rows into the chain (ADR 0028). */
export const SEAL_INTERVAL_MS = 2000;

/**
 * The sealer (ADR 0028), run by the worker (and by the benchmark, which has no worker): every `everyMs`, links the access-log rows appended since the last run
 * into the hash chain, on one owner connection of its own. Requests never wait for it.
 */
export function startSealer(ownerUrl: string, everyMs = SEAL_INTERVAL_MS): () => Promise<void> {
  const pool = new pg.Pool({ connectionString: ownerUrl, max: 1, application_name: 'vhd-sealer' });
  pool.on('error', (err: Error) => logger.error({ component: 'sealer', ...errorInfo(err) }, 'sealer pool error'));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        const client = await pool.connect();
        try {
          await sealAuditLog(client);
        } finally {
          client.release();
        }
      } catch (err) {
        if (!stopped) logger.error({ component: 'sealer', ...errorInfo(err) }, 'sealing the access log failed');
      }
      if (!stopped) timer = setTimeout(tick, everyMs);
    })();
  };
  tick();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
    await pool.end();
  };
}
