import 'server-only';
import { withoutActor } from '@/lib/db/scoped';
import { recordAudit } from '@/lib/audit/log';
import { lookupHmac } from '@/lib/crypto/fields';
import { fieldKeys } from '@/lib/crypto/keys';
import { loginActor } from './login-actor';
import { verifyPassword } from './passwords';
import { createSession } from './sessions';
import { blockedUntil, clearFailures, recordFailure, throttleKey } from './throttle';

export type LoginResult =
  | { ok: true; userId: string; name: string; token: string }
  | { ok: false; retryAfterSeconds?: number };

export interface LoginClient {
  /** the client's address as the nearest proxy saw it */
  address?: string | null;
  userAgent?: string | null;
  now?: Date;
}

/**
 * Step 1 of a password login: e-mail and password. The answer never tells whether the account
 * exists or is inactive (no user enumeration) and always costs one argon2 verification. Too
 * many failures from one client or on one account slow the next attempts down (ADR 0018); an
 * account is never locked. On success a session is made that still needs the second factor.
 * Every attempt is logged; the e-mail address itself is not.
 */
export async function authenticate(emailInput: unknown, passwordInput: unknown, client: LoginClient = {}): Promise<LoginResult> {
  const email = typeof emailInput === 'string' ? emailInput.trim().toLowerCase().slice(0, 320) : '';
  const password = typeof passwordInput === 'string' ? passwordInput.slice(0, 1024) : '';
  const now = client.now ?? new Date();
  const keys = [
    throttleKey('client', lookupHmac(fieldKeys(), `client:${client.address ?? 'onbekend'}`)),
    throttleKey('account', lookupHmac(fieldKeys(), `account:${email}`)),
  ];
  return withoutActor(async (tx) => {
    const user = email ? await tx.user.findUnique({ where: { email }, include: { roles: { select: { role: true } } } }) : null;
    const actor = user ? loginActor(user) : null;
    const until = await blockedUntil(tx, keys, now);
    if (until) {
      await recordAudit(tx, actor, { action: 'auth.login.throttled', objectType: 'Session', purpose: 'aanmelden', outcome: 'DENIED' });
      return { ok: false, retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000) };
    }
    const passwordOk = await verifyPassword(user?.passwordHash, password);
    if (user && user.active && passwordOk) {
      await clearFailures(tx, keys);
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
      const token = await createSession(tx, {
        userId: user.id,
        roles: user.roles.map((r) => r.role),
        userAgent: client.userAgent,
        clientAddress: client.address,
        now,
      });
      await recordAudit(tx, actor, { action: 'auth.login', objectType: 'Session', purpose: 'aanmelden', outcome: 'ALLOWED' });
      return { ok: true, userId: user.id, name: user.name, token };
    }
    for (const key of keys) await recordFailure(tx, key, now);
    await recordAudit(tx, actor, { action: 'auth.login', objectType: 'Session', purpose: 'aanmelden', outcome: 'DENIED' });
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
 * factor; otherwise the login is refused.
 */
export async function resolveOidcUser(
  subject: string,
  emailInput: string | null | undefined,
  secondFactor: boolean,
  client: LoginClient = {},
): Promise<{ userId: string; token: string } | null> {
  return withoutActor(async (tx) => {
    let user = await tx.user.findUnique({ where: { oidcSubject: subject }, include: { roles: { select: { role: true } } } });
    const email = emailInput?.trim().toLowerCase();
    if (!user && email) {
      const byEmail = await tx.user.findUnique({ where: { email } });
      if (byEmail && !byEmail.oidcSubject) {
        user = await tx.user.update({ where: { id: byEmail.id }, data: { oidcSubject: subject }, include: { roles: { select: { role: true } } } });
      }
    }
    const actor = user ? loginActor(user) : null;
    const ok = !!user && user.active && secondFactor;
    await recordAudit(tx, actor, {
      action: ok || !user?.active ? 'auth.login.oidc' : 'auth.login.oidc.no-mfa',
      objectType: 'Session',
      purpose: 'aanmelden',
      outcome: ok ? 'ALLOWED' : 'DENIED',
    });
    if (!ok) return null;
    await tx.user.update({ where: { id: user!.id }, data: { lastLoginAt: new Date() } });
    const token = await createSession(tx, {
      userId: user!.id,
      roles: user!.roles.map((r) => r.role),
      secondFactor: 'OIDC',
      userAgent: client.userAgent,
      clientAddress: client.address,
    });
    return { userId: user!.id, token };
  });
}
