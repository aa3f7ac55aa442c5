import 'server-only';
import type { Actor } from '@/lib/access/actor';
import { can, dossierByIdWhere, DOSSIER_FACTS_SELECT, type DossierAction } from '@/lib/access/policy';
import { DeniedError, type Tx } from '@/lib/db/scoped';
import { conflict } from '@/lib/errors';
import { z } from '@/lib/validation/zod';

const UUID = z.string().uuid();

/**
 * Loads the dossier facts for a conference use case and checks the action. A dossier the actor
 * may not see is NOT_FOUND (and logged as denied); one they may see but where the action does
 * not apply now (e.g. a closed dossier) is a CONFLICT with a Dutch explanation.
 */
export async function requireDossierAction(
  tx: Tx,
  actor: Actor,
  dossierId: string,
  action: DossierAction,
  purpose: string,
  notNow = 'Dat kan nu niet in dit dossier.',
) {
  // a malformed id (from a URL or a forged bound argument) is "not found", logged as denied
  if (!UUID.safeParse(dossierId).success) throw new DeniedError({ action, objectType: 'Dossier', objectId: dossierId.slice(0, 64), purpose });
  const dossier = await tx.dossier.findFirst({
    where: dossierByIdWhere(actor, dossierId),
    select: { ...DOSSIER_FACTS_SELECT, reference: true, clientSystemLabel: true },
  });
  if (!dossier || !(can(actor, 'conference.view', dossier) || can(actor, 'dossier.view', dossier))) {
    throw new DeniedError({ action, objectType: 'Dossier', objectId: dossierId, purpose });
  }
  if (!can(actor, action, dossier)) {
    if (!can(actor, 'conference.view', dossier)) throw new DeniedError({ action, objectType: 'Dossier', objectId: dossierId, purpose });
    throw conflict(notNow);
  }
  return dossier;
}

/** The actor's own, current participation in a case (accepted, acknowledged, not left). */
export async function currentParticipation(tx: Tx, actor: Actor, dossierId: string) {
  return tx.caseParticipant.findFirst({
    where: { dossierId, userId: actor.userId, acceptedAt: { not: null }, secrecyAcknowledgedAt: { not: null }, leftAt: null },
  });
}

/** Participants whose agreement a disclosure needs: every current participant of the case. */
export async function currentParticipants(tx: Tx, dossierId: string) {
  return tx.caseParticipant.findMany({
    where: { dossierId, acceptedAt: { not: null }, secrecyAcknowledgedAt: { not: null }, leftAt: null },
    orderBy: { invitedAt: 'asc' },
  });
}

/** Live update after commit: only ids travel (lib/realtime/bus.ts). */
export async function notifyCase(tx: Tx, dossierId: string, kind: string, objectId: string) {
  await tx.$executeRaw`SELECT notify_case_event(${dossierId}::uuid, ${kind}, ${objectId}::uuid)`;
}
