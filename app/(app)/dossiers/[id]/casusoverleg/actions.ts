'use server';

import { addInformationItem } from '@/lib/conferences/add-information-item';
import {
  correctInformationItem,
  correctionSchema,
  withdrawalSchema,
  withdrawInformationItem,
} from '@/lib/conferences/correct-information-item';
import { addDecision, saveMinutes } from '@/lib/conferences/record-conference';
import { addGoal, addPlanAction, changePlanAction, closePlanAction, reopenPlanAction } from '@/lib/plan/manage-plan';
import { completeOwnPlanAction } from '@/lib/plan/complete-own-action';
import {
  closePlanActionSchema,
  completeOwnSchema,
  goalSchema,
  planActionChangeSchema,
  planActionSchema,
} from '@/lib/plan/schemas';
import { recordEmergencyDisclosure } from '@/lib/emergency/record-emergency-disclosure';
import { emergencySchema } from '@/lib/emergency/schemas';
import { recordFeedback } from '@/lib/conferences/record-feedback';
import { preparationNoteSchema, savePreparationNote } from '@/lib/conferences/save-preparation-note';
import { deletePreparationNote } from '@/lib/conferences/delete-preparation-note';
import { bringInPreparationNote } from '@/lib/conferences/bring-in-preparation-note';
import { leaveCase } from '@/lib/conferences/acknowledge-secrecy';
import { decisionTextSchema, feedbackSchema, informationItemSchema, minutesSchema } from '@/lib/conferences/schemas';
import { proposeDisclosure } from '@/lib/disclosures/propose-disclosure';
import { castVote, withdrawDisclosure } from '@/lib/disclosures/cast-vote';
import { markDisclosureShared } from '@/lib/disclosures/mark-shared';
import { givenSchema, proposalSchema } from '@/lib/disclosures/schemas';
import { proposeRetentionExtension } from '@/lib/closure/propose-retention-extension';
import { voteRetentionExtension, withdrawRetentionExtension } from '@/lib/closure/vote-retention-extension';
import { closeDossier } from '@/lib/closure/close-dossier';
import { closeSchema, extensionSchema } from '@/lib/closure/schemas';
import { voteSchema } from '@/lib/consensus/schemas';
import { invalid } from '@/lib/errors';
import { formAction } from '@/lib/forms/form-action';
import { noticeUrl, type Notice } from '@/lib/forms/notices';

const page = (dossierId: string, anchor: string, notice: Notice<'conference'>) =>
  noticeUrl('conference', `/dossiers/${dossierId}/casusoverleg`, notice, anchor);

/** The vote as the form sent it: agree or object, or a Dutch error at the field. */
function choice(v: { vote: string }) {
  const parsed = voteSchema.safeParse(v);
  if (!parsed.success) throw invalid('Kies akkoord of bezwaar.', { vote: 'Kies akkoord of bezwaar.' });
  return parsed.data.vote;
}

export const addItemAction = formAction({
  bound: ['dossierId'],
  schema: informationItemSchema,
  run: (u, v, { dossierId }) => addInformationItem(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'informatie', 'informatie'),
});

export const correctItemAction = formAction({
  bound: ['dossierId', 'itemId'],
  schema: correctionSchema,
  run: (u, v, { itemId }) => correctInformationItem(u, itemId, v),
  done: ({ dossierId }) => page(dossierId, 'informatie', 'rechtgezet'),
});

export const withdrawItemAction = formAction({
  bound: ['dossierId', 'itemId'],
  schema: withdrawalSchema,
  run: (u, v, { itemId }) => withdrawInformationItem(u, itemId, v),
  done: ({ dossierId }) => page(dossierId, 'informatie', 'item-ingetrokken'),
});

export const proposeAction = formAction({
  bound: ['dossierId'],
  schema: proposalSchema,
  run: (u, v, { dossierId }) => proposeDisclosure(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'delen', 'voorstel'),
});

export const voteAction = formAction({
  bound: ['dossierId', 'proposalId'],
  schema: voteSchema,
  run: (u, v, { proposalId }) => castVote(u, proposalId, choice(v)),
  done: ({ dossierId, proposalId }) => page(dossierId, `voorstel-${proposalId}`, 'gestemd'),
});

export const withdrawAction = formAction({
  bound: ['dossierId', 'proposalId'],
  run: (u, _v, { proposalId }) => withdrawDisclosure(u, proposalId),
  done: ({ dossierId, proposalId }) => page(dossierId, `voorstel-${proposalId}`, 'ingetrokken'),
});

export const withdrawExtensionAction = formAction({
  bound: ['dossierId', 'extensionId'],
  run: (u, _v, { extensionId }) => withdrawRetentionExtension(u, extensionId),
  done: ({ dossierId }) => page(dossierId, 'afronding', 'ingetrokken'),
});

export const markSharedAction = formAction({
  bound: ['dossierId', 'proposalId'],
  schema: givenSchema,
  run: (u, v, { proposalId }) => markDisclosureShared(u, proposalId, v),
  done: ({ dossierId, proposalId }) => page(dossierId, `voorstel-${proposalId}`, 'gedeeld'),
});

export const minutesAction = formAction({
  bound: ['dossierId', 'agendaItemId'],
  schema: minutesSchema,
  run: (u, v, { dossierId, agendaItemId }) => saveMinutes(u, dossierId, agendaItemId, v.minutes),
  done: ({ dossierId }) => page(dossierId, 'verslag', 'verslag'),
});

export const decisionAction = formAction({
  bound: ['dossierId', 'agendaItemId'],
  schema: decisionTextSchema,
  run: (u, v, { dossierId, agendaItemId }) => addDecision(u, dossierId, agendaItemId, v.text),
  done: ({ dossierId }) => page(dossierId, 'verslag', 'beslissing'),
});

export const goalAction = formAction({
  bound: ['dossierId'],
  schema: goalSchema,
  run: (u, v, { dossierId }) => addGoal(u, dossierId, v.title),
  done: ({ dossierId }) => page(dossierId, 'plan', 'plan'),
});

export const planActionAction = formAction({
  bound: ['dossierId'],
  schema: planActionSchema,
  run: (u, v, { dossierId }) => addPlanAction(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'plan', 'plan'),
});

export const changeActionAction = formAction({
  bound: ['dossierId', 'actionId'],
  schema: planActionChangeSchema,
  run: (u, v, { dossierId, actionId }) => changePlanAction(u, dossierId, actionId, v),
  done: ({ dossierId, actionId }) => page(dossierId, `actie-${actionId}`, 'plan'),
});

export const closeActionAction = formAction({
  bound: ['dossierId', 'actionId'],
  schema: closePlanActionSchema,
  run: (u, v, { dossierId, actionId }) => closePlanAction(u, dossierId, actionId, v),
  done: ({ dossierId, actionId }) => page(dossierId, `actie-${actionId}`, 'plan'),
});

export const reopenActionAction = formAction({
  bound: ['dossierId', 'actionId'],
  run: (u, _v, { dossierId, actionId }) => reopenPlanAction(u, dossierId, actionId),
  done: ({ dossierId, actionId }) => page(dossierId, `actie-${actionId}`, 'plan'),
});

/** The owner marks their own action done; the dossier is derived from the action on the server. */
export const completeOwnAction = formAction({
  bound: ['dossierId', 'actionId'],
  schema: completeOwnSchema,
  run: (u, v, { actionId }) => completeOwnPlanAction(u, actionId, v),
  done: ({ dossierId, actionId }) => page(dossierId, `actie-${actionId}`, 'actie-afgerond'),
});

export const emergencyAction = formAction({
  bound: ['dossierId'],
  schema: emergencySchema,
  run: (u, v, { dossierId }) => recordEmergencyDisclosure(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'dringend', 'dringend'),
});

export const feedbackAction = formAction({
  bound: ['dossierId'],
  schema: feedbackSchema,
  run: (u, v, { dossierId }) => recordFeedback(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'terugkoppeling', 'terugkoppeling'),
});

export const leaveAction = formAction({
  bound: ['participationId'],
  run: (u, _v, { participationId }) => leaveCase(u, participationId),
  done: () => noticeUrl('home', '/dossiers', 'verlaten'),
});

export const proposeExtensionAction = formAction({
  bound: ['dossierId'],
  schema: extensionSchema,
  run: (u, v, { dossierId }) => proposeRetentionExtension(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'afronding', 'verlenging'),
});

export const voteExtensionAction = formAction({
  bound: ['dossierId', 'extensionId'],
  schema: voteSchema,
  run: (u, v, { extensionId }) => voteRetentionExtension(u, extensionId, choice(v)),
  done: ({ dossierId }) => page(dossierId, 'afronding', 'gestemd'),
});

export const closeAction = formAction({
  bound: ['dossierId'],
  schema: closeSchema,
  run: (u, v, { dossierId }) => closeDossier(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'afronding', 'afgesloten'),
});

// ---- private preparation notes (art. 13; ADR 0033)
export const saveNoteAction = formAction({
  bound: ['dossierId'],
  schema: preparationNoteSchema,
  run: (u, v, { dossierId }) => savePreparationNote(u, dossierId, v),
  done: ({ dossierId }) => page(dossierId, 'voorbereiding', 'nota-bewaard'),
});

export const deleteNoteAction = formAction({
  bound: ['dossierId', 'noteId'],
  run: (u, _v, { dossierId, noteId }) => deletePreparationNote(u, dossierId, noteId),
  done: ({ dossierId }) => page(dossierId, 'voorbereiding', 'nota-verwijderd'),
});

export const bringInNoteAction = formAction({
  bound: ['dossierId', 'noteId'],
  run: (u, _v, { dossierId, noteId }) => bringInPreparationNote(u, dossierId, noteId),
  done: ({ dossierId }) => page(dossierId, 'informatie', 'nota-ingebracht'),
});
