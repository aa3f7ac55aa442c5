import 'server-only';
import type { Actor } from '@/lib/access/actor';
import type { Tx } from '@/lib/use-case/kernel';

/** The actor's own, current participation in a case (accepted, acknowledged, not left). */
export async function currentParticipation(tx: Tx, actor: Actor, dossierId: string) {
  return tx.caseParticipant.findFirst({
    where: {
      dossierId,
      userId: actor.userId,
      acceptedAt: { not: null },
      secrecyAcknowledgedAt: { not: null },
      leftAt: null,
    },
  });
}

/** Participants whose agreement a disclosure needs: every current participant of the case. */
export async function currentParticipants(tx: Tx, dossierId: string) {
  return tx.caseParticipant.findMany({
    where: { dossierId, acceptedAt: { not: null }, secrecyAcknowledgedAt: { not: null }, leftAt: null },
    orderBy: { invitedAt: 'asc' },
  });
}
