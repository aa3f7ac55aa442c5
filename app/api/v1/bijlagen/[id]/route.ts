import { currentUserId } from '@/lib/auth/session';
import { downloadAttachment } from '@/lib/attachments/download-attachment';
import { errorResponse } from '@/lib/http/error-response';

/**
 * Download of one attachment (issue 13 §3; ADR 0040): the use case checks the policy and logs
 * the download; "not allowed" is 404. Never cached, never shown inline, never sniffed.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const userId = await currentUserId();
  if (!userId) return new Response('Niet aangemeld.', { status: 401 });
  const { id } = await ctx.params;
  try {
    const file = await downloadAttachment(userId, id);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'Content-Type': file.mediaType,
        'Content-Length': String(file.bytes.length),
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
