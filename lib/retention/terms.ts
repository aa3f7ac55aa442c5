import { z } from '@/lib/validation/zod';
import { ConfigError } from '@/lib/env';

/**
 * How long a dossier that never became a trajectory is kept, how long a draft may wait, and when
 * a referral waits too long for a decision (art. 15 §3, GDPR art. 5(1)(e); ADR 0015). Each
 * can be set per deployment (.env.example); never more than the decree's 15 years.
 */
const years = (fallback: number) =>
  z.coerce
    .number()
    .int('een geheel aantal jaren')
    .min(1, 'minstens 1 jaar')
    .max(15, 'hoogstens 15 jaar (art. 15, § 3)')
    .default(fallback);
const schema = z.object({
  RETENTION_YEARS_NOT_ADMISSIBLE: years(3),
  RETENTION_YEARS_REFERRED_TO_REGULAR_CARE: years(5),
  RETENTION_YEARS_ATTACHED_TO_EXISTING_CARE: years(5),
  DRAFT_RETENTION_DAYS: z.coerce.number().int().min(7, 'minstens 7 dagen').max(365, 'hoogstens 365 dagen').default(90),
  TRIAGE_OVERDUE_DAYS: z.coerce.number().int().min(1, 'minstens 1 dag').max(90, 'hoogstens 90 dagen').default(14),
  // the purge never removes a dossier closed fewer days ago than this: it is held and reported
  PURGE_GRACE_DAYS: z.coerce.number().int().min(7, 'minstens 7 dagen').max(3650, 'hoogstens 3650 dagen').default(30),
});
export type RetentionTerms = z.infer<typeof schema>;

export type EndedWithoutTrajectory = 'NOT_ADMISSIBLE' | 'REFERRED_TO_REGULAR_CARE' | 'ATTACHED_TO_EXISTING_CARE';

export function parseRetentionTerms(source: Record<string, string | undefined>): RetentionTerms {
  const cleaned = Object.fromEntries(
    Object.keys(schema.shape).map((k) => [k, source[k] === '' ? undefined : source[k]]),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      `Ongeldige configuratie (zie .env.example):\n${result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return result.data;
}

let cached: RetentionTerms | undefined;
export function retentionTerms(): RetentionTerms {
  cached ??= parseRetentionTerms(process.env);
  return cached;
}

export function yearsFor(status: EndedWithoutTrajectory, terms = retentionTerms()): number {
  return terms[`RETENTION_YEARS_${status}`];
}

/** The day a draft is deleted when nobody works on it any more. */
export function draftDeletionDate(lastSavedAt: Date, terms = retentionTerms()): Date {
  return new Date(lastSavedAt.getTime() + terms.DRAFT_RETENTION_DAYS * 86_400_000);
}
