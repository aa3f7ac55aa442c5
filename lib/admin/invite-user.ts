import 'server-only';
import { composePasswordInvitationMail } from '@/lib/mail/password-invitation';
import { appLink, sendMail } from '@/lib/mail/transport';
import { conflict, notFound } from '@/lib/errors';
import type { UseCaseContext } from '@/lib/use-case/kernel';
import { useCase } from '@/lib/use-case/kernel';
import { INVITATION_HOURS, newInvitationToken } from './invitation-token';

export interface Invitation {
  email: string;
  token: string;
}

/**
 * Inside an administrator's transaction: a new invitation for an active account, replacing any
 * open one (the database revokes those), logged. Returns the address and the token for the mail,
 * which is sent after the commit (`mailInvitation`).
 */
export async function addInvitation({ tx, actor, log }: UseCaseContext, targetId: string): Promise<Invitation> {
  const target = await tx.user.findUnique({ where: { id: targetId }, select: { id: true, email: true, active: true } });
  if (!target) throw notFound();
  if (!target.active) throw conflict('Deze gebruiker is gedeactiveerd. Activeer het account eerst opnieuw.');
  // an organisation's API account (ADR 0045) never signs in; the database refuses it too
  if (await tx.apiAccount.findUnique({ where: { userId: target.id }, select: { userId: true } }))
    throw conflict(
      'Dit is het API-account van een organisatie: het meldt zich nooit aan. Zijn sleutels staan onder API-sleutels.',
    );
  const { token, tokenHash } = newInvitationToken();
  const created = await tx.passwordInvitation.create({
    data: {
      userId: target.id,
      tokenHash,
      invitedByUserId: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_HOURS * 3_600_000),
    },
    select: { id: true },
  });
  await log({ action: 'admin.user.invite', objectType: 'PasswordInvitation', objectId: created.id });
  return { email: target.email, token };
}

/**
 * After the commit: the mail with the link. Mail is a side channel: a failed mail undoes nothing;
 * the administrator sees that it was not sent and can invite again. Whether it was handed over.
 */
export async function mailInvitation(invitation: Invitation): Promise<boolean> {
  const url = appLink(`/wachtwoord-instellen?token=${encodeURIComponent(invitation.token)}`);
  if (!url) return false;
  const r = await sendMail(composePasswordInvitationMail({ to: invitation.email, url, validHours: INVITATION_HOURS }));
  return r.delivered;
}

/** The administrator invites a user (again) to set a password; whether the mail went out. */
export async function inviteUser(userId: string, targetId: string): Promise<{ mailed: boolean }> {
  const invitation = await useCase(userId, { action: 'users.manage', purpose: 'administration' }, (c) =>
    addInvitation(c, targetId),
  );
  return { mailed: await mailInvitation(invitation) };
}
