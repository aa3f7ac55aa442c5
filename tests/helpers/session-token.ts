import { createHash, randomBytes } from 'node:crypto';

/** What the database keeps of a session token: its SHA-256 (auth_token_hash, ADR 0018). */
export const hashSessionToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A session token as the database makes them: 256 random bits, base64url. */
export const newSessionToken = () => randomBytes(32).toString('base64url');
