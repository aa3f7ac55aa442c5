import { env } from '@/lib/env';
import { bearerMatches } from '@/lib/ops/metrics';
import { metricsNow } from '@/lib/ops/probes';

/**
 * Prometheus metrics (issue 14 §3, ADR 0046), only with `Authorization: Bearer <METRICS_TOKEN>`:
 * 404 without the token configured, 401 with a wrong or missing one.
 */
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const token = env().METRICS_TOKEN;
  if (!token) return new Response('Niet gevonden', { status: 404 });
  if (!bearerMatches(request.headers.get('authorization'), token)) {
    return new Response('Niet aangemeld', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  const { body, contentType } = await metricsNow();
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
}
