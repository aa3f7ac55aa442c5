import 'server-only';
import { useCase } from '@/lib/use-case/kernel';
import { safeHouseNames } from '@/lib/db/house-names';
import { CLIENT_WORK_USER_WHERE } from '@/lib/access/policy';

/**
 * What waits for the signed-in user: invitations addressed to them (no case content: only the
 * safe house, the session's time and place, and the reason), and participations for which they
 * still have to acknowledge the secrecy. Colleagues of the organisation, for naming an attendee.
 */
export async function listMyInvitations(userId: string) {
  return useCase(userId, { action: 'invitation.listOwn', purpose: 'caseConference' }, async ({ tx, actor, log }) => {
    const [invitations, pending, colleagues] = await Promise.all([
      tx.caseInvitation.findMany({
        where: { addresseeUserId: actor.userId },
        orderBy: { invitedAt: 'desc' },
        take: 100,
        select: {
          id: true,
          status: true,
          reason: true,
          reasonNote: true,
          invitedAt: true,
          respondedAt: true,
          attendance: true,
          session: { select: { startsAt: true, endsAt: true, location: true, safeHouseId: true, state: true } },
        },
      }),
      tx.caseParticipant.findMany({
        where: { userId: actor.userId, acceptedAt: { not: null }, secrecyAcknowledgedAt: null, leftAt: null },
        select: { id: true, reason: true, attendance: true, safeHouseId: true, invitationId: true },
      }),
      tx.user.findMany({
        where: { organisationId: actor.organisationId, ...CLIENT_WORK_USER_WHERE },
        select: { id: true, name: true },
        orderBy: { name: 'asc' },
      }),
    ]);
    const houses = await safeHouseNames(tx, [
      ...invitations.map((i) => i.session.safeHouseId),
      ...pending.map((p) => p.safeHouseId),
    ]);
    const houseName = (id: string) => houses.get(id) ?? '';
    await log({ action: 'invitation.listOwn', objectType: 'InvitationList' });
    return {
      invitations: invitations.map((i) => ({ ...i, safeHouseName: houseName(i.session.safeHouseId) })),
      pending: pending.map((p) => ({ ...p, safeHouseName: houseName(p.safeHouseId) })),
      colleagues,
      me: actor.userId,
    };
  });
}
