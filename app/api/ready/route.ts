import { readinessNow } from '@/lib/ops/probes';

/**
 * Readiness (issue 14 §3, ADR 0046): 200 when the database answers, every shipped migration is
 * applied and the worker's heartbeat is recent; 503 otherwise. No authentication, no personal data.
 */
export const dynamic = 'force-dynamic';

export async function GET() {
  const result = await readinessNow();
  return Response.json(result, {
    status: result.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
