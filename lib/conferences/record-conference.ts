import 'server-only';
import { z } from '@/lib/validation/zod';
import { dossierUseCase, DeniedError, type Tx } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { agendaItemOfRecord } from './open-agenda-item';
import { decisionTextSchema, goalSchema, minutesSchema, planActionSchema } from './schemas';

/**
 * What the coordinator records for a case during or after the session: minutes (art. 13 §2,
 * optional), decisions, the action plan (goals, actions with owner organisation and due date)
 * and the case director. Each is its own small use case; all follow the same steps.
 */
async function record<T>(
  userId: string,
  dossierId: string,
  /** the kind of live event the open pages refresh on */
  kind: string,
  objectType: string,
  run: (tx: Tx, safeHouseId: string, actorId: string) => Promise<{ id: string } & T>,
) {
  const need = {
    action: 'conference.record',
    purpose: 'caseConference',
    dossierId,
    notNow: 'Dit dossier is niet (meer) in traject.',
  } as const;
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log, notify }) => {
    const result = await run(tx, dossier.safeHouseId, actor.userId);
    await log({ objectType, objectId: result.id });
    await notify(kind, result.id);
    return result;
  });
}

export async function saveMinutes(
  userId: string,
  dossierId: string,
  agendaItemId: string,
  minutes: string,
  now = new Date(),
) {
  const parsed = validateForm(minutesSchema, { minutes });
  if (!parsed.ok) throw invalid('Het verslag kon niet bewaard worden.', parsed.errors);
  return record(userId, dossierId, 'saveMinutes', 'AgendaItem', async (tx) => {
    const updated = await tx.agendaItem.updateMany({
      where: { id: agendaItemId, dossierId },
      data: { minutes: parsed.data.minutes, minutesUpdatedAt: now },
    });
    if (updated.count !== 1) throw invalid('Onbekend agendapunt.');
    return { id: agendaItemId };
  });
}

export async function addDecision(userId: string, dossierId: string, agendaItemId: string, text: string) {
  const parsed = validateForm(decisionTextSchema, { text });
  if (!parsed.ok) throw invalid('De beslissing is nog niet volledig.', parsed.errors);
  return record(userId, dossierId, 'addDecision', 'ConferenceDecision', async (tx, safeHouseId, actorId) => {
    const agenda = await tx.agendaItem.findFirst({ where: { id: agendaItemId, dossierId }, select: { id: true } });
    if (!agenda) throw invalid('Onbekend agendapunt.');
    return tx.conferenceDecision.create({
      data: { agendaItemId, dossierId, safeHouseId, text: parsed.data.text, recordedByUserId: actorId },
      select: { id: true },
    });
  });
}

export async function addGoal(userId: string, dossierId: string, title: string) {
  const parsed = validateForm(goalSchema, { title });
  if (!parsed.ok) throw invalid('De doelstelling is nog niet volledig.', parsed.errors);
  return record(userId, dossierId, 'addGoal', 'Goal', (tx, safeHouseId, actorId) =>
    tx.goal.create({
      data: { dossierId, safeHouseId, title: parsed.data.title, createdByUserId: actorId },
      select: { id: true },
    }),
  );
}

export async function addPlanAction(
  userId: string,
  dossierId: string,
  values: { goalId: string; description: string; ownerOrganisationId: string; dueDate: string },
) {
  const parsed = validateForm(planActionSchema, values);
  if (!parsed.ok) throw invalid('De actie is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  return record(userId, dossierId, 'addPlanAction', 'PlanAction', async (tx, safeHouseId) => {
    const goal = await tx.goal.findFirst({ where: { id: v.goalId, dossierId }, select: { id: true } });
    if (!goal) throw invalid('Kies een doelstelling van dit dossier.', { goalId: 'Onbekende doelstelling.' });
    const owner = await tx.caseParticipant.findFirst({
      where: { dossierId, organisationId: v.ownerOrganisationId, leftAt: null },
      select: { id: true },
    });
    if (!owner)
      throw invalid('De verantwoordelijke organisatie moet deelnemen aan het casusoverleg.', {
        ownerOrganisationId: 'Geen deelnemende organisatie.',
      });
    return tx.planAction.create({
      data: {
        goalId: v.goalId,
        dossierId,
        safeHouseId,
        description: v.description,
        ownerOrganisationId: v.ownerOrganisationId,
        dueDate: v.dueDate ? new Date(`${v.dueDate}T00:00:00Z`) : null,
        agendaItemId: await agendaItemOfRecord(tx, dossierId),
      },
      select: { id: true },
    });
  });
}

export async function setPlanActionDone(userId: string, dossierId: string, actionId: string, done: boolean) {
  if (typeof done !== 'boolean' || !z.string().uuid().safeParse(actionId).success) throw invalid('Onbekende actie.');
  return record(userId, dossierId, 'setPlanActionDone', 'PlanAction', async (tx) => {
    const updated = await tx.planAction.updateMany({ where: { id: actionId, dossierId }, data: { done } });
    if (updated.count !== 1) throw invalid('Onbekende actie.');
    return { id: actionId };
  });
}

/** The case director is core-partner staff of the safe house (memorandum, art. 6). */
export async function setCaseDirector(userId: string, dossierId: string, participantId: string) {
  return record(userId, dossierId, 'setCaseDirector', 'CaseParticipant', async (tx, safeHouseId) => {
    const p = await tx.caseParticipant.findFirst({ where: { id: participantId, dossierId, leftAt: null } });
    if (!p) throw invalid('Kies een deelnemer van deze casus.');
    const core = await tx.corePartnership.findUnique({
      where: { safeHouseId_organisationId: { safeHouseId, organisationId: p.organisationId } },
    });
    if (!core) throw conflict('De casusregisseur moet een medewerker van een kernpartner zijn.');
    await tx.caseParticipant.updateMany({
      where: { dossierId, isCaseDirector: true },
      data: { isCaseDirector: false },
    });
    await tx.caseParticipant.update({ where: { id: p.id }, data: { isCaseDirector: true } });
    return { id: p.id };
  });
}

/** An expert sees the case pseudonymised unless the coordinator records why identity is needed. */
export async function setIdentityVisibility(
  userId: string,
  dossierId: string,
  participantId: string,
  show: boolean,
  reason: string,
) {
  const why = reason.trim();
  if (show && why.length < 5)
    throw invalid('Geef de reden waarom deze deskundige de identiteit moet zien.', {
      identityReason: 'Reden is verplicht.',
    });
  const need = {
    action: 'conference.invite',
    purpose: 'caseConference',
    dossierId,
    objectType: 'CaseParticipant',
    objectId: participantId,
  } as const;
  return dossierUseCase(userId, need, async ({ tx, log }) => {
    const p = await tx.caseParticipant.findFirst({ where: { id: participantId, dossierId } });
    if (!p)
      throw new DeniedError({
        action: 'conference.setIdentity',
        objectType: 'CaseParticipant',
        objectId: participantId,
        purpose: 'caseConference',
      });
    await tx.caseParticipant.update({
      where: { id: p.id },
      data: { showIdentity: show, identityReason: show ? why : null },
    });
    await log({
      action: 'conference.setIdentity',
      objectType: 'CaseParticipant',
      objectId: p.id,
      reason: show ? why : null,
    });
  });
}
