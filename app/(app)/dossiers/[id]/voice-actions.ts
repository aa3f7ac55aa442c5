'use server';

import { formAction } from '@/lib/forms/form-action';
import { noticeUrl } from '@/lib/forms/notices';
import { recordMemberVoice } from '@/lib/client-voice/record-member-voice';
import { memberVoiceSchema } from '@/lib/client-voice/schemas';

/**
 * One member's voice and rights (issue 12 §4; ADR 0037); back to the conference workspace when
 * the form was opened from there (`back` = 'casusoverleg'), else to the dossier.
 */
export const recordVoiceAction = formAction({
  bound: ['dossierId', 'memberId', 'back'],
  schema: memberVoiceSchema,
  run: (u, v, { dossierId, memberId }) => recordMemberVoice(u, dossierId, memberId, v),
  done: ({ dossierId, memberId, back }) =>
    back === 'casusoverleg'
      ? noticeUrl('conference', `/dossiers/${dossierId}/casusoverleg`, 'stem', `stem-${memberId}`)
      : noticeUrl('dossier', `/dossiers/${dossierId}`, 'stem', `stem-${memberId}`),
});
