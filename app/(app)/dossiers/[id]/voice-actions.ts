'use server';

import { formAction } from '@/lib/forms/form-action';
import { noticeUrl } from '@/lib/forms/notices';
import { recordMemberVoice } from '@/lib/client-voice/record-member-voice';
import { memberVoiceSchema } from '@/lib/client-voice/schemas';

/** One member's voice and rights, from the dossier page (issue 12 §4; ADR 0037). */
export const recordVoiceOnDossierAction = formAction({
  bound: ['dossierId', 'memberId'],
  schema: memberVoiceSchema,
  run: (u, v, { dossierId, memberId }) => recordMemberVoice(u, dossierId, memberId, v),
  done: ({ dossierId, memberId }) => noticeUrl('dossier', `/dossiers/${dossierId}`, 'stem', `stem-${memberId}`),
});

/** The same, from the case conference workspace. */
export const recordVoiceOnConferenceAction = formAction({
  bound: ['dossierId', 'memberId'],
  schema: memberVoiceSchema,
  run: (u, v, { dossierId, memberId }) => recordMemberVoice(u, dossierId, memberId, v),
  done: ({ dossierId, memberId }) =>
    noticeUrl('conference', `/dossiers/${dossierId}/casusoverleg`, 'stem', `stem-${memberId}`),
});
