import { currentUserId } from '@/lib/auth/session';
import { accessReviewCsv } from '@/lib/admin/access-review';
import { errorResponse } from '@/lib/http/error-response';

/**
 * The access review as CSV (issue 13 §6): the functional administrator only; 401 without a
 * session, 404 for another role (nothing to learn). Never cached; the export is logged.
 */
export async function GET() {
  const userId = await currentUserId();
  if (!userId) return new Response('Niet aangemeld.', { status: 401, headers: { 'Cache-Control': 'no-store' } });
  try {
    const { filename, csv } = await accessReviewCsv(userId);
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
