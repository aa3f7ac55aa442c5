import 'server-only';
import { fileTypeFromBuffer } from 'file-type';
import { ALLOWED_MEDIA_TYPES, type AllowedMediaType } from './limits';

/**
 * The kind of a file, from its content (magic bytes), never from its name or the browser's
 * claim (ADR 0040). `file-type` recognises PDF, PNG and JPEG by their signatures, and tells the
 * ZIP-based office formats apart by what the archive holds (OOXML: [Content_Types].xml and
 * word/, xl/, ppt/; OpenDocument: its `mimetype` entry). Anything else — an executable renamed
 * .pdf, a plain ZIP, a legacy .doc with macros — is null: refused.
 */
export async function detectAllowedType(bytes: Uint8Array): Promise<AllowedMediaType | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return null;
  return found.mime in ALLOWED_MEDIA_TYPES ? (found.mime as AllowedMediaType) : null;
}
