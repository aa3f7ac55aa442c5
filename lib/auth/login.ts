import 'server-only';
import { withoutActor } from '@/lib/db/scoped';
import { recordAudit } from '@/lib/audit/log';
import { env } from '@/lib/env';
import type { Actor } from '@/lib/access/actor';
import { verifyPassword } from './passwords';

/** Before login there is no actor yet; the log still names the account that was tried. */
function loginActor(user: { id: string; organisationId: string }): Actor {
  return {
    userId: user.id,
    organisationId: user.organisationId,
    name: '',
    organisationName: '',
    roles: [],
    coordinatorHouses: [],
    corePartnerHouses: [],
    participantDossiers: [],
  };
}

export type LoginResult = { ok: true; userId: string; name: string } | { ok: false };

/**
 * Checks e-mail and password. The answer never tells whether the account exists, is inactive
 * or is locked (no user enumeration), and always costs one argon2 verification. After
 * LOGIN_MAX_ATTEMPTS failures in a row the account is locked for LOGIN_LOCK_MINUTES.
 * Every attempt is logged; the e-mail address itself is not.
 */
export async function authenticate(emailInput: unknown, passwordInput: unknown, now = new Date()): Promise<LoginResult> {
  const email = typeof emailInput === 'string' ? emailInput.trim().toLowerCase() : '';
  const password = typeof passwordInput === 'string' ? passwordInput : '';
  const { LOGIN_MAX_ATTEMPTS, LOGIN_LOCK_MINUTES } = env();
  return withoutActor(async (tx) => {
    const user = email && email.length <= 320 ? await tx.user.findUnique({ where: { email } }) : null;
    const locked = !!user?.lockedUntil && user.lockedUntil > now;
    const passwordOk = await verifyPassword(user?.passwordHash, password.slice(0, 1024));
    const actor = user ? loginActor(user) : null;
    if (user && user.active && !locked && passwordOk) {
      await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
      await recordAudit(tx, actor, { action: 'auth.login', objectType: 'Session', purpose: 'login', outcome: 'ALLOWED' });
      return { ok: true, userId: user.id, name: user.name };
    }
    let action = 'auth.login';
    if (user && !locked) {
      const updated = await tx.user.update({
        where: { id: user.id },
        data: { failedLoginCount: { increment: 1 } },
        select: { failedLoginCount: true },
      });
      if (updated.failedLoginCount >= LOGIN_MAX_ATTEMPTS) {
        await tx.user.update({
          where: { id: user.id },
          data: { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + LOGIN_LOCK_MINUTES * 60_000) },
        });
        action = 'auth.lockout';
      }
    } else if (locked) {
      action = 'auth.login.locked';
    }
    await recordAudit(tx, actor, { action, objectType: 'Session', purpose: 'login', outcome: 'DENIED' });
    return { ok: false };
  });
}

/** Maps an OpenID Connect identity to a local, active user: by subject, or first time by e-mail. */
export async function resolveOidcUser(subject: string, emailInput: string | null | undefined): Promise<string | null> {
  return withoutActor(async (tx) => {
    let user = await tx.user.findUnique({ where: { oidcSubject: subject } });
    const email = emailInput?.trim().toLowerCase();
    if (!user && email) {
      const byEmail = await tx.user.findUnique({ where: { email } });
      if (byEmail && !byEmail.oidcSubject) {
        user = await tx.user.update({ where: { id: byEmail.id }, data: { oidcSubject: subject } });
      }
    }
    const actor = user ? loginActor(user) : null;
    const ok = !!user && user.active;
    await recordAudit(tx, actor, { action: 'auth.login.oidc', objectType: 'Session', purpose: 'login', outcome: ok ? 'ALLOWED' : 'DENIED' });
    if (ok) await tx.user.update({ where: { id: user!.id }, data: { lastLoginAt: new Date() } });
    return ok ? user!.id : null;
  });
}
