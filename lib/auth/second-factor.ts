import 'server-only';
import { randomInt } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { recordAudit } from '@/lib/audit/log';
import { decryptField, encryptField, lookupHmac } from '@/lib/crypto/fields';
import { fieldKeys } from '@/lib/crypto/keys';
import { withoutActor, type Tx } from '@/lib/db/scoped';
import { AppError, invalid } from '@/lib/errors';
import { loginActor } from './login-actor';
import { findLiveSession, type LiveSession } from './sessions';
import { blockedUntil, clearFailures, recordFailure, throttleKey } from './throttle';

/**
 * The second factor (ASVS 5.0 §6.5–6.6; ADR 0018): TOTP after RFC 6238 (SHA-1, 6 digits, 30 s —
 * what every authenticator app understands), enrolment with a QR code, and ten one-time
 * recovery codes of which only a keyed hash is kept. A code is accepted once (no replay within
 * its window); failures are throttled per user and ten wrong codes end the session.
 */

const ISSUER = 'Veilig Huis Dossier';
const PERIOD = 30;
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const RECOVERY_CODE_COUNT = 10;
const MAX_FAILURES_PER_SESSION = 10;

const totpFor = (secretBase32: string, label: string) =>
  new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: OTPAuth.Secret.fromBase32(secretBase32) });

/** The current code for a secret (for the demo users' documentation and the tests). */
export const currentTotp = (secretBase32: string, at = Date.now()) => totpFor(secretBase32, 'x').generate({ timestamp: at });

const normaliseRecovery = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
const recoveryHash = (code: string) => lookupHmac(fieldKeys(), `recovery:${normaliseRecovery(code)}`);

function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

async function requireSession(tx: Tx, token: unknown, needs: LiveSession['needs'][]): Promise<LiveSession & { email: string; organisationId: string }> {
  const session = await findLiveSession(token, {}, tx);
  if (!session || !needs.includes(session.needs)) throw new AppError('UNAUTHENTICATED', 'Je sessie is verlopen. Meld je opnieuw aan.');
  const user = await tx.user.findUniqueOrThrow({ where: { id: session.userId }, select: { email: true, organisationId: true } });
  return { ...session, ...user };
}

export interface Enrolment {
  secret: string;
  uri: string;
  qrDataUrl: string;
}

/** Enrolment, step 1: the secret (made once, kept until confirmed) as text and as QR code. */
export async function startEnrolment(token: unknown): Promise<Enrolment> {
  return withoutActor(async (tx) => {
    const s = await requireSession(tx, token, ['enrol']);
    let row = await tx.userTotp.findUnique({ where: { userId: s.userId } });
    if (!row) {
      const secret = new OTPAuth.Secret({ size: 20 }).base32;
      row = await tx.userTotp.create({ data: { userId: s.userId, secret: encryptField(fieldKeys(), secret) } });
    }
    const secret = decryptField(fieldKeys(), row.secret);
    const uri = totpFor(secret, s.email).toString();
    return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 220 }) };
  });
}

/** The TOTP step a code belongs to (current ±1 for clock drift), or null. */
function matchingStep(secret: string, code: string, now: Date): number | null {
  const delta = totpFor(secret, 'x').validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

const codeSchemaMessage = 'Vul de 6 cijfers uit je authenticator-app in, of een herstelcode.';

function parseCode(input: unknown): { kind: 'totp' | 'recovery'; code: string } {
  const raw = typeof input === 'string' ? input.trim() : '';
  const digits = raw.replace(/\s/g, '');
  if (/^\d{6}$/.test(digits)) return { kind: 'totp', code: digits };
  const rec = normaliseRecovery(raw);
  if (/^[A-Z0-9]{10}$/.test(rec)) return { kind: 'recovery', code: rec };
  throw invalid(codeSchemaMessage, { code: codeSchemaMessage });
}

/** Counts a wrong code (committed on its own), then refuses it at the field. */
async function failure(s: LiveSession & { organisationId: string }, now: Date, action: string): Promise<never> {
  await withoutActor((tx) => countFailure(tx, s, now, action));
  throw invalid('Deze code klopt niet. Probeer de volgende code uit je app.', { code: 'Deze code klopt niet.' });
}

async function countFailure(tx: Tx, s: LiveSession & { organisationId: string }, now: Date, action: string): Promise<void> {
  await recordFailure(tx, throttleKey('factor', lookupHmac(fieldKeys(), `factor:${s.userId}`)), now);
  const updated = await tx.authSession.update({ where: { id: s.id }, data: { failedSecondFactor: { increment: 1 } } });
  await recordAudit(tx, loginActor({ id: s.userId, organisationId: s.organisationId }), { action, objectType: 'Session', objectId: s.id, purpose: 'aanmelden met tweede factor', outcome: 'DENIED' });
  if (updated.failedSecondFactor >= MAX_FAILURES_PER_SESSION) {
    await tx.authSession.update({ where: { id: s.id }, data: { revokedAt: now, revokedReason: 'te veel foute codes' } });
  }
}

/**
 * Enrolment, step 2: a code from the app proves it works. Confirms the factor, completes this
 * session's login and returns the recovery codes — shown once, never again.
 */
export async function confirmEnrolment(token: unknown, codeInput: unknown, now = new Date()): Promise<string[]> {
  // A wrong code must still be counted: the failure is written in its own transaction.
  const result = await withoutActor(async (tx) => {
    const s = await requireSession(tx, token, ['enrol']);
    const { kind, code } = parseCode(codeInput);
    const row = await tx.userTotp.findUnique({ where: { userId: s.userId } });
    if (!row || kind !== 'totp') throw invalid(codeSchemaMessage, { code: 'Vul de 6 cijfers uit je authenticator-app in.' });
    const step = matchingStep(decryptField(fieldKeys(), row.secret), code, now);
    if (step === null) return { failed: s, codes: null } as const;
    await tx.userTotp.update({ where: { userId: s.userId }, data: { confirmedAt: now, lastUsedStep: BigInt(step) } });
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await tx.recoveryCode.deleteMany({ where: { userId: s.userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: s.userId, codeHash: recoveryHash(c) })) });
    await tx.authSession.update({ where: { id: s.id }, data: { secondFactorAt: now, secondFactorMethod: 'TOTP' } });
    await recordAudit(tx, loginActor({ id: s.userId, organisationId: s.organisationId }), { action: 'auth.mfa.enrol', objectType: 'Session', objectId: s.id, purpose: 'tweede factor ingesteld', outcome: 'ALLOWED' });
    return { codes, failed: null } as const;
  });
  if (result.codes) return result.codes;
  return failure(result.failed, now, 'auth.mfa.enrol');
}

export type VerifyResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The second step of a password login: a TOTP code or an unused recovery code. */
export async function verifySecondFactor(token: unknown, codeInput: unknown, now = new Date()): Promise<VerifyResult> {
  const result = await withoutActor(async (tx) => {
    const s = await requireSession(tx, token, ['verify']);
    const key = throttleKey('factor', lookupHmac(fieldKeys(), `factor:${s.userId}`));
    const until = await blockedUntil(tx, [key], now);
    if (until) return { blocked: Math.ceil((until.getTime() - now.getTime()) / 1000) } as const;
    const { kind, code } = parseCode(codeInput);
    const actor = loginActor({ id: s.userId, organisationId: s.organisationId });
    if (kind === 'totp') {
      const row = await tx.userTotp.findUniqueOrThrow({ where: { userId: s.userId } });
      const step = matchingStep(decryptField(fieldKeys(), row.secret), code, now);
      // a code is used once: not again, and no older one after a newer
      if (step === null || (row.lastUsedStep !== null && BigInt(step) <= row.lastUsedStep)) return { failed: s } as const;
      const claimed = await tx.userTotp.updateMany({
        where: { userId: s.userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: BigInt(step) } }] },
        data: { lastUsedStep: BigInt(step) },
      });
      if (!claimed.count) return { failed: s } as const;
    } else {
      const used = await tx.recoveryCode.updateMany({ where: { userId: s.userId, codeHash: recoveryHash(code), usedAt: null }, data: { usedAt: now } });
      if (!used.count) return { failed: s } as const;
    }
    await tx.authSession.update({ where: { id: s.id }, data: { secondFactorAt: now, secondFactorMethod: kind === 'totp' ? 'TOTP' : 'RECOVERY_CODE' } });
    await clearFailures(tx, [key]);
    await recordAudit(tx, actor, { action: kind === 'totp' ? 'auth.mfa' : 'auth.mfa.recovery', objectType: 'Session', objectId: s.id, purpose: 'aanmelden met tweede factor', outcome: 'ALLOWED' });
    return { ok: true } as const;
  });
  if ('blocked' in result) return { ok: false, retryAfterSeconds: result.blocked as number };
  if ('failed' in result) return failure(result.failed as LiveSession & { organisationId: string }, now, 'auth.mfa');
  return { ok: true };
}

/** How many unused recovery codes a user has left. */
export async function recoveryCodesLeft(tx: Tx, userId: string): Promise<number> {
  return tx.recoveryCode.count({ where: { userId, usedAt: null } });
}
