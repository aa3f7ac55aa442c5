import { createHash, createHmac, randomBytes } from 'node:crypto';

/** A session token: 256 random bits, base64url. Only its SHA-256 is stored (ADR 0018). */
export const newSessionToken = () => randomBytes(32).toString('base64url');

export const hashSessionToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A keyed hash (HMAC-SHA-256) for values that must be found again but never read back. */
export const keyedHash = (key: Buffer, value: string) => createHmac('sha256', key).update(value, 'utf8').digest('hex');

/** Shape of a token as the browser sends it back: anything else is refused before a query. */
export const isSessionTokenShape = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
