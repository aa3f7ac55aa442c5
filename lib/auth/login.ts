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

/**
 * Whether an IdP's ID token asserts a second factor (ADR 0018, 0044). Where the deployment agreed
 * an assurance level (`OIDC_MFA_ACR`), only that `acr` counts: it is the contract with the IdP,
 * and an `amr` value next to a lower `acr` must not open what the agreed level keeps shut.
 * Without an agreed level, an `amr` value of RFC 8176 that names a second factor counts.
 */
export function oidcAssertsSecondFactor(claims: { amr?: unknown; acr?: unknown }, mfaAcr?: string): boolean {
  if (mfaAcr) return claims.acr === mfaAcr;
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [];
  return amr.some((v) => MFA_AMR.includes(v.toLowerCase()));
}

/**
 * A Belgian national number (rijksregisternummer) as the IdP or the administrator writes it —
 * with or without dots, dash and spaces — as its 11 digits, or null when it is none (ADR 0044).
 * The check digits are verified (97 − number mod 97, with the "2" prefix for births from 2000).
 */
export function normaliseNationalNumber(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const digits = input.replace(/[\s.-]/g, '');
  if (!/^\d{11}$/.test(digits)) return null;
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  const ok = 97 - (base % 97) === check || 97 - (Number(`2${digits.slice(0, 9)}`) % 97) === check;
  return ok ? digits : null;
}

/** The keyed hash under which a national number may link an IdP identity (never the number). */
export function oidcLinkHmac(nationalNumber: string): string {
  return lookupHmac(fieldKeys(), `oidc-link:rrn:${nationalNumber}`);
}

export type OidcLoginResult =
  | { ok: true; userId: string; token: string; linked: boolean }
  | { ok: false; reason: 'no-mfa' | 'unknown' | 'inactive' };

/**
 * Maps an OpenID Connect identity to a local, active user and makes a complete session for it
 * (ADR 0044): by subject (`sub`); the first time by the national number the IdP asserts, which
 * must match the value the functional administrator registered on that account — and is then
 * used up, so later logins go by subject alone. Never by e-mail address. The IdP must have
 * asserted a second factor; otherwise nothing opens. Every outcome is in the access log.
 */
export async function resolveOidcUser(
  subject: string,
  linkClaim: unknown,
  secondFactor: boolean,
  client: LoginClient = {},
): Promise<OidcLoginResult> {
  const nationalNumber = normaliseNationalNumber(linkClaim);
  const linkHmac = nationalNumber ? oidcLinkHmac(nationalNumber) : null;
  return withoutActor(async (tx) => {
    if (!secondFactor) {
      const known = await tx.user.findFirst({
        where: { oidcSubject: subject },
        select: { id: true, organisationId: true },
      });
      await recordAudit(tx, known ? loginActor(known) : null, {
        action: 'auth.login.oidc.no-mfa',
        objectType: 'Session',
        purpose: 'authentication',
        outcome: 'DENIED',
      });
      return { ok: false, reason: 'no-mfa' };
    }
    const s = sessionSettings();
    const [row] = await tx.$queryRaw<
      { user_id: string; organisation_id: string; active: boolean; token: string | null; linked: boolean }[]
    >`
      SELECT * FROM auth_oidc_login(${subject}, ${linkHmac}, ${s.idleContent}::int, ${s.idleOther}::int, ${s.maxHours}::int,
                                    ${client.userAgent ?? null}, ${client.address ?? null})`;
    if (!row) {
      await recordAudit(tx, null, {
        action: 'auth.login.oidc.unknown',
        objectType: 'Session',
        purpose: 'authentication',
        outcome: 'DENIED',
      });
      return { ok: false, reason: 'unknown' };
    }
    const actor = loginActor({ id: row.user_id, organisationId: row.organisation_id });
    const ok = row.active && !!row.token;
    if (ok && row.linked)
      await recordAudit(tx, actor, {
        action: 'auth.login.oidc.link',
        objectType: 'User',
        objectId: row.user_id,
        purpose: 'authentication',
        outcome: 'ALLOWED',
      });
    await recordAudit(tx, actor, {
      action: 'auth.login.oidc',
      objectType: 'Session',
      purpose: 'authentication',
      outcome: ok ? 'ALLOWED' : 'DENIED',
    });
    return ok
      ? { ok: true, userId: row.user_id, token: row.token!, linked: row.linked }
      : { ok: false, reason: 'inactive' };
  });
}
