import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { AppError } from '@/lib/errors';
import { dossierExportSchema, type DossierExport, type DossierExportInput } from './schema';

/**
 * The archive of one exported dossier (ADR 0047): a zip (fflate) of `dossier.json`, the minutes
 * and plan PDF and the attachments, encrypted as a whole with AES-256-GCM under a key derived from
 * the passphrase with scrypt. Layout of the file:
 *
 *   "VHDX1\n" (6 bytes) | header length (4 bytes, big-endian) | header JSON | ciphertext | tag (16)
 *
 * The header (format, KDF parameters, salt, IV) is authenticated as GCM's additional data: a
 * changed parameter fails decryption just as a changed ciphertext byte does.
 */
const MAGIC = Buffer.from('VHDX1\n', 'ascii');
/** scrypt: N = 2^17, r = 8, p = 1 — 128 MiB of memory per derivation (OWASP's minimum is 2^17). */
export const KDF = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, keyLength: 32 } as const;
/** The largest archive an import accepts, and the largest an export makes. */
export const MAX_ARCHIVE_BYTES = 200 * 1024 * 1024;
export const MIN_PASSPHRASE_LENGTH = 12;

export interface ArchiveContent {
  data: DossierExport;
  /** extra files: `documents/verslag-en-plan.pdf`, `attachments/<ref>` */
  files: Record<string, Uint8Array>;
}

function deriveKey(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...kdf, maxmem: 256 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Packs and encrypts. The passphrase is never stored anywhere. */
export async function sealArchive(
  content: { data: DossierExportInput; files: Record<string, Uint8Array> },
  passphrase: string,
  kdf = KDF,
): Promise<Buffer> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw new AppError('VALIDATION', `De wachtzin moet minstens ${MIN_PASSPHRASE_LENGTH} tekens lang zijn.`);
  const data = dossierExportSchema.parse(content.data);
  const zippable: Zippable = { 'dossier.json': strToU8(JSON.stringify(data, null, 2)) };
  for (const [name, bytes] of Object.entries(content.files)) zippable[name] = bytes;
  const plain = zipSync(zippable, { level: 6 });
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header = Buffer.from(
    JSON.stringify({
      cipher: 'aes-256-gcm',
      kdf: { name: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p },
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
    }),
  );
  const key = await deriveKey(passphrase, salt, kdf);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(header.length);
  cipher.setAAD(Buffer.concat([MAGIC, len, header]));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const out = Buffer.concat([MAGIC, len, header, body, cipher.getAuthTag()]);
  if (out.length > MAX_ARCHIVE_BYTES)
    throw new AppError('VALIDATION', 'Het exportbestand wordt te groot (max. 200 MB).');
  return out;
}

const NOT_AN_ARCHIVE = 'Dit is geen exportbestand van Veilig Huis Dossier.';

/**
 * Decrypts, unpacks and validates. A wrong passphrase and a changed byte are the same failure for
 * GCM, and one Dutch message; a JSON that does not match the schema is refused with its own.
 */
export async function openArchive(file: Uint8Array, passphrase: string): Promise<ArchiveContent> {
  const buf = Buffer.from(file);
  if (buf.length > MAX_ARCHIVE_BYTES) throw new AppError('VALIDATION', 'Het bestand is te groot (max. 200 MB).');
  if (buf.length < MAGIC.length + 4 + 16 || !buf.subarray(0, MAGIC.length).equals(MAGIC))
    throw new AppError('VALIDATION', NOT_AN_ARCHIVE);
  const headerLength = buf.readUInt32BE(MAGIC.length);
  if (headerLength > 4096 || MAGIC.length + 4 + headerLength + 16 > buf.length)
    throw new AppError('VALIDATION', NOT_AN_ARCHIVE);
  const headerEnd = MAGIC.length + 4 + headerLength;
  let header: { cipher: string; kdf: { name: string; N: number; r: number; p: number }; salt: string; iv: string };
  try {
    header = JSON.parse(buf.subarray(MAGIC.length + 4, headerEnd).toString('utf8'));
  } catch {
    throw new AppError('VALIDATION', NOT_AN_ARCHIVE);
  }
  // refuse parameters an attacker could use to exhaust memory or weaken the KDF
  const { kdf } = header;
  if (
    header.cipher !== 'aes-256-gcm' ||
    kdf?.name !== 'scrypt' ||
    ![2 ** 14, 2 ** 15, 2 ** 16, 2 ** 17].includes(kdf.N) ||
    kdf.r !== 8 ||
    kdf.p !== 1
  )
    throw new AppError('VALIDATION', NOT_AN_ARCHIVE);
  const key = await deriveKey(passphrase, Buffer.from(header.salt, 'base64'), kdf);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(buf.subarray(0, headerEnd));
  decipher.setAuthTag(buf.subarray(buf.length - 16));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(buf.subarray(headerEnd, buf.length - 16)), decipher.final()]);
  } catch {
    throw new AppError(
      'VALIDATION',
      'De wachtzin is onjuist of het bestand is gewijzigd of beschadigd. Er werd niets ingelezen.',
    );
  }
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(plain);
  } catch {
    throw new AppError('VALIDATION', NOT_AN_ARCHIVE);
  }
  const json = entries['dossier.json'];
  if (!json) throw new AppError('VALIDATION', NOT_AN_ARCHIVE);
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(json));
  } catch {
    throw new AppError('VALIDATION', 'Het dossierbestand in het archief is geen geldige JSON.');
  }
  const parsed = dossierExportSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError('VALIDATION', 'Het dossierbestand voldoet niet aan het schema (versie 1) en werd geweigerd.');
  const files: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(entries)) if (name !== 'dossier.json') files[name] = bytes;
  // every attachment and document listed must be present, with its checksum
  for (const a of [...parsed.data.attachments, ...parsed.data.documents]) {
    const bytes = files[a.path];
    if (!bytes || sha256(bytes) !== a.sha256)
      throw new AppError(
        'VALIDATION',
        'Een bijlage of document in het archief ontbreekt of klopt niet met zijn controlegetal.',
      );
  }
  return { data: parsed.data, files };
}
