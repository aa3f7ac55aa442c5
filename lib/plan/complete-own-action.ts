import 'server-only';
import { dossierUseCase, DeniedError } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { z } from '@/lib/validation/zod';
import { completeOwnSchema, type CompleteOwnValues } from './schemas';

/**
 * The owner of an action marks it done, with a note on what was done (memorandum to art. 15;
 * ADR 0034). The owner is the owner person, or — when the action names none — every participant
 * of the owner organisation in this case. The dossier is derived from the action, never taken
 * from the browser. Anyone else gets "not found" (logged as denied); the database refuses the
 * same (row-level security on PlanAction, and a trigger that lets an owner change nothing else).
 */
export async function completeOwnPlanAction(
  userId: string,
  actionId: string,
  values: CompleteOwnValues,
  now = new Date(),
) {
  const parsed = validateForm(completeOwnSchema, values);
  if (!parsed.ok) throw invalid('De actie kan nog niet afgerond worden.', parsed.errors);
  const denied = new DeniedError({
    action: 'plan.completeOwn',
    objectType: 'PlanAction',
    objectId: actionId.slice(0, 64),
    purpose: 'caseConference',
  });
  if (!z.string().uuid().safeParse(actionId).success) throw denied;
  const need = {
    action: 'plan.completeOwn',
    purpose: 'caseConference',
    objectType: 'PlanAction',
    objectId: actionId,
    dossierId: async (tx) =>
      (await tx.planAction.findUnique({ where: { id: actionId }, select: { dossierId: true } }))?.dossierId,
    notNow: 'Dit dossier is niet (meer) in traject.',
  } satisfies Parameters<typeof dossierUseCase>[1];
  return dossierUseCase(userId, need, async ({ tx, actor, log, notify }) => {
    const action = await tx.planAction.findUniqueOrThrow({
      where: { id: actionId },
      select: { status: true, ownerUserId: true, ownerOrganisationId: true },
    });
    const mine =
      action.ownerUserId === actor.userId ||
      (action.ownerUserId === null && action.ownerOrganisationId === actor.organisationId);
    if (!mine) throw denied;
    const updated = await tx.planAction.updateMany({
      where: { id: actionId, status: 'OPEN' },
      data: { status: 'DONE', doneAt: now, doneByUserId: actor.userId, doneNote: parsed.data.note },
    });
    if (updated.count !== 1) throw conflict('Deze actie is al afgesloten.');
    await log({ objectType: 'PlanAction', objectId: actionId });
    await notify('completeOwnPlanAction', actionId);
    return { id: actionId };
  });
}
