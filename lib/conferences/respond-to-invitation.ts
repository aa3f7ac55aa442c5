import 'server-only';
import { CLIENT_WORK_USER_WHERE } from '@/lib/access/policy';
import { useCase, DeniedError } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { respondSchema, type RespondValues } from './schemas';

/**
 * The addressee accepts or declines (participation is free — art. 12) and, when accepting,
 * names who attends: themself or a colleague as case worker, or a standing delegate. The
 * attendee becomes a participant of this case only, and sees nothing of it before they
 * acknowledged the secrecy (acknowledgeSecrecy).
 */
export async function respondToInvitation(
  userId: string,
  invitationId: string,
  values: RespondValues,
  now = new Date(),
) {
  const parsed = validateForm(respondSchema, values);
  if (!parsed.ok) throw invalid('Je antwoord is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  const action = v.answer === 'accept' ? 'invitation.accept' : 'invitation.decline';
  return useCase(userId, { action, purpose: 'caseConference' }, async ({ tx, actor, log }) => {
    const invitation = await tx.caseInvitation.findFirst({
      where: { id: invitationId, addresseeUserId: actor.userId },
    });
    if (!invitation) {
      throw new DeniedError({
        action: 'invitation.respond',
        objectType: 'CaseInvitation',
        objectId: invitationId,
        purpose: 'caseConference',
      });
    }
    if (invitation.status !== 'INVITED') throw conflict('Je hebt deze uitnodiging al beantwoord.');
    if (v.answer === 'decline') {
      const moved = await tx.caseInvitation.updateMany({
        where: { id: invitationId, status: 'INVITED' },
        data: { status: 'DECLINED', respondedAt: now, declineNote: v.declineNote || null },
      });
      if (moved.count !== 1) throw conflict('Je hebt deze uitnodiging al beantwoord.');
    } else {
      const attendee = await tx.user.findFirst({
        where: { id: v.attendeeUserId, organisationId: invitation.organisationId, ...CLIENT_WORK_USER_WHERE },
        select: { id: true },
      });
      if (!attendee)
        throw invalid('Kies een collega van je eigen organisatie die met cliënten werkt.', {
          attendeeUserId: 'Deze persoon hoort niet bij je organisatie of werkt niet met cliënten.',
        });
      const moved = await tx.caseInvitation.updateMany({
        where: { id: invitationId, status: 'INVITED' },
        data: { status: 'ACCEPTED', respondedAt: now, attendeeUserId: attendee.id, attendance: v.attendance },
      });
      if (moved.count !== 1) throw conflict('Je hebt deze uitnodiging al beantwoord.');
      const existing = await tx.caseParticipant.findUnique({
        where: { dossierId_userId: { dossierId: invitation.dossierId, userId: attendee.id } },
      });
      if (existing && !existing.leftAt) throw conflict('Deze persoon neemt al deel aan deze casus.');
      if (existing) {
        await tx.caseParticipant.update({
          where: { id: existing.id },
          data: { acceptedAt: now, leftAt: null, secrecyAcknowledgedAt: null, attendance: v.attendance, invitationId },
        });
      } else {
        await tx.caseParticipant.create({
          data: {
            dossierId: invitation.dossierId,
            safeHouseId: invitation.safeHouseId,
            organisationId: invitation.organisationId,
            userId: attendee.id,
            attendance: v.attendance,
            reason: invitation.reason,
            acceptedAt: now,
            invitationId,
          },
        });
      }
    }
    await log({
      objectType: 'CaseInvitation',
      objectId: invitationId,
      dossierId: invitation.dossierId,
      safeHouseId: invitation.safeHouseId,
    });
    return { status: v.answer === 'accept' ? 'ACCEPTED' : 'DECLINED' };
  });
}
