import 'server-only';
import { timingSafeEqual, createHash } from 'node:crypto';
import type pg from 'pg';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { httpMetrics } from './http-metrics';

/**
 * Prometheus metrics (issue 14 §3, ADR 0046), read at scrape time: the web process's own
 * (process, event loop, the pg pool) and, through ops_metrics() in the database, what the
 * worker — another process — did: jobs per queue and state, purges, the access log's chain check.
 * Counts and times only: never a name, a dossier or a user.
 */
interface OpsRow {
  jobs: { queue: string; state: string; n: number }[];
  purges: number | string;
  chain: { ok: boolean; verifiedAt: number; toSeq: number | string } | null;
}

const globalForMetrics = globalThis as unknown as { vhdMetrics?: ReturnType<typeof build> };

function build() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vhd_' });
  const g = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  return {
    registry,
    pool: g('vhd_db_pool_connections', 'Connections of the app pool to PostgreSQL', ['state']),
    jobs: g('vhd_jobs', 'pg-boss jobs kept in the queue tables, per queue and state', ['queue', 'state']),
    jobFailures: g('vhd_job_failures', 'pg-boss jobs that failed, per queue (kept in the queue tables)', ['queue']),
    purges: g('vhd_retention_purges_total', 'Dossiers purged after the retention term (access log)'),
    chainOk: g('vhd_audit_chain_ok', '1 when the newest access-log chain check was good, 0 when broken, -1 never'),
    chainAt: g('vhd_audit_chain_verified_timestamp_seconds', 'When the access-log chain was last checked'),
    up: g('vhd_database_up', '1 when the database answered the scrape'),
  };
}

/** Whether the Authorization header carries the configured token (constant time). */
export function bearerMatches(header: string | null, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const h = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(h(header.slice(7)), h(token));
}

export async function renderMetrics(
  pool: Pick<pg.Pool, 'totalCount' | 'idleCount' | 'waitingCount'> | undefined,
  query: () => Promise<{ ops_metrics: OpsRow }[]>,
): Promise<{ body: string; contentType: string }> {
  const m = (globalForMetrics.vhdMetrics ??= build());
  try {
    const ops = (await query())[0]?.ops_metrics;
    if (!ops) throw new Error('ops_metrics() returned nothing');
    m.up.set(1);
    m.jobs.reset();
    m.jobFailures.reset();
    for (const j of ops.jobs) {
      m.jobs.set({ queue: j.queue, state: j.state }, Number(j.n));
      if (j.state === 'failed') m.jobFailures.set({ queue: j.queue }, Number(j.n));
    }
    m.purges.set(Number(ops.purges));
    m.chainOk.set(ops.chain ? (ops.chain.ok ? 1 : 0) : -1);
    if (ops.chain) m.chainAt.set(Number(ops.chain.verifiedAt));
  } catch {
    m.up.set(0);
  }
  // after the query: the pool as this scrape left it
  if (pool) {
    m.pool.set({ state: 'total' }, pool.totalCount);
    m.pool.set({ state: 'idle' }, pool.idleCount);
    m.pool.set({ state: 'waiting' }, pool.waitingCount);
  }
  // and the per-route request metrics our web server records (lib/ops/http-metrics.ts)
  const http = await httpMetrics().registry.metrics();
  return { body: `${await m.registry.metrics()}${http ? `\n${http}` : ''}`, contentType: m.registry.contentType };
}
