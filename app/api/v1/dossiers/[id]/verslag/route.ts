import { currentUserId } from '@/lib/auth/session';
import { downloadConferencePdf } from '@/lib/conferences/download-pdf';
import { isAppError } from '@/lib/errors';

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
    if (isAppError(err) && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN_ACTION')) return new Response('Niet gevonden.', { status: 404 });
    if (isAppError(err)) return new Response(err.message, { status: 409 });
    throw err;
  }
}
