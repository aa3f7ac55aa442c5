import { MAX_ARCHIVE_BYTES } from '@/lib/dossier-export/archive';
import { importDossier } from '@/lib/dossier-export/import-dossier';
import { isAppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { formPoster, noStoreJson } from '@/lib/http/form-post';

/**
 * Reads an exported dossier archive into the coordinator's own house (issue 14 §4; ADR 0047):
 * a multipart form (file, passphrase) from components/dossier-export/import-form.tsx. The use
 * case decides everything; a refusal is JSON with the message at its field.
 */

export async function POST(req: Request) {
  const poster = await formPoster(req);
  if ('refused' in poster) return poster.refused;
  const { userId } = poster;
  if (Number(req.headers.get('content-length') ?? '0') > MAX_ARCHIVE_BYTES + 64 * 1024)
    return noStoreJson(
      { message: 'Het bestand is te groot.', fieldErrors: { file: 'Het bestand is te groot (max. 200 MB).' } },
      413,
    );
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return noStoreJson({ message: 'Het formulier kon niet gelezen worden. Probeer opnieuw.', fieldErrors: {} }, 400);
  }
  const file = form.get('file');
  const passphrase = form.get('passphrase');
  try {
    const out = await importDossier(userId, {
      file: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(),
      passphrase: typeof passphrase === 'string' ? passphrase : '',
    });
    return noStoreJson({ ok: true, ...out }, 201);
  } catch (err) {
    if (isAppError(err) && (err.code === 'VALIDATION' || err.code === 'CONFLICT')) {
      const fieldErrors =
        err.fieldErrors && Object.keys(err.fieldErrors).length
          ? err.fieldErrors
          : {
              [/wachtzin/.test(err.message) ? 'passphrase' : 'file']: err.message,
            };
      return noStoreJson({ message: err.message, fieldErrors }, 422);
    }
    return errorResponse(err);
  }
}
