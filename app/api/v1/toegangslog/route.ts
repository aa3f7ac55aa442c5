import { currentUserId } from '@/lib/auth/session';
import { openAuditExport } from '@/lib/dpo/export-events';
import { errorResponse } from '@/lib/http/error-response';
import { errorInfo, logger } from '@/lib/ops/logger';

/**
 * The DPO's CSV export of the access log, with the filters of /toegangslog as URL parameters.
 * 401 without a session; 404 for anyone without 'audit.export' (nothing to learn there).
 * Streamed page by page (issue 11 §4): memory stays flat and no transaction waits on the download.
 */
export async function GET(req: Request) {
  const userId = await currentUserId();
  if (!userId) return new Response('Niet aangemeld.', { status: 401 });
  const params = Object.fromEntries(new URL(req.url).searchParams);
  try {
    const exp = await openAuditExport(userId, params);
    const chunks = exp.chunks();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(encoder.encode(value));
        } catch (err) {
          // the session ended or the right was withdrawn mid-download: the file stops, incomplete
          logger.warn({ component: 'toegangslog', ...errorInfo(err) }, 'export aborted');
          controller.error(err);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${exp.filename}"`,
        'Cache-Control': 'no-store',
        'X-Export-Rows': String(exp.rows),
        'X-Export-Truncated': exp.truncated ? 'ja' : 'nee',
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
