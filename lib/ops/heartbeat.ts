import { hostname } from 'node:os';
import type pg from 'pg';
import { HEARTBEAT_INTERVAL_SECONDS } from './readiness';

/** The worker's heartbeat row (ADR 0046): upserted at once and every HEARTBEAT_INTERVAL_SECONDS. */
export const workerId = () => `${hostname()}:${process.pid}`;

export async function beat(client: Pick<pg.Pool, 'query'>, id = workerId()): Promise<void> {
  await client.query(
    `INSERT INTO "WorkerHeartbeat" ("workerId", "beatAt") VALUES ($1, now())
     ON CONFLICT ("workerId") DO UPDATE SET "beatAt" = now()`,
    [id],
  );
  // rows of workers gone for a day are removed, so the table stays a handful of rows
  await client.query(`DELETE FROM "WorkerHeartbeat" WHERE "beatAt" < now() - interval '1 day'`);
}

export function startHeartbeat(
  client: Pick<pg.Pool, 'query'>,
  onError: (err: Error) => void,
  id = workerId(),
): { stop: () => Promise<void> } {
  const tick = () => beat(client, id).catch(onError);
  void tick();
  const timer = setInterval(tick, HEARTBEAT_INTERVAL_SECONDS * 1000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await client.query(`DELETE FROM "WorkerHeartbeat" WHERE "workerId" = $1`, [id]).catch(() => undefined);
    },
  };
}
