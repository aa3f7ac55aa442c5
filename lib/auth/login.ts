import 'server-only';
import { withoutActor, type Tx } from '@/lib/use-case/kernel';
import { recordAudit } from '@/lib/audit/log';
import { lookupHmac } from '@/lib/crypto/fields';
import { fieldKeys } from '@/lib/crypto/keys';
import { loginActor } from './login-actor';
import { passwordDigest } from './passwords';
import { sessionSettings } from './sessions';
import { blockedUntil, clearFailures, recordFailure, throttleKey } from './throttle';

export type LoginResult =
  { ok: true; userId: string; name: string; token: string } | { ok: false; retryAfterSeconds?: number };

export interface LoginClient {
  /** the client's address as the nearest proxy saw it */
  address?: string | null;
  userAgent?: string | null;
  now?: Date;
}

/** The account an e-mail address names, for the access log only (no hash is read). */
async function accountOf(tx: Tx, email: string) {
  if (!email) return null;
  return tx.user.findUnique({ where: { email }, select: { id: true, organisationId: true } });
}

/**
 * Step 1 of a password login: e-mail and password. The app computes the argon2id digest with
 * the salt the database hands out; the database compares it with the stored hash and makes a
 * session that still needs the second factor (ADR 0020) — the app never reads a hash. The
 * answer never tells whether the account exists or is inactive, and always costs one argon2
 * computation. Too many failures from one client or on one account slow the next attempts down
 * (ADR 0018); an account is never locked. Every attempt is logged; the e-mail address is not.
 */
export async function authenticate(
  emailInput: unknown,
  passwordInput: unknown,
  client: LoginClient = {},
): Promise<LoginResult> {
  const email = typeof emailInput === 'string' ? emailInput.trim().toLowerCase().slice(0, 320) : '';
  const password = typeof passwordInput === 'string' ? passwordInput.slice(0, 1024) : '';
  const now = client.now ?? new Date();
  const keys = [
    throttleKey('client', lookupHmac(fieldKeys(), `client:${client.address ?? 'onbekend'}`)),
    throttleKey('account', lookupHmac(fieldKeys(), `account:${email}`)),
  ];
  return withoutActor(async (tx) => {
    const account = await accountOf(tx, email);
    const actor = account ? loginActor(account) : null;
    const until = await blockedUntil(tx, keys, now);
    if (until) {
      await recordAudit(tx, actor, {
        action: 'auth.login.throttled',
        objectType: 'Session',
        purpose: 'authentication',
        outcome: 'DENIED',
      });
      return { ok: false, retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000) };
    }
    const [{ salt }] = (await tx.$queryRaw<{ salt: string }[]>`SELECT auth_password_salt(${email}) AS salt`) as [
      { salt: string },
    ];
    const digest = await passwordDigest(password, salt);
    const s = sessionSettings();
    const [row] = await tx.$queryRaw<{ user_id: string; user_name: string; organisation_id: string; token: string }[]>`
      SELECT * FROM auth_login(${email}, ${digest}, ${s.idleContent}::int, ${s.idleOther}::int, ${s.maxHours}::int,
                               ${client.userAgent ?? null}, ${client.address ?? null})`;
    if (row) {
      await clearFailures(tx, keys);
      await recordAudit(tx, loginActor({ id: row.user_id, organisationId: row.organisation_id }), {
        action: 'auth.login',
        objectType: 'Session',
        purpose: 'authentication',
        outcome: 'ALLOWED',
      });
      return { ok: true, userId: row.user_id, name: row.user_name, token: row.token };
    }
    for (const key of keys) await recordFailure(tx, key, now);
    await recordAudit(tx, actor, {
      action: 'auth.login',
      objectType: 'Session',
      purpose: 'authentication',
      outcome: 'DENIED',
    });
    return { ok: false };
  });
}

/** The ID token's claims that may assert a second factor (RFC 8176). */
const MFA_AMR = ['mfa', 'otp', 'hwk', 'swk', 'sc', 'fpt', 'face', 'pop', 'sms'];

/** Whether an IdP's ID token asserts a second factor: an `amr` value, or the agreed `acr`. */
export function oidcAssertsSecondFactor(claims: { amr?: unknown; acr?: unknown }, mfaAcr?: string): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [];
  if (amr.some((v) => MFA_AMR.includes(v.toLowerCase()))) return true;
  return !!mfaAcr && claims.acr === mfaAcr;
}

/**
 * Maps an OpenID Connect identity to a local, active user (by subject, or the first time by a
 * verified e-mail address) and makes a session for it. The IdP must have asserted a second
 * factor; otherwise the login is refused and no session is made.
 */
export async function resolveOidcUser(
  subject: string,
  emailInput: string | null | undefined,
  secondFactor: boolean,
  client: LoginClient = {},
): Promise<{ userId: string; token: string } | null> {
  const email = emailInput?.trim().toLowerCase() ?? null;
  return withoutActor(async (tx) => {
    if (!secondFactor) {
      const known = await tx.user.findFirst({
        where: { OR: [{ oidcSubject: subject }, ...(email ? [{ email }] : [])] },
        select: { id: true, organisationId: true },
      });
      await recordAudit(tx, known ? loginActor(known) : null, {
        action: 'auth.login.oidc.no-mfa',
        objectType: 'Session',
        purpose: 'authentication',
        outcome: 'DENIED',
      });
      return null;
    }
    const s = sessionSettings();
    const [row] = await tx.$queryRaw<
      { user_id: string; organisation_id: string; active: boolean; token: string | null }[]
    >`
      SELECT * FROM auth_oidc_login(${subject}, ${email}, ${s.idleContent}::int, ${s.idleOther}::int, ${s.maxHours}::int,
                                    ${client.userAgent ?? null}, ${client.address ?? null})`;
    const actor = row ? loginActor({ id: row.user_id, organisationId: row.organisation_id }) : null;
    const ok = !!row?.active && !!row.token;
    await recordAudit(tx, actor, {
      action: 'auth.login.oidc',
      objectType: 'Session',
      purpose: 'authentication',
      outcome: ok ? 'ALLOWED' : 'DENIED',
    });
    return ok ? { userId: row!.user_id, token: row!.token! } : null;
  });
}
