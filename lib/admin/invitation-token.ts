import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/** How long an invitation to set one's password works (ADR 0043). */
export const INVITATION_HOURS = 72;

/**
 * A new one-time token (256 random bits, base64url, 43 characters) and the SHA-256 the database
 * keeps of it (as auth_token_hash computes it): the token itself is only in the mail.
 */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: createHash('sha256').update(token, 'utf8').digest('hex') };
}
