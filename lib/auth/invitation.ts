import 'server-only';
import { recordAudit } from '@/lib/audit/log';
import { invalid } from '@/lib/errors';
import { withoutActor, withoutTransaction } from '@/lib/use-case/kernel';
import { loginActor } from './login-actor';
import { hashPassword, passwordProblem } from './passwords';

/**
 * Setting one's password with the invitation the functional administrator sent (issue 13 §6;
 * ADR 0043). The token is one-time and expires; the database keeps only its SHA-256 and decides
 * (auth_invitation_open, auth_accept_invitation) — the app role reads no invitation without an
 * administrator's session and never writes a password hash itself. After this the user signs in
 * normally and meets the second-factor enrolment.
 */

const isTokenShape = (t: unknown): t is string => typeof t === 'string' && /^[A-Za-z0-9_-]{43}$/.test(t);

/** Whether the link still works (the page shows the form, or says it no longer does). */
export async function invitationOpen(token: unknown): Promise<boolean> {
  if (!isTokenShape(token)) return false;
  const [row] = await withoutTransaction(
    (c) => c.$queryRaw<{ open: boolean }[]>`SELECT auth_invitation_open(${token}) AS open`,
  );
  return !!row?.open;
}

export const INVITATION_GONE =
  'Deze link werkt niet meer: hij werd al gebruikt, is verlopen of werd vervangen door een nieuwere uitnodiging. Vraag de functioneel beheerder om een nieuwe uitnodiging.';

/**
 * Sets the password: the rules of lib/auth/passwords.ts, both fields the same; the argon2id hash
 * is computed here and handed to the database, which uses the invitation up in the same statement.
 * Logged as the user (without the address). Throws VALIDATION with Dutch field messages.
 */
export async function acceptInvitation(token: unknown, input: { password: string; repeat: string }): Promise<void> {
  const problem = passwordProblem(input.password);
  if (problem) throw invalid(problem, { password: problem });
  if (input.password !== input.repeat) {
    const m = 'De twee wachtwoorden zijn niet gelijk.';
    throw invalid(m, { repeat: m });
  }
  if (!isTokenShape(token)) throw invalid(INVITATION_GONE);
  const hash = await hashPassword(input.password);
  const ok = await withoutActor(async (tx) => {
    const [row] = await tx.$queryRaw<{ user_id: string; organisation_id: string }[]>`
      SELECT * FROM auth_accept_invitation(${token}, ${hash})`;
    if (!row) return false;
    await recordAudit(tx, loginActor({ id: row.user_id, organisationId: row.organisation_id }), {
      action: 'auth.password.set',
      objectType: 'User',
      objectId: row.user_id,
      purpose: 'authentication',
      outcome: 'ALLOWED',
    });
    return true;
  });
  if (!ok) throw invalid(INVITATION_GONE);
}
