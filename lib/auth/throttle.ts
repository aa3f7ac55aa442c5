import 'server-only';
import type { Tx } from '@/lib/use-case/kernel';
import { env } from '@/lib/env';

/**
 * Throttling shared by every instance (ASVS 6.3.1; ADR 0018), stored in PostgreSQL. Each failure
 * counts for a key: the client address, the account (an HMAC of the e-mail address, so unknown
 * addresses behave like known ones) or a session's second factor. From LOGIN_MAX_ATTEMPTS
 * failures on, each next attempt must wait 2 s, 4 s, 8 s, … up to a ceiling per kind of key. An
 * account's ceiling is a minute: an attacker can slow a coordinator down, never lock them out.
 * Failures are forgotten a day after the last one, or at a success.
 */
export type ThrottleKind = 'client' | 'account' | 'factor';

export function ceilingSeconds(kind: ThrottleKind): number {
  if (kind === 'account') return 60;
  if (kind === 'factor') return 300;
  return env().LOGIN_LOCK_MINUTES * 60;
}

/** Seconds to wait after `failures` failures in a row. */
export function delaySeconds(kind: ThrottleKind, failures: number): number {
  const threshold = env().LOGIN_MAX_ATTEMPTS;
  if (failures < threshold) return 0;
  return Math.min(ceilingSeconds(kind), 2 ** Math.min(30, failures - threshold + 1));
}

export const throttleKey = (kind: ThrottleKind, digest: string) => `${kind}:${digest}`;

/** The latest moment any of the keys is blocked until, if later than `now`. */
export async function blockedUntil(tx: Tx, keys: string[], now: Date): Promise<Date | null> {
  const rows = await tx.loginThrottle.findMany({
    where: { key: { in: keys }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  const times = rows.map((r) => r.blockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

export async function recordFailure(tx: Tx, key: string, now: Date): Promise<number> {
  const kind = key.split(':')[0] as ThrottleKind;
  const [row] = await tx.$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."lastFailureAt" < ${now}::timestamptz - interval '1 day' THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "lastFailureAt" = ${now}
    RETURNING "failures"`;
  const failures = row!.failures;
  const wait = delaySeconds(kind, failures);
  await tx.loginThrottle.update({
    where: { key },
    data: { blockedUntil: wait ? new Date(now.getTime() + wait * 1000) : null },
  });
  return failures;
}

export async function clearFailures(tx: Tx, keys: string[]): Promise<void> {
  await tx.loginThrottle.deleteMany({ where: { key: { in: keys } } });
}
