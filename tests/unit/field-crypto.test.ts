import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptField, lookupHmac, parseFieldKeys } from '@/lib/crypto/fields';

const k = () => crypto.randomBytes(32).toString('base64');

describe('field encryption', () => {
  const keys = parseFieldKeys(`old:${k()},new:${k()}`, 'new', k());

  it('round-trips and never stores the plaintext', () => {
    const c = encryptField(keys, '85073003361');
    expect(c).not.toContain('85073003361');
    expect(c.startsWith('v1.new.')).toBe(true);
    expect(decryptField(keys, c)).toBe('85073003361');
  });

  it('uses a fresh IV: the same value encrypts differently each time', () => {
    expect(encryptField(keys, 'x')).not.toBe(encryptField(keys, 'x'));
  });

  it('still reads values written under an older key id (rotation)', () => {
    const oldOnly = { ...keys, current: 'old' };
    const c = encryptField(oldOnly, 'geheim');
    expect(decryptField(keys, c)).toBe('geheim');
  });

  it('detects tampering with the ciphertext or the key id', () => {
    const c = encryptField(keys, 'geheim');
    const parts = c.split('.');
    const flipped = Buffer.from(parts[4]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptField(keys, [...parts.slice(0, 4), flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => decryptField(keys, ['v1', 'old', ...parts.slice(2)].join('.'))).toThrow();
  });

  it('the lookup HMAC is deterministic per key and differs from a bare hash', () => {
    const h = lookupHmac(keys, '85073003361');
    expect(h).toBe(lookupHmac(keys, '85073003361'));
    expect(h).not.toBe(crypto.createHash('sha256').update('85073003361').digest('hex'));
    const other = parseFieldKeys(`a:${k()}`, 'a', k());
    expect(lookupHmac(other, '85073003361')).not.toBe(h);
  });

  it('rejects a key that is not 32 bytes or a current id that is not in the list', () => {
    expect(() => parseFieldKeys('a:AAAA', 'a', k())).toThrow(/32 bytes/);
    expect(() => parseFieldKeys(`a:${k()}`, 'b', k())).toThrow(/FIELD_ENCRYPTION_KEY_ID/);
  });
});
