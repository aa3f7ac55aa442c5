import 'server-only';
import { dossierUseCase, DeniedError, type Tx } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { decisionTextSchema, minutesSchema } from './schemas';

/**
 * What the coordinator records for a case during or after the session: minutes (art. 13 §2,
 * optional), decisions and the case director. Each is its own small use case; all follow the same steps.
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

/** Finalised minutes and their decisions no longer change (issue 12 §5; ADR 0036; also a trigger). */
async function refuseFinalised(tx: Tx, dossierId: string, agendaItemId: string) {
  const item = await tx.agendaItem.findFirst({ where: { id: agendaItemId, dossierId }, select: { finalisedAt: true } });
  if (item?.finalisedAt) throw conflict('Het verslag is definitief gemaakt en kan niet meer gewijzigd worden.');
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
    await refuseFinalised(tx, dossierId, agendaItemId);
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
    await refuseFinalised(tx, dossierId, agendaItemId);
    return tx.conferenceDecision.create({
      data: { agendaItemId, dossierId, safeHouseId, text: parsed.data.text, recordedByUserId: actorId },
      select: { id: true },
    });
  });
}

// The action plan (goals and actions) moved to lib/plan/ (issue 12 §6; ADR 0034): the case
// director manages it too, and owners mark their own actions done.

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
