import crypto from 'node:crypto';
import { decryptField, encryptField, type FieldKeys } from '../crypto/fields';

/**
 * Files at rest (ADR 0040): AES-256-GCM with a random key per file; that key is wrapped by the
 * current field key (lib/crypto/fields.ts, format v1.<keyId>....), so rotating the field key
 * means re-wrapping the small keys, never re-encrypting the files; old key ids stay readable.
 * The blob key (`<dossierId>/<attachmentId>`) is the additional authenticated data: a file moved
 * to another row's place does not decrypt.
 * Blob layout: "VHB1" | iv (12) | tag (16) | ciphertext.
 */
const MAGIC = Buffer.from('VHB1');

export interface SealedBlob {
  blob: Buffer;
  wrappedKey: string;
  keyId: string;
}

export function sealBlob(keys: FieldKeys, blobKey: string, plaintext: Uint8Array): SealedBlob {
  const fileKey = crypto.randomBytes(32);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', fileKey, iv);
  cipher.setAAD(Buffer.from(blobKey));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const blob = Buffer.concat([MAGIC, iv, cipher.getAuthTag(), ct]);
  const wrappedKey = encryptField(keys, fileKey.toString('base64'));
  fileKey.fill(0);
  return { blob, wrappedKey, keyId: keys.current };
}

export function openBlob(keys: FieldKeys, blobKey: string, wrappedKey: string, blob: Buffer): Buffer {
  if (blob.length < 32 || !blob.subarray(0, 4).equals(MAGIC)) throw new Error('Onbekend formaat van een bijlage');
  const fileKey = Buffer.from(decryptField(keys, wrappedKey), 'base64');
  const decipher = crypto.createDecipheriv('aes-256-gcm', fileKey, blob.subarray(4, 16));
  decipher.setAAD(Buffer.from(blobKey));
  decipher.setAuthTag(blob.subarray(16, 32));
  const plain = Buffer.concat([decipher.update(blob.subarray(32)), decipher.final()]);
  fileKey.fill(0);
  return plain;
}
