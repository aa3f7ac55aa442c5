import PgBoss from 'pg-boss';
import pg from 'pg';
import { writeCheckpoint } from '@/lib/audit/checkpoint';
import { startSealer } from '@/lib/audit/sealer';
import { runAuditVerification, type VerificationScope } from '@/lib/audit/verify-db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { purgeExpiredDossiers } from '@/lib/retention/purge';
import { deliverImmediate, scanActionReminders, sendDigests } from '@/lib/notifications/deliver';
import { TIME_ZONE } from '@/lib/time';
import { errorInfo, logger } from '../ops/logger';

/**
 * Background jobs on pg-boss: a PostgreSQL-backed queue, so no extra infrastructure. The worker
 * connects as the database owner (the purge must see every dossier); the web app never does.
 */
export const RETENTION_QUEUE = 'retention-purge';
export const CHECKPOINT_QUEUE = 'audit-checkpoint';
/** The access log's chain check for the DPO's page (ADR 0026): on from the last result, and in full. */
export const VERIFY_QUEUE = 'audit-verify';
export const VERIFY_FULL_QUEUE = 'audit-verify-full';
/** The access log's month partitions, made ahead (ADR 0028). */
export const PARTITIONS_QUEUE = 'audit-partitions';
/** Notifications (ADR 0039): mails at once (every minute), the daily digest, the action reminders. */
export const NOTIFY_QUEUE = 'notifications-deliver';
export const DIGEST_QUEUE = 'notifications-digest';
export const REMINDER_QUEUE = 'notifications-reminders';

export interface Jobs {
  boss: PgBoss;
  stop: () => Promise<void>;
}

export interface CheckpointConfig {
  dir: string;
  privateKey: string;
}

/** `fn` on a connection of its own as the owner, closed afterwards. */
async function withOwnerClient<T>(ownerUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'vhd-jobs' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** One signed checkpoint of the access log's head (ADR 0021). */
export const checkpointNow = (ownerUrl: string, cfg: CheckpointConfig) =>
  withOwnerClient(ownerUrl, (client) => writeCheckpoint(client, cfg.dir, cfg.privateKey));

/** One check of the access log's chain, stored for the DPO's page (ADR 0026). */
export const verifyNow = (ownerUrl: string, scope: VerificationScope) =>
  withOwnerClient(ownerUrl, (client) => runAuditVerification(client, scope));

/** The month partitions of the access log for this month and the next two (ADR 0028). */
export const ensureAuditPartitions = (ownerUrl: string) =>
  withOwnerClient(ownerUrl, async (client) => {
    const { rows } = await client.query(`SELECT audit_partitions_ensure(now(), now() + interval '2 months') AS n`);
    return Number(rows[0].n);
  });

export async function startJobs(
  ownerUrl: string,
  owner: PrismaClient,
  opts: {
    schedule?: boolean;
    pollingIntervalSeconds?: number;
    checkpoint?: CheckpointConfig;
    /** false: no sealing loop (a test seals itself) */
    seal?: boolean;
  } = {},
): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: 'pgboss', application_name: 'vhd-jobs', max: 4 });
  boss.on('error', (err: Error) => logger.error({ component: 'jobs', ...errorInfo(err) }, 'pg-boss error'));
  await boss.start();
  await boss.createQueue(RETENTION_QUEUE);
  if (opts.schedule !== false) {
    // every night at 03:00 Brussels time
    await boss.schedule(RETENTION_QUEUE, '0 3 * * *', {}, { tz: TIME_ZONE });
  }
  await boss.work<{ asOf?: string; safeHouseId?: string }>(
    RETENTION_QUEUE,
    { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 30 },
    async (jobs) => {
      for (const job of jobs) {
        // `asOf` lets an operator (or a test) run the purge for a given moment; normally it is now.
        const asOf = job.data?.asOf ? new Date(job.data.asOf) : new Date();
        const purged = await purgeExpiredDossiers(
          owner,
          asOf,
          undefined,
          job.data?.safeHouseId ? { safeHouseId: job.data.safeHouseId } : {},
        );
        logger.info({ component: 'jobs', purged: purged.length }, 'retention purge');
      }
    },
  );
  if (opts.checkpoint) {
    const cfg = opts.checkpoint;
    await boss.createQueue(CHECKPOINT_QUEUE);
    // every hour, and once at start
    if (opts.schedule !== false) await boss.schedule(CHECKPOINT_QUEUE, '0 * * * *', {}, { tz: TIME_ZONE });
    await boss.work(CHECKPOINT_QUEUE, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 30 }, async () => {
      const cp = await checkpointNow(ownerUrl, cfg);
      logger.info({ component: 'jobs', seq: String(cp.seq) }, 'audit checkpoint written');
    });
    await boss.send(CHECKPOINT_QUEUE, {});
  }
  // the chain check: on from the last result every ten minutes (and once at start), in full every night
  const verify = (scope: VerificationScope) => async () => {
    const r = await verifyNow(ownerUrl, scope);
    const what = r.scope === 'full' ? 'volledige controle' : 'controle';
    if (r.ok)
      logger.info({ component: 'jobs', check: what, toSeq: String(r.toSeq), checked: r.checked }, 'audit chain intact');
    else logger.error({ component: 'jobs', check: what, brokenAtSeq: String(r.brokenAtSeq) }, 'audit chain BROKEN');
  };
  await boss.createQueue(VERIFY_QUEUE);
  await boss.createQueue(VERIFY_FULL_QUEUE);
  if (opts.schedule !== false) {
    await boss.schedule(VERIFY_QUEUE, '*/10 * * * *', {}, { tz: TIME_ZONE });
    await boss.schedule(VERIFY_FULL_QUEUE, '30 2 * * *', {}, { tz: TIME_ZONE });
  }
  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 30 };
  await boss.work(VERIFY_QUEUE, polling, verify('incremental'));
  await boss.work(VERIFY_FULL_QUEUE, polling, verify('full'));
  await boss.send(VERIFY_QUEUE, {});
  // the access log's months ahead: every day, and once at start
  await boss.createQueue(PARTITIONS_QUEUE);
  if (opts.schedule !== false) await boss.schedule(PARTITIONS_QUEUE, '15 1 * * *', {}, { tz: TIME_ZONE });
  await boss.work(PARTITIONS_QUEUE, polling, async () => {
    const made = await ensureAuditPartitions(ownerUrl);
    if (made > 0) logger.info({ component: 'jobs', partitions: made }, 'audit partitions created');
  });
  await boss.send(PARTITIONS_QUEUE, {});
  await startNotificationJobs(boss, owner, opts);
  const stopSealer = opts.seal === false ? async () => {} : startSealer(ownerUrl);
  return {
    boss,
    stop: async () => {
      await stopSealer();
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

/**
 * The notification jobs (issue 13 §2; ADR 0039). A job that throws (e.g. the database is away) is
 * retried by pg-boss; a mail is never sent twice whatever runs again (lib/notifications/deliver.ts).
 * `asOf` lets an operator (or a test) run a job for a given moment.
 */
async function startNotificationJobs(
  boss: PgBoss,
  owner: PrismaClient,
  opts: { schedule?: boolean; pollingIntervalSeconds?: number },
) {
  const retry = { retryLimit: 5, retryDelay: 30, retryBackoff: true };
  for (const name of [NOTIFY_QUEUE, DIGEST_QUEUE, REMINDER_QUEUE]) await boss.createQueue(name, { name, ...retry });
  if (opts.schedule !== false) {
    await boss.schedule(NOTIFY_QUEUE, '* * * * *', {}, { tz: TIME_ZONE });
    // the reminders first, so the morning digest counts them
    await boss.schedule(REMINDER_QUEUE, '30 6 * * *', {}, { tz: TIME_ZONE });
    await boss.schedule(DIGEST_QUEUE, '0 7 * * *', {}, { tz: TIME_ZONE });
  }
  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 30 };
  const asOf = (data: { asOf?: string } | undefined) => (data?.asOf ? new Date(data.asOf) : new Date());
  await boss.work<{ asOf?: string }>(NOTIFY_QUEUE, polling, async (jobs) => {
    for (const job of jobs) {
      const r = await deliverImmediate(owner, asOf(job.data));
      if (r.sent || r.failed) logger.info({ component: 'jobs', sent: r.sent, failed: r.failed }, 'notification mails');
    }
  });
  await boss.work<{ asOf?: string }>(DIGEST_QUEUE, polling, async (jobs) => {
    for (const job of jobs) {
      const r = await sendDigests(owner, asOf(job.data));
      logger.info({ component: 'jobs', sent: r.sent, failed: r.failed }, 'daily digest mails');
    }
  });
  await boss.work<{ asOf?: string }>(REMINDER_QUEUE, polling, async (jobs) => {
    for (const job of jobs) {
      const n = await scanActionReminders(owner, asOf(job.data));
      logger.info({ component: 'jobs', reminders: n }, 'action reminders');
      // the new ones go out at once for whoever chose that
      await deliverImmediate(owner, asOf(job.data));
    }
  });
}
