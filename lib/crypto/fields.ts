import crypto from 'node:crypto';

/**
 * Field-level encryption for the most identifying data (national register number, contact
 * details): AES-256-GCM with a key id, so keys can be rotated (old ids stay readable), and an
 * HMAC-SHA256 with a separate key for exact-match lookups — never a bare hash, which could be
 * reversed by trying all ~10^11 numbers.
 * Format: v1.<keyId>.<iv>.<tag>.<ciphertext>, parts base64url.
 */
export interface FieldKeys {
  current: string;
  keys: Map<string, Buffer>;
  hmacKey: Buffer;
}

export function parseFieldKeys(spec: string, currentId: string, hmacKeyB64: string): FieldKeys {
  const keys = new Map<string, Buffer>();
  for (const part of spec.split(',')) {
    const [id, b64] = part.split(':');
    if (!id || !b64) throw new Error('FIELD_ENCRYPTION_KEYS: formaat sleutelid:base64');
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new Error(`FIELD_ENCRYPTION_KEYS: sleutel ${id} is geen 32 bytes`);
    keys.set(id, key);
  }
  if (!keys.has(currentId)) throw new Error('FIELD_ENCRYPTION_KEY_ID komt niet voor in FIELD_ENCRYPTION_KEYS');
  return { current: currentId, keys, hmacKey: Buffer.from(hmacKeyB64, 'base64') };
}

export function encryptField(keys: FieldKeys, plaintext: string): string {
  const key = keys.keys.get(keys.current)!;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`v1.${keys.current}`));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ['v1', keys.current, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.');
}

export function decryptField(keys: FieldKeys, value: string): string {
  const [version, keyId, iv, tag, ct] = value.split('.');
  if (version !== 'v1' || !keyId || !iv || !tag || ct === undefined) throw new Error('Onbekend versleutelingsformaat');
  const key = keys.keys.get(keyId);
  if (!key) throw new Error(`Onbekende sleutel ${keyId}`);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(`v1.${keyId}`));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

export function lookupHmac(keys: FieldKeys, value: string): string {
  return crypto.createHmac('sha256', keys.hmacKey).update(value, 'utf8').digest('hex');
}
