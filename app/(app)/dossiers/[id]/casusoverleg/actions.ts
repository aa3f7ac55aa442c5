'use server';

import { bound } from '@/lib/forms/bound';
import { addInformationItem } from '@/lib/conferences/add-information-item';
import { correctInformationItem, withdrawInformationItem } from '@/lib/conferences/correct-information-item';
import { addDecision, addGoal, addPlanAction, saveMinutes, setPlanActionDone } from '@/lib/conferences/record-conference';
import { recordFeedback } from '@/lib/conferences/record-feedback';
import { leaveCase } from '@/lib/conferences/acknowledge-secrecy';
import { proposeDisclosure } from '@/lib/disclosures/propose-disclosure';
import { castVote, withdrawDisclosure } from '@/lib/disclosures/cast-vote';
import { markDisclosureShared } from '@/lib/disclosures/mark-shared';
import { invalid } from '@/lib/errors';
import { proposeRetentionExtension } from '@/lib/closure/propose-retention-extension';
import { voteRetentionExtension, withdrawRetentionExtension } from '@/lib/closure/vote-retention-extension';
import { closeDossier } from '@/lib/closure/close-dossier';
import { a, runFormAction, s } from '@/lib/forms/run-action';
import type { FormState } from '@/lib/forms/form-state';

type V = Record<string, string | string[]>;
const page = (id: string, anchor: string, melding?: string) => `/dossiers/${id}/casusoverleg${melding ? `?melding=${melding}` : ''}#${anchor}`;

export async function addItemAction(dossierId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId });
  return runFormAction(prev, fd, (u, v) => addInformationItem(u, dossierId, { category: s(v, 'category'), concernsMemberId: s(v, 'concernsMemberId'), content: s(v, 'content') }), page(dossierId, 'informatie', 'informatie'));
}

export async function correctItemAction(dossierId: string, itemId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId, itemId });
  return runFormAction(prev, fd, (u, v) => correctInformationItem(u, itemId, { category: s(v, 'category'), concernsMemberId: s(v, 'concernsMemberId'), content: s(v, 'content'), reason: s(v, 'reason') }), page(dossierId, 'informatie', 'rechtgezet'));
}

export async function withdrawItemAction(dossierId: string, itemId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId, itemId });
  return runFormAction(prev, fd, (u, v) => withdrawInformationItem(u, itemId, { reason: s(v, 'reason') }), page(dossierId, 'informatie', 'item-ingetrokken'));
}

export async function proposeAction(dossierId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId });
  return runFormAction(
    prev,
    fd,
    (u, v) => proposeDisclosure(u, dossierId, {
      kind: s(v, 'kind'), memberId: s(v, 'memberId'), recipient: s(v, 'recipient'), itemIds: a(v, 'itemIds'),
      sharerUserId: s(v, 'sharerUserId'), ground: s(v, 'ground'), goalId: s(v, 'goalId'), necessity: s(v, 'necessity'),
    }),
    page(dossierId, 'delen', 'voorstel'),
    ['itemIds'],
  );
}

export async function voteAction(dossierId: string, proposalId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId, proposalId });
  return runFormAction(prev, fd, (u, v) => {
    const vote = s(v, 'vote');
    if (vote !== 'AGREE' && vote !== 'OBJECT') throw invalid('Kies akkoord of bezwaar.');
    return castVote(u, proposalId, vote);
  }, page(dossierId, `voorstel-${proposalId}`, 'gestemd'));
}

export async function withdrawAction(dossierId: string, proposalId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId, proposalId });
  return runFormAction(prev, fd, (u) => withdrawDisclosure(u, proposalId), page(dossierId, `voorstel-${proposalId}`, 'ingetrokken'));
}

export async function withdrawExtensionAction(dossierId: string, extensionId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId, extensionId });
  return runFormAction(prev, fd, (u) => withdrawRetentionExtension(u, extensionId), page(dossierId, 'afronding', 'ingetrokken'));
}

export async function markSharedAction(dossierId: string, proposalId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId, proposalId });
  return runFormAction(prev, fd, (u) => markDisclosureShared(u, proposalId), page(dossierId, `voorstel-${proposalId}`, 'gedeeld'));
}

export async function minutesAction(dossierId: string, agendaItemId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId, agendaItemId });
  return runFormAction(prev, fd, (u, v) => saveMinutes(u, dossierId, agendaItemId, s(v, 'minutes')), page(dossierId, 'verslag', 'verslag'));
}

export async function decisionAction(dossierId: string, agendaItemId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId, agendaItemId });
  return runFormAction(prev, fd, (u, v) => addDecision(u, dossierId, agendaItemId, s(v, 'text')), page(dossierId, 'verslag', 'beslissing'));
}

export async function goalAction(dossierId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId });
  return runFormAction(prev, fd, (u, v) => addGoal(u, dossierId, s(v, 'title')), page(dossierId, 'plan', 'plan'));
}

export async function planActionAction(dossierId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId });
  return runFormAction(
    prev,
    fd,
    (u, v) => addPlanAction(u, dossierId, { goalId: s(v, 'goalId'), description: s(v, 'description'), ownerOrganisationId: s(v, 'ownerOrganisationId'), dueDate: s(v, 'dueDate') }),
    page(dossierId, 'plan', 'plan'),
  );
}

export async function toggleActionAction(dossierId: string, actionId: string, done: boolean, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId, actionId }, { done });
  return runFormAction(prev, fd, (u) => setPlanActionDone(u, dossierId, actionId, done), page(dossierId, 'plan', 'plan'));
}

export async function feedbackAction(dossierId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId });
  return runFormAction(prev, fd, (u, v) => recordFeedback(u, dossierId, { caseWorkerUserId: s(v, 'caseWorkerUserId'), givenAt: s(v, 'givenAt'), note: s(v, 'note') }), page(dossierId, 'terugkoppeling', 'terugkoppeling'));
}

export async function leaveAction(participationId: string, prev: FormState<V>, fd: FormData) {
  await bound({ participationId });
  return runFormAction(prev, fd, (u) => leaveCase(u, participationId), '/?melding=verlaten');
}

export async function proposeExtensionAction(dossierId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId });
  return runFormAction(prev, fd, (u, v) => proposeRetentionExtension(u, dossierId, { years: s(v, 'years'), ground: s(v, 'ground'), groundNote: s(v, 'groundNote'), agendaItemId: s(v, 'agendaItemId') }), page(dossierId, 'afronding', 'verlenging'));
}

export async function voteExtensionAction(dossierId: string, extensionId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId, extensionId });
  return runFormAction(prev, fd, (u, v) => {
    const vote = s(v, 'vote');
    if (vote !== 'AGREE' && vote !== 'OBJECT') throw invalid('Kies akkoord of bezwaar.');
    return voteRetentionExtension(u, extensionId, vote);
  }, page(dossierId, 'afronding', 'gestemd'));
}

export async function closeAction(dossierId: string, prev: FormState<V>, fd: FormData) {
  await bound({ dossierId });
  return runFormAction(prev, fd, (u, v) => closeDossier(u, dossierId, { agendaItemId: s(v, 'agendaItemId'), reasons: s(v, 'reasons'), years: s(v, 'years'), shorterReason: s(v, 'shorterReason'), extensionId: s(v, 'extensionId') }), page(dossierId, 'afronding', 'afgesloten'));
}
