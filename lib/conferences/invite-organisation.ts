import 'server-only';
import { notifyUsers } from '@/lib/notifications/notify';
import { CLIENT_WORK_USER_WHERE } from '@/lib/access/policy';
import { dossierUseCase, withActor } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { composeInvitationMail } from '@/lib/mail/invitation';
import { appLink, sendMail } from '@/lib/mail/transport';
import { inviteSchema, type InviteValues } from './schemas';

/**
 * The coordinator invites an organisation for one case on a session's agenda, with the reason
 * (involvement with the client system, or specific expertise — art. 12). The addressee, a user
 * of that organisation, gets an e-mail with only a link and a calendar file: no personal data.
 * The mail is sent after the invitation is committed; a failed mail does not undo it.
 */
export async function inviteOrganisation(userId: string, dossierId: string, values: InviteValues) {
  const parsed = validateForm(inviteSchema, values);
  if (!parsed.ok) throw invalid('De uitnodiging is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  const need = {
    action: 'conference.invite',
    purpose: 'caseConference',
    dossierId,
    notNow: 'Enkel voor een lopend traject kan je uitnodigen.',
  } as const;
  const result = await dossierUseCase(userId, need, async ({ tx, actor, dossier, log }) => {
    const agenda = await tx.agendaItem.findUnique({
      where: { sessionId_dossierId: { sessionId: v.sessionId, dossierId } },
      include: { session: { select: { startsAt: true, endsAt: true, location: true } } },
    });
    if (!agenda)
      throw invalid('Deze casus staat niet op de agenda van dat overleg.', {
        sessionId: 'Kies een overleg waarop de casus staat.',
      });
    // The organisation is derived from the addressee on the server, never taken from the form.
    const addressee = await tx.user.findFirst({
      where: { id: v.addresseeUserId, ...CLIENT_WORK_USER_WHERE },
      select: { id: true, email: true, organisationId: true },
    });
    if (!addressee)
      throw invalid('Kies een actieve gebruiker die met cliënten werkt bij de organisatie die je uitnodigt.', {
        addresseeUserId:
          'Onbekende of inactieve gebruiker, of een account zonder cliëntwerk (DPO, analist, beheerder).',
      });
    const organisationId = addressee.organisationId;
    const existing = await tx.caseInvitation.findUnique({
      where: { dossierId_organisationId_sessionId: { dossierId, organisationId, sessionId: v.sessionId } },
    });
    if (existing) throw conflict('Deze organisatie is al uitgenodigd voor deze casus op dit overleg.');
    const invitation = await tx.caseInvitation.create({
      data: {
        dossierId,
        safeHouseId: dossier.safeHouseId,
        sessionId: v.sessionId,
        organisationId,
        addresseeUserId: addressee.id,
        reason: v.reason,
        reasonNote: v.reasonNote,
        invitedByUserId: actor.userId,
      },
      select: { id: true },
    });
    await log({ objectType: 'CaseInvitation', objectId: invitation.id });
    await notifyUsers(tx, {
      kind: 'INVITATION',
      objectId: invitation.id,
      safeHouseId: dossier.safeHouseId,
      dossierId,
      link: `/uitnodigingen#uitnodiging-${invitation.id}`,
      to: { userIds: [addressee.id] },
      directMail: true,
    });
    const house = await tx.safeHouse.findUniqueOrThrow({ where: { id: dossier.safeHouseId }, select: { name: true } });
    const organiser = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } });
    return {
      invitationId: invitation.id,
      to: addressee.email,
      session: agenda.session,
      house: house.name,
      organiserEmail: organiser.email,
    };
  });

  const url = appLink(`/uitnodigingen#uitnodiging-${result.invitationId}`);
  if (!url) return { invitationId: result.invitationId, mail: { delivered: false as const, reason: 'no-base-url' } };
  const mail = composeInvitationMail({
    to: result.to,
    safeHouseName: result.house,
    start: result.session.startsAt,
    end: result.session.endsAt,
    location: result.session.location,
    invitationUrl: url,
    uid: `${result.invitationId}@veilig-huis-dossier`,
    organizerEmail: result.organiserEmail,
  });
  const sent = await sendMail(mail);
  if (sent.delivered) {
    await withActor(userId, (tx) =>
      tx.caseInvitation.update({ where: { id: result.invitationId }, data: { mailSentAt: new Date() } }),
    );
  }
  return { invitationId: result.invitationId, mail: sent };
}
