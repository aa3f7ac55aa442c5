'use server';

import { addInformationItem } from '@/lib/conferences/add-information-item';
import {
  correctInformationItem,
  correctionSchema,
  withdrawalSchema,
  withdrawInformationItem,
} from '@/lib/conferences/correct-information-item';
import {
  addDecision,
  addGoal,
  addPlanAction,
  saveMinutes,
  setPlanActionDone,
} from '@/lib/conferences/record-conference';
import { recordFeedback } from '@/lib/conferences/record-feedback';
import { preparationNoteSchema, savePreparationNote } from '@/lib/conferences/save-preparation-note';
import { deletePreparationNote } from '@/lib/conferences/delete-preparation-note';
import { bringInPreparationNote } from '@/lib/conferences/bring-in-preparation-note';
import { leaveCase } from '@/lib/conferences/acknowledge-secrecy';
import {
  decisionTextSchema,
  feedbackSchema,
  goalSchema,
  informationItemSchema,
  minutesSchema,
  planActionSchema,
} from '@/lib/conferences/schemas';
import { proposeDisclosure } from '@/lib/disclosures/propose-disclosure';
import { castVote, withdrawDisclosure } from '@/lib/disclosures/cast-vote';
import { markDisclosureShared } from '@/lib/disclosures/mark-shared';
import { proposalSchema } from '@/lib/disclosures/schemas';
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
  run: (u, _v, { proposalId }) => markDisclosureShared(u, proposalId),
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

export const toggleActionAction = formAction({
  bound: ['dossierId', 'actionId'],
  flags: ['done'],
  run: (u, _v, { dossierId, actionId, done }) => setPlanActionDone(u, dossierId, actionId, done),
  done: ({ dossierId }) => page(dossierId, 'plan', 'plan'),
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
  done: () => noticeUrl('home', '/', 'verlaten'),
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
