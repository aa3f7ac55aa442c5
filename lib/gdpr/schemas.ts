import { z } from '@/lib/validation/zod';
import {
  NATIONAL_NUMBER_BIRTH_DATE_MISMATCH,
  nationalNumberAgreesWithBirthDate,
  normaliseNationalNumber,
} from '@/lib/validation/national-number';
import { isCalendarDate } from '@/lib/time';
import { cleanReason } from '@/lib/audit/log';
import { isAppError } from '@/lib/errors';
import { SEXES } from '@/lib/referrals/schemas';
import type { FormState } from '@/lib/forms/form-state';
import type { DossierStatus, MemberRole } from '@/lib/generated/prisma/enums';

/** Form values of the GDPR pages travel as strings, so that what was typed comes back on error. */
export interface PersonSearchValues {
  nationalNumber: string;
  lastName: string;
  firstName: string;
  dateOfBirth: string;
}

export interface RectifyValues {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: string;
  nationalNumber: string;
  reason: string;
}

/** The person search's answer: in the form state, never in a URL. `results` null before a search. */
export interface PersonMatch {
  memberId: string;
  memberRole: MemberRole;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string | null;
  dossierId: string;
  reference: string;
  status: DossierStatus;
  safeHouseName: string;
}

export type PersonSearchState = FormState<PersonSearchValues> & { results: PersonMatch[] | null };

export const emptyPersonSearch = (): PersonSearchValues => ({
  nationalNumber: '',
  lastName: '',
  firstName: '',
  dateOfBirth: '',
});

const BAD_NATIONAL_NUMBER = 'Dit rijksregisternummer klopt niet (11 cijfers met een geldig controlegetal).';
const BAD_DATE = 'Geef een geldige datum (dd/mm/jjjj).';
const today = () => new Date().toISOString().slice(0, 10);

const birthDate = z
  .string()
  .trim()
  .refine((v) => !v || isCalendarDate(v), BAD_DATE)
  .refine((v) => !v || !isCalendarDate(v) || v <= today(), 'De geboortedatum ligt in de toekomst.');

// A name is matched exactly (case-insensitive); wildcard characters would turn that into a
// pattern search, so they are refused.
const name = (missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .max(100, 'Hoogstens 100 tekens.')
    .refine((v) => !/[%_\\]/.test(v), 'Gebruik geen %, _ of \\.');

export type PersonQuery =
  | { by: 'nationalNumber'; nationalNumber: string }
  | { by: 'name'; lastName: string; firstName: string; dateOfBirth: string | null };

/** A search by national register number (exact) or else by last and first name (+ birth date). */
export function validatePersonSearch(
  v: PersonSearchValues,
): { ok: true; query: PersonQuery } | { ok: false; errors: Record<string, string> } {
  const nn = v.nationalNumber.trim();
  if (nn) {
    const digits = normaliseNationalNumber(nn);
    return digits
      ? { ok: true, query: { by: 'nationalNumber', nationalNumber: digits } }
      : { ok: false, errors: { nationalNumber: BAD_NATIONAL_NUMBER } };
  }
  const parsed = z
    .object({
      lastName: name('Vul de achternaam in (of zoek op rijksregisternummer).'),
      firstName: name('Vul de voornaam in (of zoek op rijksregisternummer).'),
      dateOfBirth: birthDate,
    })
    .safeParse(v);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
    return { ok: false, errors };
  }
  return {
    ok: true,
    query: {
      by: 'name',
      lastName: parsed.data.lastName,
      firstName: parsed.data.firstName,
      dateOfBirth: parsed.data.dateOfBirth || null,
    },
  };
}

export const rectifySchema = z.object({
  firstName: z.string().trim().min(1, 'Vul de voornaam in.').max(100, 'Hoogstens 100 tekens.'),
  lastName: z.string().trim().min(1, 'Vul de achternaam in.').max(100, 'Hoogstens 100 tekens.'),
  dateOfBirth: birthDate,
  sex: z.enum(SEXES, 'Kies een geslacht of "onbekend".'),
  nationalNumber: z
    .string()
    .trim()
    .max(20, 'Een rijksregisternummer telt 11 cijfers.')
    .refine((v) => !v || normaliseNationalNumber(v) !== null, BAD_NATIONAL_NUMBER),
  reason: z
    .string()
    .trim()
    .min(1, 'Geef de reden van de rechtzetting, bv. "verzoek tot rechtzetting van de betrokkene".')
    .max(500, 'Hoogstens 500 tekens.'),
});

export type ParsedRectify = z.infer<typeof rectifySchema> & {
  nationalNumberDigits: string | null;
  cleanedReason: string;
};

/** Field errors of the rectification form, including the access log's check on the reason. */
export function validateRectify(
  v: RectifyValues,
): { ok: true; data: ParsedRectify } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const parsed = rectifySchema.safeParse(v);
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
  let cleanedReason: string | null = null;
  if (!errors.reason) {
    try {
      cleanedReason = cleanReason(v.reason);
    } catch (err) {
      if (!isAppError(err)) throw err;
      errors.reason = err.fieldErrors?.reason ?? err.message;
    }
  }
  const nn = parsed.success && parsed.data.nationalNumber ? normaliseNationalNumber(parsed.data.nationalNumber) : null;
  if (
    parsed.success &&
    nn &&
    parsed.data.dateOfBirth &&
    !nationalNumberAgreesWithBirthDate(nn, parsed.data.dateOfBirth)
  ) {
    errors.nationalNumber = NATIONAL_NUMBER_BIRTH_DATE_MISMATCH;
  }
  if (!parsed.success || Object.keys(errors).length || !cleanedReason) return { ok: false, errors };
  const digits = nn;
  return { ok: true, data: { ...parsed.data, nationalNumberDigits: digits, cleanedReason } };
}
