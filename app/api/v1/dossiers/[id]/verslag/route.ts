import { currentUserId } from '@/lib/auth/session';
import { downloadConferencePdf } from '@/lib/conferences/download-pdf';
import { errorResponse } from '@/lib/http/error-response';

/** The watermarked PDF of minutes and action plan; the download is logged. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const userId = await currentUserId();
  if (!userId) return new Response('Niet aangemeld.', { status: 401 });
  const { id } = await ctx.params;
  try {
    const { pdf, filename } = await downloadConferencePdf(userId, id);
    return new Response(Buffer.from(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
