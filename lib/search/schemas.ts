import { z } from '@/lib/validation/zod';
import { isCalendarDate } from '@/lib/time';
import { normaliseNationalNumber } from '@/lib/validation/national-number';
import type { FormState } from '@/lib/forms/form-state';
import type { DossierStatus, MemberRole } from '@/lib/generated/prisma/enums';

/**
 * The dossier search (issue 13 §4; ADR 0041). Its terms travel in a POST to a server action and
 * come back in the form state — never in a URL, where a name or a national number would end up in
 * the browser's history and in server logs.
 */
export interface SearchValues {
  reference: string;
  name: string;
  dateOfBirth: string;
  nationalNumber: string;
}

export { emptySearch, SEARCH_RESULT_CAP } from './constants';

export const NO_TERMS = 'Vul minstens één zoekterm in: referentie, naam, geboortedatum of rijksregisternummer.';

const today = () => new Date().toISOString().slice(0, 10);
const lettersOrDigits = (v: string) => (v.match(/[\p{L}\p{N}]/gu) ?? []).length;

export const searchSchema = z.object({
  reference: z
    .string()
    .trim()
    .max(40, 'Een referentie telt hoogstens 40 tekens.')
    .refine((v) => !v || v.length >= 2, 'Geef minstens 2 tekens van de referentie.')
    .refine(
      (v) => !v || /^[A-Za-z0-9-]+$/.test(v),
      'Een referentie bestaat uit letters, cijfers en koppeltekens, bv. VH-ANT-2026-0001.',
    ),
  name: z
    .string()
    .trim()
    .max(100, 'Hoogstens 100 tekens.')
    .refine((v) => !v || lettersOrDigits(v) >= 2, 'Geef minstens 2 letters van de naam.'),
  dateOfBirth: z
    .string()
    .trim()
    .refine((v) => !v || isCalendarDate(v), 'Geef een geldige datum (dd/mm/jjjj).')
    .refine((v) => !v || !isCalendarDate(v) || v <= today(), 'De geboortedatum ligt in de toekomst.'),
  nationalNumber: z
    .string()
    .trim()
    .max(20, 'Een rijksregisternummer telt 11 cijfers.')
    .refine(
      (v) => !v || normaliseNationalNumber(v) !== null,
      'Dit rijksregisternummer klopt niet (11 cijfers met een geldig controlegetal).',
    ),
});

/** What the search looks for, checked: empty terms are null. */
export interface SearchQuery {
  reference: string | null;
  name: string | null;
  dateOfBirth: string | null;
  /** the 11 digits */
  nationalNumber: string | null;
}

export function validateSearch(
  v: SearchValues,
): { ok: true; query: SearchQuery } | { ok: false; message: string; errors: Record<string, string> } {
  const parsed = searchSchema.safeParse(v);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
    return { ok: false, message: 'Controleer de zoektermen.', errors };
  }
  const p = parsed.data;
  const query: SearchQuery = {
    reference: p.reference || null,
    name: p.name || null,
    dateOfBirth: p.dateOfBirth || null,
    nationalNumber: p.nationalNumber ? normaliseNationalNumber(p.nationalNumber) : null,
  };
  if (!query.reference && !query.name && !query.dateOfBirth && !query.nationalNumber)
    return { ok: false, message: NO_TERMS, errors: {} };
  return { ok: true, query };
}

export interface SearchHitMember {
  memberRole: MemberRole;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string | null;
}

export interface SearchHit {
  dossierId: string;
  reference: string;
  clientSystemLabel: string;
  status: DossierStatus;
  /** YYYY-MM-DD, the day the referral was submitted */
  submittedOn: string | null;
  safeHouseName: string;
  /** the members that match the name, birth date or national number searched for */
  members: SearchHitMember[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** more than SEARCH_RESULT_CAP dossiers matched: only the newest are shown */
  capped: boolean;
}

export type SearchState = FormState<SearchValues> & { result: SearchResult | null };
