import { z } from '@/lib/validation/zod';
import { readinessNow } from '@/lib/ops/probes';

/**
 * Readiness (issue 14 §3, ADR 0046): 200 when the database answers, every shipped migration is
 * applied and the worker's heartbeat is recent; 503 otherwise. No authentication, no personal data.
 * `?scope=traffic` leaves the worker out of the verdict (still reported): the load balancer's
 * readiness probe, so a stopped worker does not take every app replica out of service.
 */
export const dynamic = 'force-dynamic';

const scopeSchema = z.enum(['all', 'traffic']).catch('all');

export async function GET(request?: Request) {
  const scope = scopeSchema.parse(request ? new URL(request.url).searchParams.get('scope') : undefined);
  const result = await readinessNow(scope);
  return Response.json(result, {
    status: result.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
