import { currentUserId } from '@/lib/auth/session';
import { exportAuditEvents } from '@/lib/dpo/export-events';
import { errorResponse } from '@/lib/http/error-response';

/**
 * The DPO's CSV export of the access log, with the filters of /toegangslog as URL parameters.
 * 401 without a session; 404 for anyone without 'audit.export' (nothing to learn there).
 */
export async function GET(req: Request) {
  const userId = await currentUserId();
  if (!userId) return new Response('Niet aangemeld.', { status: 401 });
  const params = Object.fromEntries(new URL(req.url).searchParams);
  try {
    const { csv, filename, truncated } = await exportAuditEvents(userId, params);
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
        'X-Export-Truncated': truncated ? 'ja' : 'nee',
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
