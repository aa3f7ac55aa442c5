import { isIsoDate } from '@/lib/time';
import { z } from '@/lib/validation/zod';
import { validateForm } from '@/lib/validation/form';

export const CONSENT_STATUSES = ['NOT_ASKED', 'ASKED', 'GIVEN', 'REFUSED', 'WITHDRAWN'] as const;
export const VOICE_CHANNELS = ['ATTENDS', 'TRUSTED_PERSON', 'CASE_WORKER', 'OTHER'] as const;

const text = (max: number) => z.string().trim().max(max, `Hoogstens ${max} tekens.`);
const date = z
  .string()
  .trim()
  .refine((v) => v === '' || isIsoDate(v), 'Geef een bestaande datum (dd/mm/jjjj).');
/** '' = not recorded yet; 'ja' / 'nee' as the forms send it */
const informed = z.enum(['', 'ja', 'nee'], 'Kies ja, nee of nog niet geregistreerd.');

/**
 * One member's voice and rights (art. 4 2nd para, art. 16; seeds 000, 001, 004; ADR 0037). Every
 * part may stay empty ("not recorded yet"); a part that is filled in is complete: informed with
 * when, by whom and how, or not with the reason; consent with its date, or why it was not asked.
 */
export const memberVoiceSchema = z.object({
  referralInformed: informed,
  referralInformedAt: date,
  referralInformedBy: text(200),
  referralInformedHow: text(500),
  referralNotInformedReason: text(2000),
  conferenceInformed: informed,
  conferenceInformedAt: date,
  conferenceInformedBy: text(200),
  conferenceInformedHow: text(500),
  conferenceNotInformedReason: text(2000),
  consent: z.enum(['', ...CONSENT_STATUSES], 'Kies de stand van de toestemming.'),
  consentAt: date,
  consentNote: text(2000),
  view: text(5000),
  voiceChannel: z.enum(['', ...VOICE_CHANNELS], 'Kies hoe de stem van het lid wordt ingebracht.'),
  representative: text(200),
  voiceNote: text(2000),
  debriefBy: text(200),
  debriefAt: date,
});
export type MemberVoiceValues = Record<keyof z.input<typeof memberVoiceSchema>, string>;

function informedErrors(
  v: MemberVoiceValues,
  part: 'referral' | 'conference',
  what: string,
  today: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  const answer = v[`${part}Informed`];
  if (answer === 'ja') {
    const at = v[`${part}InformedAt`].trim();
    if (!at) out[`${part}InformedAt`] = `Geef de datum waarop het lid ${what} werd geïnformeerd.`;
    else if (isIsoDate(at) && at > today) out[`${part}InformedAt`] = 'Deze datum ligt in de toekomst.';
    if (!v[`${part}InformedBy`].trim()) out[`${part}InformedBy`] = 'Vul in wie het lid informeerde (naam, functie).';
    if (!v[`${part}InformedHow`].trim())
      out[`${part}InformedHow`] = 'Vul in hoe het lid werd geïnformeerd (gesprek, telefoon, brief, …).';
  }
  if (answer === 'nee' && !v[`${part}NotInformedReason`].trim())
    out[`${part}NotInformedReason`] =
      'Geef de reden waarom het lid niet werd geïnformeerd (bv. veiligheid): zonder reden is dat niet toegelaten.';
  return out;
}

/** The checks that span fields; `today` is the Brussels date (YYYY-MM-DD) of the request. */
export function memberVoiceCrossErrors(v: MemberVoiceValues, today: string): Record<string, string> {
  const out: Record<string, string> = {
    ...informedErrors(v, 'referral', 'over de aanmelding', today),
    ...informedErrors(v, 'conference', 'over het casusoverleg', today),
  };
  if (v.consent === 'NOT_ASKED' && !v.consentNote.trim())
    out.consentNote = 'Leg uit waarom de toestemming niet werd gevraagd.';
  if (v.consent && v.consent !== 'NOT_ASKED') {
    const at = v.consentAt.trim();
    if (!at) out.consentAt = 'Geef de datum waarop de toestemming gevraagd, gegeven, geweigerd of ingetrokken werd.';
    else if (isIsoDate(at) && at > today) out.consentAt = 'Deze datum ligt in de toekomst.';
  }
  if (v.voiceChannel === 'TRUSTED_PERSON' && !v.representative.trim())
    out.representative = 'Vul in wie de vertrouwenspersoon is (naam en rol).';
  if (v.voiceChannel === 'OTHER' && !v.voiceNote.trim())
    out.voiceNote = 'Beschrijf hoe de stem van het lid wordt ingebracht.';
  if (v.debriefAt.trim() && !v.debriefBy.trim()) out.debriefBy = 'Vul in wie het lid achteraf informeert.';
  return out;
}

export const validateMemberVoice = (values: MemberVoiceValues, today: string) =>
  validateForm(memberVoiceSchema, values, (v) => memberVoiceCrossErrors(v, today));
