import 'server-only';
import { dossierUseCase, DeniedError, type DossierContext, type Tx } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { z } from '@/lib/validation/zod';
import { agendaItemOfRecord } from '@/lib/conferences/open-agenda-item';
import {
  closePlanActionSchema,
  goalSchema,
  planActionChangeSchema,
  planActionSchema,
  type ClosePlanActionValues,
  type PlanActionChangeValues,
  type PlanActionValues,
} from './schemas';

/**
 * The case director watches over the action plan (memorandum to art. 15; ADR 0034): the
 * coordinator of the holding safe house or the participant who is the case director adds goals
 * and actions, changes open actions and closes them (done or cancelled). Any other participant
 * may see the plan but not change it: for them this is "not found", logged as a denied attempt.
 * Row-level security and a trigger on PlanAction hold the same line (migration 20261205120000).
 */
async function managePlan<T>(
  userId: string,
  dossierId: string,
  /** the kind of live event the open pages refresh on */
  kind: string,
  objectType: 'Goal' | 'PlanAction',
  run: (c: DossierContext) => Promise<{ id: string } & T>,
) {
  const need = {
    action: 'plan.manage',
    purpose: 'caseConference',
    dossierId,
    objectType,
    notNow: 'Dit dossier is niet (meer) in traject.',
  } as const;
  return dossierUseCase(userId, need, async (c) => {
    if (!(await isCoordinatorOrDirector(c))) {
      throw new DeniedError({ action: 'plan.manage', objectType, objectId: dossierId, purpose: 'caseConference' });
    }
    const result = await run(c);
    await c.log({ objectType, objectId: result.id });
    await c.notify(kind, result.id);
    return result;
  });
}

/** The coordinator of the holding safe house, or the case director of this case (not left). */
export async function isCoordinatorOrDirector({
  tx,
  actor,
  dossier,
}: Pick<DossierContext, 'tx' | 'actor' | 'dossier'>) {
  if (actor.coordinatorHouses.includes(dossier.safeHouseId)) return true;
  if (!actor.participantDossiers.includes(dossier.id)) return false;
  const me = await tx.caseParticipant.findFirst({
    where: { dossierId: dossier.id, userId: actor.userId, isCaseDirector: true, leftAt: null },
    select: { id: true },
  });
  return !!me;
}

/** The owner: an organisation that takes part in this case, and optionally one of its participants. */
async function checkOwner(tx: Tx, dossierId: string, ownerOrganisationId: string, ownerUserId: string | null) {
  const participants = await tx.caseParticipant.findMany({
    where: { dossierId, organisationId: ownerOrganisationId, leftAt: null, acceptedAt: { not: null } },
    select: { userId: true },
  });
  if (participants.length === 0)
    throw invalid('De verantwoordelijke organisatie moet deelnemen aan het casusoverleg.', {
      ownerOrganisationId: 'Geen deelnemende organisatie.',
    });
  if (ownerUserId && !participants.some((p) => p.userId === ownerUserId))
    throw invalid('De verantwoordelijke persoon moet een deelnemer van die organisatie zijn.', {
      ownerUserId: 'Geen deelnemer van die organisatie in deze casus.',
    });
}

const day = (v: string) => (v ? new Date(`${v}T00:00:00Z`) : null);

export async function addGoal(userId: string, dossierId: string, title: string) {
  const parsed = validateForm(goalSchema, { title });
  if (!parsed.ok) throw invalid('De doelstelling is nog niet volledig.', parsed.errors);
  return managePlan(userId, dossierId, 'addGoal', 'Goal', ({ tx, actor, dossier }) =>
    tx.goal.create({
      data: { dossierId, safeHouseId: dossier.safeHouseId, title: parsed.data.title, createdByUserId: actor.userId },
      select: { id: true },
    }),
  );
}

export async function addPlanAction(userId: string, dossierId: string, values: PlanActionValues) {
  const parsed = validateForm(planActionSchema, values);
  if (!parsed.ok) throw invalid('De actie is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  return managePlan(userId, dossierId, 'addPlanAction', 'PlanAction', async ({ tx, dossier }) => {
    const goal = await tx.goal.findFirst({ where: { id: v.goalId, dossierId }, select: { id: true } });
    if (!goal) throw invalid('Kies een doelstelling van dit dossier.', { goalId: 'Onbekende doelstelling.' });
    const ownerUserId = v.ownerUserId || null;
    await checkOwner(tx, dossierId, v.ownerOrganisationId, ownerUserId);
    return tx.planAction.create({
      data: {
        goalId: v.goalId,
        dossierId,
        safeHouseId: dossier.safeHouseId,
        description: v.description,
        ownerOrganisationId: v.ownerOrganisationId,
        ownerUserId,
        dueDate: day(v.dueDate),
        agendaItemId: await agendaItemOfRecord(tx, dossierId),
      },
      select: { id: true },
    });
  });
}

const actionId = (id: string) => {
  if (!z.string().uuid().safeParse(id).success) throw invalid('Onbekende actie.');
  return id;
};

/** Change what an open action says, who owns it and by when. */
export async function changePlanAction(userId: string, dossierId: string, id: string, values: PlanActionChangeValues) {
  actionId(id);
  const parsed = validateForm(planActionChangeSchema, values);
  if (!parsed.ok) throw invalid('De actie is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  return managePlan(userId, dossierId, 'changePlanAction', 'PlanAction', async ({ tx }) => {
    const ownerUserId = v.ownerUserId || null;
    await checkOwner(tx, dossierId, v.ownerOrganisationId, ownerUserId);
    const updated = await tx.planAction.updateMany({
      where: { id, dossierId, status: 'OPEN' },
      data: {
        description: v.description,
        ownerOrganisationId: v.ownerOrganisationId,
        ownerUserId,
        dueDate: day(v.dueDate),
      },
    });
    if (updated.count !== 1) throw conflict('Enkel een openstaande actie kan gewijzigd worden.');
    return { id };
  });
}

/** Close an open action: done (with an optional note) or cancelled (with a reason). */
export async function closePlanAction(
  userId: string,
  dossierId: string,
  id: string,
  values: ClosePlanActionValues,
  now = new Date(),
) {
  actionId(id);
  const parsed = validateForm(closePlanActionSchema, values);
  if (!parsed.ok) throw invalid('De actie kan zo niet afgesloten worden.', parsed.errors);
  const v = parsed.data;
  return managePlan(userId, dossierId, 'closePlanAction', 'PlanAction', async ({ tx, actor }) => {
    const updated = await tx.planAction.updateMany({
      where: { id, dossierId, status: 'OPEN' },
      data: { status: v.outcome, doneAt: now, doneByUserId: actor.userId, doneNote: v.note || null },
    });
    if (updated.count !== 1) throw conflict('Deze actie is al afgesloten.');
    return { id };
  });
}

/** Reopen a closed action (e.g. closed by mistake): its completion is cleared. */
export async function reopenPlanAction(userId: string, dossierId: string, id: string) {
  actionId(id);
  return managePlan(userId, dossierId, 'reopenPlanAction', 'PlanAction', async ({ tx }) => {
    const updated = await tx.planAction.updateMany({
      where: { id, dossierId, status: { not: 'OPEN' } },
      data: { status: 'OPEN', doneAt: null, doneByUserId: null, doneNote: null },
    });
    if (updated.count !== 1) throw conflict('Deze actie staat al open.');
    return { id };
  });
}
