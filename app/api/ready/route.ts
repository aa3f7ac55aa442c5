import { db } from '@/lib/db/client';
import { checkReadiness, READINESS_SQL } from '@/lib/ops/readiness';

/**
 * Readiness (issue 14 §3, ADR 0046): 200 when the database answers, every shipped migration is
 * applied and the worker's heartbeat is recent; 503 otherwise. No authentication, no personal data.
 */
export const dynamic = 'force-dynamic';

export async function GET() {
  const result = await checkReadiness(() => db().$queryRawUnsafe(READINESS_SQL));
  return Response.json(result, {
    status: result.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
