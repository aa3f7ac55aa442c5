/** Liveness (issue 14 §3, ADR 0046): the process answers. No database, no authentication. */
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
