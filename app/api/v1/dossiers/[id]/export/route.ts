import { exportDossier } from '@/lib/dossier-export/export-dossier';
import { isAppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { formPoster, noStoreJson } from '@/lib/http/form-post';

/**
 * The dossier as one encrypted archive (issue 14 §4; ADR 0047): a form (purpose, passphrase
 * twice) from components/dossier-export/export-form.tsx. The use case decides everything; this
 * handler only reads the request. A refusal is JSON, so the form can put it at its field.
 */

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const poster = await formPoster(req);
  if ('refused' in poster) return poster.refused;
  const { userId } = poster;
  const { id } = await ctx.params;
  if (Number(req.headers.get('content-length') ?? '0') > 16 * 1024)
    return noStoreJson({ message: 'De aanvraag is te groot.', fieldErrors: {} }, 413);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return noStoreJson({ message: 'Het formulier kon niet gelezen worden. Probeer opnieuw.', fieldErrors: {} }, 400);
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
      return noStoreJson(
        { message: err.message, fieldErrors: err.fieldErrors ?? {} },
        err.code === 'CONFLICT' ? 409 : 422,
      );
    return errorResponse(err);
  }
}
