import { currentUserId } from '@/lib/auth/session';
import { exportStatistics } from '@/lib/reporting/export-statistics';
import { errorResponse } from '@/lib/http/error-response';

/**
 * The anonymised statistics as CSV (same filters and masking as /statistieken); the export is
 * logged. 401 without a session; 404 for roles without access and for a safe house outside
 * the actor's scope.
 */
export async function GET(req: Request) {
  const userId = await currentUserId();
  if (!userId) return new Response('Niet aangemeld.', { status: 401 });
  const params = Object.fromEntries(new URL(req.url).searchParams);
  try {
    const { csv, filename } = await exportStatistics(userId, params);
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
