import { z } from '@/lib/validation/zod';
import {
  NATIONAL_NUMBER_BIRTH_DATE_MISMATCH,
  nationalNumberAgreesWithBirthDate,
  normaliseNationalNumber,
} from '@/lib/validation/national-number';
import { validateForm } from '@/lib/validation/form';
import { parseCalendarDate } from '@/lib/time';
import { RISK_FACTORS, RISK_ANSWERS } from './risk-screening';

/**
 * The fixed referral form (art. 11). Values travel as strings, so that whatever the user typed
 * comes back unchanged after an error. Two levels: a draft only needs a safe house and a label
 * and must not contain malformed data; a submission must be complete.
 */
export const MEMBER_ROLES = [
  'VICTIM',
  'ALLEGED_PERPETRATOR',
  'CHILD',
  'PARENT',
  'PARTNER',
  'SIBLING',
  'OTHER',
] as const;
export const SEXES = ['FEMALE', 'MALE', 'X', 'UNKNOWN'] as const;
export const RISK_LEVELS = ['LOW', 'ELEVATED', 'HIGH', 'ACUTE'] as const;
export const VIOLENCE_FORMS = [
  'PARTNER_VIOLENCE',
  'CHILD_ABUSE',
  'CHILDREN_WITNESSING',
  'WORRYING_UPBRINGING',
  'HONOUR_RELATED',
  'PARENT_ABUSE',
  'ELDER_ABUSE',
  'SIBLING_VIOLENCE',
  'HIGH_CONFLICT_DIVORCE',
] as const;
export const VIOLENCE_TYPES = ['PHYSICAL', 'PSYCHOLOGICAL', 'SEXUAL', 'ECONOMIC'] as const;

export interface MemberValues {
  memberRole: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  isMinor: string; // 'ja' | 'nee' | ''
  sex: string;
  nationalNumber: string;
  contact: string;
  /** 'ja': "veilig adres" — contact data shown to no one but the coordinator (ADR 0017) */
  safeAddress: string;
}
export interface ContactValues {
  firstName: string;
  lastName: string;
  relation: string;
  contact: string;
}
export interface ReferralValues {
  safeHouseId: string;
  clientSystemLabel: string;
  members: MemberValues[];
  contacts: ContactValues[];
  violenceForms: string[];
  violenceTypes: string[];
  situation: string;
  actionsTaken: string;
  riskAnswers: Record<string, string>;
  riskJudgement: string;
  riskJudgementReason: string;
  clientInformed: string; // 'ja' | 'nee' | ''
  notInformedReason: string;
  involvedOrganisations: string;
}

export const emptyMember = (): MemberValues => ({
  memberRole: '',
  firstName: '',
  lastName: '',
  dateOfBirth: '',
  isMinor: '',
  sex: 'UNKNOWN',
  nationalNumber: '',
  contact: '',
  safeAddress: '',
});
export const emptyContact = (): ContactValues => ({ firstName: '', lastName: '', relation: '', contact: '' });
export const emptyReferral = (safeHouseId = ''): ReferralValues => ({
  safeHouseId,
  clientSystemLabel: '',
  members: [emptyMember()],
  contacts: [],
  violenceForms: [],
  violenceTypes: [],
  situation: '',
  actionsTaken: '',
  riskAnswers: {},
  riskJudgement: '',
  riskJudgementReason: '',
  clientInformed: '',
  notInformedReason: '',
  involvedOrganisations: '',
});

const MAX_TEXT = 5000;
const text = (max = MAX_TEXT) => z.string().trim().max(max, `Hoogstens ${max} tekens.`);

/** Age in whole years on `today` of someone born on the ISO date `dob`. */
export function ageOn(dob: Date, today: Date): number {
  let age = today.getUTCFullYear() - dob.getUTCFullYear();
  const m = today.getUTCMonth() - dob.getUTCMonth();
  if (m < 0 || (m === 0 && today.getUTCDate() < dob.getUTCDate())) age--;
  return age;
}

function memberSchema(strict: boolean, today: Date) {
  return z.object({
    memberRole: strict
      ? z.enum(MEMBER_ROLES, 'Kies de rol in het cliëntsysteem.')
      : z.union([z.enum(MEMBER_ROLES), z.literal('')]),
    firstName: strict ? text(100).min(1, 'Vul de voornaam in.') : text(100),
    lastName: strict ? text(100).min(1, 'Vul de achternaam in.') : text(100),
    dateOfBirth: z
      .string()
      .trim()
      .refine((v) => !v || parseCalendarDate(v) !== null, 'Geef een geldige datum (dd/mm/jjjj).')
      .refine(
        (v) => !v || !parseCalendarDate(v) || parseCalendarDate(v)! <= today,
        'De geboortedatum ligt in de toekomst.',
      ),
    isMinor: z.enum(['ja', 'nee', '']),
    sex: z.enum(SEXES, 'Kies een geslacht of "onbekend".'),
    nationalNumber: z
      .string()
      .trim()
      .max(20, 'Een rijksregisternummer telt 11 cijfers.')
      .refine(
        (v) => !v || normaliseNationalNumber(v) !== null,
        'Dit rijksregisternummer klopt niet (controlegetal). Laat het veld leeg als je het niet zeker weet.',
      ),
    contact: text(500),
    safeAddress: z.enum(['ja', 'nee', '']),
  });
}

function contactSchema(strict: boolean) {
  return z.object({
    firstName: strict ? text(100).min(1, 'Vul de voornaam in.') : text(100),
    lastName: strict ? text(100).min(1, 'Vul de achternaam in.') : text(100),
    relation: strict ? text(200).min(1, 'Beschrijf de relatie tot het cliëntsysteem.') : text(200),
    contact: text(500),
  });
}

/**
 * The risk screening's answers (ADR 0007): one per factor of lib/referrals/risk-screening.ts. A
 * submitted referral — and every later risk assessment (lib/risk; ADR 0042) — answers each one
 * ("onbekend" is an answer); a draft may leave any open.
 */
export function riskAnswersSchema(strict: boolean) {
  const riskShape = Object.fromEntries(
    RISK_FACTORS.map((f) => [
      f.key,
      strict
        ? z.enum(RISK_ANSWERS, 'Beantwoord deze vraag (ja, nee of onbekend).')
        : z.union([z.enum(RISK_ANSWERS), z.literal('')]).optional(),
    ]),
  );
  return z.object(riskShape);
}

export function referralSchema(mode: 'draft' | 'submit', today = new Date()) {
  const strict = mode === 'submit';
  return z.object({
    safeHouseId: z.string().uuid('Kies het Veilig Huis waarnaar je aanmeldt.'),
    clientSystemLabel: text(120).min(1, 'Geef het cliëntsysteem een korte naam, bv. "Gezin Peeters".'),
    members: z
      .array(memberSchema(strict, today))
      .min(strict ? 1 : 0, 'Voeg minstens één lid van het cliëntsysteem toe.')
      .max(30, 'Hoogstens 30 leden.'),
    contacts: z.array(contactSchema(strict)).max(30, 'Hoogstens 30 relaties en contacten.'),
    violenceForms: z.array(z.enum(VIOLENCE_FORMS)).min(strict ? 1 : 0, 'Kies minstens één vorm van geweld.'),
    violenceTypes: z.array(z.enum(VIOLENCE_TYPES)),
    situation: strict ? text().min(20, 'Beschrijf de situatie in minstens 20 tekens.') : text(),
    actionsTaken: strict ? text().min(1, 'Beschrijf wat er al gebeurd is (of "nog niets").') : text(),
    riskAnswers: riskAnswersSchema(strict),
    riskJudgement: strict
      ? z.enum(RISK_LEVELS, 'Geef je eigen inschatting van het risico.')
      : z.union([z.enum(RISK_LEVELS), z.literal('')]),
    riskJudgementReason: strict ? text().min(1, 'Licht je inschatting kort toe.') : text(),
    clientInformed: strict
      ? z.enum(['ja', 'nee'], 'Geef aan of het cliëntsysteem op de hoogte is van de aanmelding.')
      : z.enum(['ja', 'nee', '']),
    notInformedReason: text(),
    involvedOrganisations: text(2000),
  });
}

/**
 * Checks that span fields, on the raw values, so that they are reported together with the
 * field errors (zod skips an object's refinements once one of its fields failed).
 */
function crossFieldErrors(v: ReferralValues, strict: boolean, today: Date): Record<string, string> {
  const out: Record<string, string> = {};
  v.members.forEach((m, i) => {
    const dob = m.dateOfBirth ? parseCalendarDate(m.dateOfBirth.trim()) : null;
    if (dob && dob <= today && m.isMinor) {
      const minor = ageOn(dob, today) < 18;
      if ((m.isMinor === 'ja') !== minor) {
        out[`members.${i}.isMinor`] = minor
          ? 'Volgens de geboortedatum is deze persoon minderjarig.'
          : 'Volgens de geboortedatum is deze persoon meerderjarig.';
      }
    }
    const nn = m.nationalNumber ? normaliseNationalNumber(m.nationalNumber) : null;
    if (nn && dob && !nationalNumberAgreesWithBirthDate(nn, dob.toISOString().slice(0, 10))) {
      out[`members.${i}.nationalNumber`] = NATIONAL_NUMBER_BIRTH_DATE_MISMATCH;
    }
    if (strict && !m.dateOfBirth.trim() && !m.isMinor) {
      out[`members.${i}.isMinor`] = 'Geef aan of deze persoon minderjarig is (of vul de geboortedatum in).';
    }
  });
  if (strict && v.clientInformed === 'nee' && !v.notInformedReason.trim()) {
    out.notInformedReason = 'Leg uit waarom het cliëntsysteem niet op de hoogte is (bv. veiligheid).';
  }
  return out;
}

export function validateReferral(values: ReferralValues, mode: 'draft' | 'submit', today = new Date()) {
  return validateForm(referralSchema(mode, today), values, (v) => crossFieldErrors(v, mode === 'submit', today));
}

export type ParsedReferral = z.infer<ReturnType<typeof referralSchema>>;

export const isMinorFrom = (m: { dateOfBirth: string; isMinor: string }, today = new Date()): boolean => {
  const dob = m.dateOfBirth ? parseCalendarDate(m.dateOfBirth) : null;
  return dob ? ageOn(dob, today) < 18 : m.isMinor === 'ja';
};
