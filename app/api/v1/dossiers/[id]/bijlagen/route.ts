import { addAttachment } from '@/lib/attachments/add-attachment';
import { attachmentMaxBytes, tooLarge } from '@/lib/attachments/limits';
import { isAppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { formPoster, noStoreJson } from '@/lib/http/form-post';

/**
 * Upload of a document to a dossier (issue 13 §3; ADR 0040): a multipart form (place, category,
 * member, file) from components/attachments/upload-form.tsx, which shows the progress. The use
 * case decides everything; this handler only reads the request. Answers JSON, so that the form
 * can put a refusal at its field.
 */

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const poster = await formPoster(req);
  if ('refused' in poster) return poster.refused;
  const { userId } = poster;
  const { id } = await ctx.params;
  const max = attachmentMaxBytes();
  // the file and a little form around it: refuse a larger body before reading it
  if (Number(req.headers.get('content-length') ?? '0') > max + 64 * 1024) {
    return noStoreJson({ message: 'De bijlage is niet toegevoegd.', fieldErrors: { file: tooLarge(max) } }, 413);
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return noStoreJson({ message: 'De bijlage kon niet gelezen worden. Probeer opnieuw.', fieldErrors: {} }, 400);
  }
  const file = form.get('file');
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  try {
    const saved = await addAttachment(
      userId,
      id,
      { place: text('place'), category: text('category'), concernsMemberId: text('concernsMemberId') },
      file instanceof File
        ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
        : { name: '', bytes: new Uint8Array() },
    );
    return noStoreJson({ ok: true, id: saved.id, fileName: saved.fileName }, 201);
  } catch (err) {
    if (isAppError(err) && (err.code === 'VALIDATION' || err.code === 'CONFLICT')) {
      return noStoreJson(
        { message: err.message, fieldErrors: err.fieldErrors ?? {} },
        err.code === 'CONFLICT' ? 409 : 422,
      );
    }
    return errorResponse(err);
  }
}
