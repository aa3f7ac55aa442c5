import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Readiness (issue 14 §3, ADR 0046): the database answers, every migration directory shipped
 * with this build is applied (our runner's bookkeeping, "_prisma_migrations"), and the job
 * worker's heartbeat is recent. Names and times only: never personal data.
 */
export const HEARTBEAT_INTERVAL_SECONDS = 15;
/** "Recent": four missed beats. */
export const HEARTBEAT_MAX_AGE_SECONDS = 60;

export type CheckStatus = 'ok' | 'fail';
export interface Readiness {
  status: CheckStatus;
  checks: {
    database: CheckStatus;
    migrations: CheckStatus;
    worker: CheckStatus;
  };
  /** migrations shipped but not applied (names are not personal data) */
  pendingMigrations?: string[];
  /** seconds since the newest heartbeat; null when no worker ever beat */
  workerHeartbeatAgeSeconds?: number | null;
}

/** The migration directories of this build (prisma/migrations/<timestamp>_<name>). */
export function shippedMigrations(dir = path.join(process.cwd(), 'prisma', 'migrations')): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

type Row = { applied: string[]; last_beat: Date | null; db_now: Date };

/**
 * `traffic`: whether this instance may take requests — the database and the migrations only. A
 * stopped worker must not take every app replica out of the load balancer (the pages work without
 * it; reminders and the purge wait): the Kubernetes readiness probe asks `?scope=traffic`, while
 * `/api/ready` itself (monitoring, the operator) also fails on a stale worker heartbeat.
 */
export type ReadinessScope = 'all' | 'traffic';

export async function checkReadiness(
  query: () => Promise<Row[]>,
  shipped: string[] = shippedMigrations(),
  scope: ReadinessScope = 'all',
): Promise<Readiness> {
  let row: Row | undefined;
  try {
    [row] = await query();
  } catch {
    row = undefined;
  }
  if (!row) {
    return { status: 'fail', checks: { database: 'fail', migrations: 'fail', worker: 'fail' } };
  }
  const applied = new Set(row.applied);
  const pending = shipped.filter((m) => !applied.has(m));
  const age = row.last_beat ? Math.max(0, Math.round((row.db_now.getTime() - row.last_beat.getTime()) / 1000)) : null;
  const checks = {
    database: 'ok' as const,
    migrations: pending.length ? ('fail' as const) : ('ok' as const),
    worker: age !== null && age <= HEARTBEAT_MAX_AGE_SECONDS ? ('ok' as const) : ('fail' as const),
  };
  const ok = checks.migrations === 'ok' && (scope === 'traffic' || checks.worker === 'ok');
  return {
    status: ok ? 'ok' : 'fail',
    checks,
    ...(pending.length ? { pendingMigrations: pending } : {}),
    workerHeartbeatAgeSeconds: age,
  };
}

/** SQL the app role runs (a SECURITY DEFINER function: no table grants needed). */
export const READINESS_SQL = 'SELECT applied, last_beat, db_now FROM ops_readiness()';
