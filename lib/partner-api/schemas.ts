import { z } from '@/lib/validation/zod';
import { addDays, brusselsToday, parseCalendarDate } from '@/lib/time';

/**
 * The partner API (issue 14 §2; ADR 0045): the scopes of a key, the administrator's form for a
 * new key, and what the API answers. The request body of a referral is the referral form's own
 * schema (lib/referrals/schemas.ts); lib/partner-api/openapi.ts describes all of these from the
 * very same zod objects.
 */

export const API_SCOPES = ['referrals:write', 'referrals:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_LABEL: Record<ApiScope, string> = {
  'referrals:write': 'Aanmeldingen indienen (referrals:write)',
  'referrals:read': 'Status en uitkomst van de eigen aanmeldingen lezen (referrals:read)',
};

/** A key lives at most a year (the database checks 366 days from its creation). */
export const MAX_KEY_DAYS = 365;

/** The administrator's form for a new key (strings, as a form sends them). */
export function newApiKeySchema(now = new Date()) {
  const today = brusselsToday(now);
  const last = addDays(today, MAX_KEY_DAYS);
  return z.object({
    organisationId: z.string().uuid('Kies de organisatie waarvoor de sleutel dient.'),
    name: z
      .string()
      .trim()
      .min(1, 'Geef de sleutel een naam, bv. "Registratiesysteem huisartsenpraktijk".')
      .max(100, 'Hoogstens 100 tekens.'),
    scopes: z.array(z.enum(API_SCOPES)).min(1, 'Kies minstens één recht (scope).'),
    expiresOn: z
      .string()
      .trim()
      .refine((v) => parseCalendarDate(v) !== null, 'Geef een geldige datum (dd/mm/jjjj).')
      .refine((v) => !parseCalendarDate(v) || (v > today && v <= last), `Kies een datum na vandaag, tot ${last}.`),
    rateLimitPerMinute: z
      .string()
      .trim()
      .regex(/^\d{1,4}$/, 'Geef een getal van 1 tot 1000.')
      .refine((v) => Number(v) >= 1 && Number(v) <= 1000, 'Geef een getal van 1 tot 1000.'),
  });
}
export type NewApiKeyValues = {
  organisationId: string;
  name: string;
  scopes: string[];
  expiresOn: string;
  rateLimitPerMinute: string;
};

// ---------------------------------------------------------------- what the API answers

/**
 * What a partner may learn of its own referral (ADR 0045): where it stands and its outcome — the
 * same the referrer sees under "Mijn aanmeldingen", without the names it sent. A closed dossier
 * is no longer the referrer's to see (art. 15 §3; DOMAIN.md §3) and is not listed.
 */
export const API_REFERRAL_STATUSES = [
  'SUBMITTED',
  'NOT_ADMISSIBLE',
  'REFERRED_TO_REGULAR_CARE',
  'ATTACHED_TO_EXISTING_CARE',
  'IN_TRAJECTORY',
] as const;

export const referralStatusSchema = z
  .object({
    id: z.string().uuid().describe('Id of the referral (dossier) in the dossier environment'),
    reference: z.string().describe('The dossier reference, e.g. VH-ANT-2026-0007'),
    safeHouseId: z.string().uuid(),
    status: z
      .enum(API_REFERRAL_STATUSES)
      .describe(
        'SUBMITTED: waiting for the art. 5 check and decision; NOT_ADMISSIBLE: the art. 5 criteria were not met; ' +
          'REFERRED_TO_REGULAR_CARE / ATTACHED_TO_EXISTING_CARE / IN_TRAJECTORY: the follow-up decision (art. 5, 3rd para).',
      ),
    submittedAt: z.iso.datetime({ offset: true }),
    decidedAt: z.iso.datetime({ offset: true }).nullable(),
    outcome: z
      .object({
        decisionReasons: z
          .string()
          .nullable()
          .describe("The coordinator's reasons for the decision, as the referrer reads them in the app"),
        conferenceOutcomes: z
          .array(
            z.object({
              text: z.string().describe('What the case conference agreed to tell the referrer'),
              sharedAt: z.iso.datetime({ offset: true }),
            }),
          )
          .describe('Outcomes the coordinator shared with the referrer after a case conference, newest first'),
      })
      .describe('Never the assessment, the partners’ input or conference content (art. 458ter Sw.)'),
  })
  .meta({ id: 'ReferralStatus' });
export type ReferralStatus = z.infer<typeof referralStatusSchema>;

export const referralStatusListSchema = z
  .object({ items: z.array(referralStatusSchema) })
  .meta({ id: 'ReferralStatusList' });

export const referralCreatedSchema = z
  .object({
    id: z.string().uuid(),
    reference: z.string(),
    status: z.literal('SUBMITTED'),
  })
  .meta({ id: 'ReferralCreated' });

export const safeHouseListSchema = z
  .object({ items: z.array(z.object({ id: z.string().uuid(), name: z.string() })) })
  .meta({ id: 'SafeHouseList' });

/** RFC 9457 problem details; `errors` names the fields of a refused referral, in Dutch. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;
