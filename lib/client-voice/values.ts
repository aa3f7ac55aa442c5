import type { MemberVoice } from '@/lib/generated/prisma/client';
import type { MemberVoiceValues } from './schemas';

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');
const yesNo = (b: boolean | null) => (b === null ? '' : b ? 'ja' : 'nee');

/**
 * A stored voice record as the form's values (and as the screens show it): `view` is the
 * decrypted own view, `text` maps free text (e.g. pseudonymises it for an expert). No record: all
 * empty ("not recorded").
 */
export function voiceValues(
  voice: MemberVoice | null,
  view: string,
  text: (t: string | null) => string = (t) => t ?? '',
): MemberVoiceValues {
  return {
    referralInformed: yesNo(voice?.referralInformed ?? null),
    referralInformedAt: iso(voice?.referralInformedAt ?? null),
    referralInformedBy: text(voice?.referralInformedBy ?? null),
    referralInformedHow: text(voice?.referralInformedHow ?? null),
    referralNotInformedReason: text(voice?.referralNotInformedReason ?? null),
    conferenceInformed: yesNo(voice?.conferenceInformed ?? null),
    conferenceInformedAt: iso(voice?.conferenceInformedAt ?? null),
    conferenceInformedBy: text(voice?.conferenceInformedBy ?? null),
    conferenceInformedHow: text(voice?.conferenceInformedHow ?? null),
    conferenceNotInformedReason: text(voice?.conferenceNotInformedReason ?? null),
    consent: voice?.consent ?? '',
    consentAt: iso(voice?.consentAt ?? null),
    consentNote: text(voice?.consentNote ?? null),
    view: text(view),
    voiceChannel: voice?.voiceChannel ?? '',
    representative: text(voice?.representative ?? null),
    voiceNote: text(voice?.voiceNote ?? null),
    debriefBy: text(voice?.debriefBy ?? null),
    debriefAt: iso(voice?.debriefAt ?? null),
  };
}
