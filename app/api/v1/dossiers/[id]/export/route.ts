import { currentUserId } from '@/lib/auth/session';
import { exportDossier } from '@/lib/dossier-export/export-dossier';
import { isAppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';

/**
 * The dossier as one encrypted archive (issue 14 §4; ADR 0047): a form (purpose, passphrase
 * twice) from components/dossier-export/export-form.tsx. The use case decides everything; this
 * handler only reads the request. A refusal is JSON, so the form can put it at its field.
 */
const json = (body: unknown, status: number) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (!origin || !host || new URL(origin).host !== host) return new Response('Niet toegelaten.', { status: 403 });
  const userId = await currentUserId();
  if (!userId) return new Response('Niet aangemeld.', { status: 401 });
  const { id } = await ctx.params;
  if (Number(req.headers.get('content-length') ?? '0') > 16 * 1024)
    return json({ message: 'De aanvraag is te groot.', fieldErrors: {} }, 413);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return json({ message: 'Het formulier kon niet gelezen worden. Probeer opnieuw.', fieldErrors: {} }, 400);
  }
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  try {
    const out = await exportDossier(userId, id, {
      purpose: text('purpose') as 'transfer',
      passphrase: text('passphrase'),
      passphraseRepeat: text('passphraseRepeat'),
    });
    return new Response(new Uint8Array(out.bytes), {
      status: 200,
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${out.fileName}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (err) {
    if (isAppError(err) && (err.code === 'VALIDATION' || err.code === 'CONFLICT'))
      return json({ message: err.message, fieldErrors: err.fieldErrors ?? {} }, err.code === 'CONFLICT' ? 409 : 422);
    return errorResponse(err);
  }
}
