/**
 * What may be attached (issue 13 §3; ADR 0040): the allowed kinds of file, recognised by their
 * content (lib/attachments/file-type.ts), and the size limit. No `server-only`: the proxy reads
 * the limit too (it lets an upload through up to this size), and the form shows it.
 */

/** Default size limit: 20 MB. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** The size limit from ATTACHMENT_MAX_BYTES (bytes), else 20 MB. */
export function attachmentMaxBytes(source: Record<string, string | undefined> = process.env): number {
  const raw = source.ATTACHMENT_MAX_BYTES;
  if (!raw) return DEFAULT_ATTACHMENT_MAX_BYTES;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1024 || n > 1024 * 1024 * 1024) {
    throw new Error('ATTACHMENT_MAX_BYTES: een geheel aantal bytes tussen 1024 en 1 GiB');
  }
  return n;
}

/** The media types an attachment may have, with a short Dutch name. */
export const ALLOWED_MEDIA_TYPES = {
  'application/pdf': 'PDF',
  'image/png': 'PNG-afbeelding',
  'image/jpeg': 'JPEG-afbeelding',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word-document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel-rekenblad',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint-presentatie',
  'application/vnd.oasis.opendocument.text': 'OpenDocument-tekst',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument-rekenblad',
  'application/vnd.oasis.opendocument.presentation': 'OpenDocument-presentatie',
} as const;
export type AllowedMediaType = keyof typeof ALLOWED_MEDIA_TYPES;

/** The extension a download gets for its media type (whatever the uploaded name said). */
export const EXTENSION: Record<AllowedMediaType, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

/** For the file picker only (a hint to the browser; the content decides). */
export const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.odt,.ods,.odp';

export const TYPE_REFUSED =
  'Dit bestandstype is niet toegelaten: enkel PDF, afbeeldingen (PNG, JPEG) en kantoorbestanden.';

/** "20 MB" for a limit in bytes (MB = 1024 × 1024 bytes, as the limit is set). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024);
    return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1).replace('.', ',')} MB`;
  }
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}

export const tooLarge = (max: number) =>
  `Dit bestand is te groot: hoogstens ${formatSize(max)} per bestand. Verklein het of verdeel het over meerdere bestanden.`;

/** A participant outside an open session (art. 13; ADR 0033). */
export const NO_OPEN_SESSION_FOR_DOCUMENTS =
  'Documenten inbrengen kan enkel tijdens een geopend casusoverleg met deze casus op de agenda (art. 13).';
