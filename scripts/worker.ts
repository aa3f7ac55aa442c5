/**
 * `npm run worker`: the background jobs (retention purge, nightly). Connects as the database
 * owner: DATABASE_URL, or the embedded database of `npm start` (which starts this worker itself).
 */
import { unsafeOwnerClient } from './lib/owner';
import pg from 'pg';
import { startJobs } from '../lib/jobs/boss';
import { startHeartbeat } from '../lib/ops/heartbeat';
import { errorInfo, logger } from '../lib/ops/logger';
import { exitOnUncaught, routeProcessOutput } from '../lib/ops/process-output';

// every line the worker writes is JSON, as the web server's (ADR 0046)
routeProcessOutput(logger, { component: 'jobs' });
exitOnUncaught(logger, { component: 'jobs' });

const url = process.env.DATABASE_URL;
if (!url) {
  logger.fatal('DATABASE_URL ontbreekt: de worker verbindt als eigenaar van de databank.');
  process.exit(1);
}
const owner = unsafeOwnerClient(url);
const privateKey = process.env.AUDIT_CHECKPOINT_PRIVATE_KEY;
const checkpoint = privateKey
  ? { dir: process.env.AUDIT_CHECKPOINT_DIR ?? '.data/audit-checkpoints', privateKey }
  : undefined;
if (!checkpoint)
  logger.warn(
    { component: 'jobs' },
    'AUDIT_CHECKPOINT_PRIVATE_KEY ontbreekt: geen controlepunten van het toegangslog (zie .env.example)',
  );
// how often each queue is polled (pg-boss, default 30 s); a test sets it low to see a job run at once
const polling = Number(process.env.JOBS_POLLING_INTERVAL_SECONDS);
const jobs = await startJobs(url, owner, {
  checkpoint,
  ...(polling >= 0.5 ? { pollingIntervalSeconds: polling } : {}),
});
logger.info(
  { component: 'jobs' },
  `worker gestart (bewaartermijn: elke nacht om 03:00${checkpoint ? '; controlepunt toegangslog: elk uur' : ''})`,
);
// the heartbeat /api/ready looks at (ADR 0046): a pool of one connection of its own
const heartbeatPool = new pg.Pool({ connectionString: url, max: 1, application_name: 'vhd-heartbeat' });
heartbeatPool.on('error', () => undefined);
const heartbeat = startHeartbeat(heartbeatPool, (err) =>
  logger.error({ component: 'jobs', ...errorInfo(err) }, 'heartbeat failed'),
);
const stop = async () => {
  // never hang on the way out (e.g. when the database stopped first)
  setTimeout(() => process.exit(0), 12_000).unref();
  await heartbeat.stop();
  await heartbeatPool.end().catch(() => undefined);
  await jobs.stop();
  await owner.$disconnect();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
