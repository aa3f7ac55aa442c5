import { brusselsToday, isClockTime, isIsoDate } from '@/lib/time';
import { z } from '@/lib/validation/zod';
import { RISK_LEVELS } from '@/lib/referrals/schemas';
import { validateForm } from '@/lib/validation/form';

const reason = (what: string) =>
  z.string().trim().min(1, `Geef een reden voor ${what}.`).max(5000, 'Hoogstens 5000 tekens.');
/** 'ja'/'nee' from the form, a boolean from here on */
const met = z.enum(['ja', 'nee'], 'Geef aan of dit criterium vervuld is.').transform((v) => v === 'ja');
const isoDate = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((v) => isIsoDate(v), 'Deze datum bestaat niet.');

export const DECISIONS = [
  'REFER_TO_REGULAR_CARE',
  'ATTACH_TO_EXISTING_CARE',
  'START_TRAJECTORY',
  'NOT_ADMISSIBLE',
] as const;
/** The follow-up decisions of art. 5, 3rd para: only after the art. 5 check found all criteria met. */
export const FOLLOW_UP_DECISIONS = ['REFER_TO_REGULAR_CARE', 'ATTACH_TO_EXISTING_CARE', 'START_TRAJECTORY'] as const;
/** The default length of the core partners' input round, in days (ADR 0031). */
export const INPUT_ROUND_DAYS = 10;

/**
 * Step (a), the art. 5 check: each of the three criteria met or not, with its reason, and the
 * coordinator's risk assessment. All met: the input round opens until `inputDeadline`. Not all
 * met: "niet ontvankelijk" at once, with `decisionReasons` (the referrer reads them).
 */
export const checkSchema = z.object({
  criterion1Met: met,
  criterion1Reason: reason('criterium 1'),
  criterion2Met: met,
  criterion2Reason: reason('criterium 2'),
  criterion3Met: met,
  criterion3Reason: reason('criterium 3'),
  riskLevel: z.enum(RISK_LEVELS, 'Kies het risiconiveau van je eigen risico-inschatting.'),
  riskAssessment: z.string().trim().min(10, 'Beschrijf je risico-inschatting (minstens 10 tekens).').max(5000),
  inputDeadline: z.string().trim().max(10),
  decisionReasons: z.string().trim().max(5000, 'Hoogstens 5000 tekens.'),
});
export type CheckValues = Record<keyof z.input<typeof checkSchema>, string>;

export const validateCheck = (values: CheckValues, now = new Date()) =>
  validateForm(checkSchema, values, (d): Record<string, string> => {
    const allMet = d.criterion1Met === 'ja' && d.criterion2Met === 'ja' && d.criterion3Met === 'ja';
    if (!allMet) {
      return d.decisionReasons.trim().length < 10
        ? {
            decisionReasons:
              'Motiveer waarom de aanmelding niet ontvankelijk is (minstens 10 tekens); de aanmelder krijgt deze motivering te zien.',
          }
        : {};
    }
    const day = d.inputDeadline.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isIsoDate(day))
      return { inputDeadline: 'Kies tot wanneer de kernpartners hun aanvulling kunnen geven.' };
    if (day < brusselsToday(now)) return { inputDeadline: 'De termijn kan niet in het verleden liggen.' };
    return {};
  });

/** Step (c), the follow-up decision (art. 5, 3rd para), with reasons the referrer is told. */
export const decisionSchema = z.object({
  decision: z.enum(FOLLOW_UP_DECISIONS, 'Kies een beslissing over de opvolging.'),
  decisionReasons: z
    .string()
    .trim()
    .min(10, 'Motiveer de beslissing (minstens 10 tekens); de aanmelder krijgt deze motivering te zien.')
    .max(5000),
});
export type DecisionValues = Record<keyof z.input<typeof decisionSchema>, string>;
export const validateDecision = (values: DecisionValues) => validateForm(decisionSchema, values);

/** The coordinator asks the mandated agency of the house's area for its position (art. 5, 2nd para). */
export const agencyRequestSchema = z.object({
  organisationId: z.string().uuid('Kies de gemandateerde voorziening.'),
  proposedDecision: z.enum(FOLLOW_UP_DECISIONS, 'Kies de opvolging die je voorstelt.'),
  question: z.string().trim().max(3000, 'Hoogstens 3000 tekens.'),
});
export type AgencyRequestValues = Record<keyof z.input<typeof agencyRequestSchema>, string>;

/** Urgency: decided without a written position; who was reached, when, how, and why (art. 5, 2nd para). */
export const agencyExceptionSchema = z.object({
  contact: z.string().trim().min(2, 'Vul in wie je bij de voorziening bereikt hebt.').max(200),
  contactedOn: isoDate('Geef de datum waarop je de voorziening bereikte.'),
  contactedTime: z
    .string()
    .trim()
    .refine((v) => isClockTime(v), 'Geef het uur (uu:mm).'),
  channel: z.string().trim().min(2, 'Vul in hoe je de voorziening bereikte (bv. telefoon).').max(200),
  reason: z
    .string()
    .trim()
    .min(10, 'Leg uit waarom er geen schriftelijk standpunt is (minstens 10 tekens).')
    .max(3000, 'Hoogstens 3000 tekens.'),
});
export type AgencyExceptionValues = Record<keyof z.input<typeof agencyExceptionSchema>, string>;

/** The agency's own view: the risk, the need for a case conference, and agree / disagree with reasons. */
export const agencyPositionSchema = z.object({
  riskView: z.string().trim().min(10, 'Geef jullie kijk op het risico (minstens 10 tekens).').max(3000),
  conferenceNeeded: z.enum(['ja', 'nee'], 'Geef aan of een casusoverleg nodig is.').transform((v) => v === 'ja'),
  conferenceView: z.string().trim().max(3000, 'Hoogstens 3000 tekens.'),
  position: z.enum(['AGREE', 'DISAGREE'], 'Geef aan of jullie akkoord gaan met de voorgestelde opvolging.'),
  positionReasons: z.string().trim().min(10, 'Motiveer jullie standpunt (minstens 10 tekens).').max(3000),
});
export type AgencyPositionValues = Record<keyof z.input<typeof agencyPositionSchema>, string>;
