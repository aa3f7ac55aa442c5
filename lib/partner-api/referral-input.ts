import { fieldErrors } from '@/lib/validation/form';
import { emptyContact, emptyMember, emptyReferral, referralSchema, type ReferralValues } from '@/lib/referrals/schemas';

/**
 * A referral sent as JSON (issue 14 §2; ADR 0045) becomes the referral form's values: the same
 * fields, the same zod schema (lib/referrals/schemas.ts), the same use case afterwards
 * (saveReferral, which validates again with the checks across fields). A field left out counts as
 * left empty on the form; a field of the wrong type is refused here with the form's messages.
 */
export function referralValuesFromJson(
  body: unknown,
  now = new Date(),
): { ok: true; values: ReferralValues } | { ok: false; errors: Record<string, string> } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, errors: { _form: 'Stuur één aanmelding als JSON-object.' } };
  const raw = body as Record<string, unknown>;
  const list = (v: unknown, empty: () => object) =>
    Array.isArray(v)
      ? v.map((x) => (typeof x === 'object' && x !== null && !Array.isArray(x) ? { ...empty(), ...x } : x))
      : v;
  const candidate = {
    ...emptyReferral(),
    ...raw,
    members: raw.members === undefined ? [] : list(raw.members, emptyMember),
    contacts: raw.contacts === undefined ? [] : list(raw.contacts, emptyContact),
  };
  const parsed = referralSchema('submit', now).safeParse(candidate);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  // well-formed: the values as sent, which saveReferral validates again exactly as the form's
  return { ok: true, values: candidate as ReferralValues };
}
