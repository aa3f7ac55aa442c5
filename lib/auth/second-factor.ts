import 'server-only';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { recordAudit } from '@/lib/audit/log';
import { lookupHmac } from '@/lib/crypto/fields';
import { fieldKeys } from '@/lib/crypto/keys';
import { withoutActor, type Tx } from '@/lib/use-case/kernel';
import { invalid, sessionEnded } from '@/lib/errors';
import { loginActor } from './login-actor';
import { findLiveSession } from './sessions';
import { blockedUntil, clearFailures, recordFailure, throttleKey } from './throttle';

/**
 * The second factor (ASVS 5.0 §6.5–6.6; ADRs 0018, 0020): TOTP after RFC 6238 (SHA-1, 6 digits,
 * 30 s — what every authenticator app understands), enrolment with a QR code, and ten one-time
 * recovery codes. The secret and the codes live in the database and are checked there
 * (`auth_second_factor`): the app shows the secret once, to the session that enrols, and never
 * reads it again. A code is accepted once; failures are throttled per user, and ten wrong codes
 * end the session.
 */

const ISSUER = 'Veilig Huis Dossier';

const totpFor = (secretBase32: string, label: string) =>
  new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });

export interface Enrolment {
  secret: string;
  uri: string;
  qrDataUrl: string;
}

/** Enrolment, step 1: the secret (made once, kept until confirmed) as text and as QR code. */
export async function startEnrolment(token: unknown): Promise<Enrolment> {
  return withoutActor(async (tx) => {
    const session = await findLiveSession(token, {}, tx);
    if (!session || session.needs !== 'enrol') throw sessionEnded();
    const [row] = await tx.$queryRaw<{ secret: Uint8Array }[]>`SELECT auth_enrol_start(${token as string}) AS secret`;
    const user = await tx.user.findUniqueOrThrow({ where: { id: session.userId }, select: { email: true } });
    const secret = new OTPAuth.Secret({ buffer: Uint8Array.from(row!.secret).buffer }).base32;
    const uri = totpFor(secret, user.email).toString();
    return {
      secret,
      uri,
      qrDataUrl: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 220 }),
    };
  });
}

const codeMessage = 'Vul de 6 cijfers uit je authenticator-app in, of een herstelcode.';

function parseCode(input: unknown, enrol: boolean): string {
  const raw = typeof input === 'string' ? input.trim() : '';
  const digits = raw.replace(/\s/g, '');
  if (/^\d{6}$/.test(digits)) return digits;
  if (!enrol && /^[A-Za-z0-9]{10}$/.test(raw.replace(/[\s-]/g, ''))) return raw.replace(/[\s-]/g, '').toUpperCase();
  const msg = enrol ? 'Vul de 6 cijfers uit je authenticator-app in.' : codeMessage;
  throw invalid(msg, { code: msg });
}

type FactorRow = {
  outcome: 'ok' | 'wrong' | 'no-session';
  method: string | null;
  user_id: string | null;
  organisation_id: string | null;
  session_id: string | null;
  recovery_codes: string[] | null;
};

const wrongCode = () =>
  invalid('Deze code klopt niet. Probeer de volgende code uit je app.', { code: 'Deze code klopt niet.' });

/**
 * Checks a code in the database and logs the outcome. A wrong code is committed (it counts),
 * and only then refused at the field.
 */
async function checkCode(
  token: unknown,
  codeInput: unknown,
  enrol: boolean,
  now: Date,
): Promise<VerifyResult & { codes?: string[] }> {
  const code = parseCode(codeInput, enrol);
  const result = await withoutActor(async (tx: Tx) => {
    const session = await findLiveSession(token, {}, tx);
    if (!session || session.needs !== (enrol ? 'enrol' : 'verify')) throw sessionEnded();
    const key = throttleKey('factor', lookupHmac(fieldKeys(), `factor:${session.userId}`));
    const until = await blockedUntil(tx, [key], now);
    if (until) return { ok: false, retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000) } as const;
    const [row] = await tx.$queryRaw<
      FactorRow[]
    >`SELECT * FROM auth_second_factor(${token as string}, ${code}, ${enrol})`;
    if (!row || row.outcome === 'no-session') throw sessionEnded();
    const actor = loginActor({ id: row.user_id!, organisationId: row.organisation_id! });
    const audit = { objectType: 'Session', objectId: row.session_id, purpose: 'authentication' as const };
    if (row.outcome === 'wrong') {
      await recordFailure(tx, key, now);
      await recordAudit(tx, actor, { ...audit, action: enrol ? 'auth.mfa.enrol' : 'auth.mfa', outcome: 'DENIED' });
      return { wrong: true } as const;
    }
    await clearFailures(tx, [key]);
    const action = enrol ? 'auth.mfa.enrol' : row.method === 'RECOVERY_CODE' ? 'auth.mfa.recovery' : 'auth.mfa';
    await recordAudit(tx, actor, { ...audit, action, outcome: 'ALLOWED' });
    return { ok: true, codes: row.recovery_codes ?? undefined } as const;
  });
  if ('wrong' in result) throw wrongCode();
  return result;
}

/**
 * Enrolment, step 2: a code from the app proves it works. Confirms the factor, completes this
 * session's login and returns the recovery codes — shown once, never again.
 */
export async function confirmEnrolment(token: unknown, codeInput: unknown, now = new Date()): Promise<string[]> {
  const result = await checkCode(token, codeInput, true, now);
  if (!result.ok)
    throw invalid(`Te veel foute codes. Probeer opnieuw over ${result.retryAfterSeconds} seconden.`, {
      code: 'Even wachten.',
    });
  return result.codes ?? [];
}

export type VerifyResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The second step of a password login: a TOTP code or an unused recovery code. */
export async function verifySecondFactor(token: unknown, codeInput: unknown, now = new Date()): Promise<VerifyResult> {
  const result = await checkCode(token, codeInput, false, now);
  return result.ok ? { ok: true } : { ok: false, retryAfterSeconds: result.retryAfterSeconds };
}
