import 'server-only';
import type pg from 'pg';
import { db } from '@/lib/db/client';
import { checkReadiness, READINESS_SQL, type Readiness, type ReadinessScope } from './readiness';
import { renderMetrics } from './metrics';

/**
 * The probes' database access (ADR 0046), as the app role without an actor: both only call a
 * SECURITY DEFINER function that returns names, times and counts — no row of any table.
 */
export function readinessNow(scope: ReadinessScope = 'all'): Promise<Readiness> {
  return checkReadiness(() => db().$queryRawUnsafe(READINESS_SQL), undefined, scope);
}

export function metricsNow(): Promise<{ body: string; contentType: string }> {
  const prisma = db();
  const pool = (globalThis as unknown as { vhdPool?: pg.Pool }).vhdPool;
  return renderMetrics(pool, () => prisma.$queryRawUnsafe('SELECT ops_metrics() AS ops_metrics'));
}
