import 'server-only';
import { notifyUsers } from '@/lib/notifications/notify';
import { dossierUseCase, withActor } from '@/lib/use-case/kernel';
import { recordAudit } from '@/lib/audit/log';
import { conflict, invalid } from '@/lib/errors';
import { composeNoticeMail, type NoticeKind } from '@/lib/mail/notice';
import { appLink, sendMail, type SendResult } from '@/lib/mail/transport';
import { planDeadlineState } from './deadline';

export type RecipientReason = 'PARTICIPANT' | 'DECLINED' | 'REFERRER';

/**
 * The coordinator distributes the finalised plan of a case on a session (issue 12 §5; seed 004,
 * within 14 working days; seed 000 §5.3.2; ADR 0036). Entitled are the accepted participants of
 * the case who have not left it, the organisations invited to that session who declined, and —
 * when an outcome was written for them — the referrer, who reads only that outcome.
 *
 * One transaction marks the item distributed (once: a second attempt is a conflict), records
 * each recipient and shares the referrer's outcome. After commit each recipient gets one mail
 * without personal data or case content; mailSentAt records it. Only the run that distributed
 * sends, so no one is mailed twice; a failed mail stays visible (no mailSentAt).
 */
export async function distributePlan(userId: string, dossierId: string, agendaItemId: string, now = new Date()) {
  const need = {
    action: 'conference.distribute',
    purpose: 'caseConference',
    dossierId,
    notNow: 'Dit dossier is niet (meer) in traject.',
  } as const;
  const result = await dossierUseCase(userId, need, async ({ tx, actor, dossier, log, notify }) => {
    const item = await tx.agendaItem.findFirst({
      where: { id: agendaItemId, dossierId },
      select: {
        id: true,
        sessionId: true,
        finalisedAt: true,
        distributedAt: true,
        session: { select: { startsAt: true } },
      },
    });
    if (!item) throw invalid('Onbekend agendapunt.');
    if (!item.finalisedAt) throw conflict('Maak eerst het verslag definitief.');
    const updated = await tx.agendaItem.updateMany({
      where: { id: item.id, distributedAt: null },
      data: { distributedAt: now, distributedByUserId: actor.userId },
    });
    if (updated.count !== 1) throw conflict('Het plan van aanpak is al verstuurd.');

    const [participants, declined, outcome] = await Promise.all([
      tx.caseParticipant.findMany({
        where: { dossierId, acceptedAt: { not: null }, leftAt: null },
        select: { userId: true },
      }),
      tx.caseInvitation.findMany({
        where: { dossierId, sessionId: item.sessionId, status: 'DECLINED' },
        select: { addresseeUserId: true },
      }),
      tx.referrerOutcome.findUnique({ where: { agendaItemId: item.id }, select: { id: true } }),
    ]);
    const recipients = new Map<string, RecipientReason>();
    for (const p of participants) recipients.set(p.userId, 'PARTICIPANT');
    for (const d of declined) if (!recipients.has(d.addresseeUserId)) recipients.set(d.addresseeUserId, 'DECLINED');
    if (outcome) {
      await tx.referrerOutcome.update({ where: { id: outcome.id }, data: { sharedAt: now } });
      if (!recipients.has(dossier.referrerUserId)) recipients.set(dossier.referrerUserId, 'REFERRER');
    }
    recipients.delete(actor.userId);
    const rows = [...recipients].map(([uid, reason]) => ({
      agendaItemId: item.id,
      dossierId,
      safeHouseId: dossier.safeHouseId,
      userId: uid,
      reason,
    }));
    if (rows.length) await tx.planDistributionRecipient.createMany({ data: rows });
    await notifyUsers(tx, {
      kind: 'PLAN_READY',
      objectId: item.id,
      safeHouseId: dossier.safeHouseId,
      dossierId,
      link: `/dossiers/${dossierId}/casusoverleg#verspreiding`,
      to: { userIds: rows.filter((r) => r.reason !== 'REFERRER').map((r) => r.userId) },
      directMail: true,
    });
    const created = await tx.planDistributionRecipient.findMany({
      where: { agendaItemId: item.id },
      select: { id: true, reason: true, user: { select: { email: true } } },
    });
    await log({ objectType: 'AgendaItem', objectId: item.id });
    await notify('distributePlan', item.id);
    const house = await tx.safeHouse.findUniqueOrThrow({ where: { id: dossier.safeHouseId }, select: { name: true } });
    return {
      agendaItemId: item.id,
      house: house.name,
      deadline: planDeadlineState(item.session.startsAt, now, now),
      recipients: created.map((r) => ({ id: r.id, reason: r.reason as RecipientReason, email: r.user.email })),
    };
  });

  const mails: { recipientId: string; result: SendResult }[] = [];
  for (const r of result.recipients) {
    const kind: NoticeKind = r.reason === 'REFERRER' ? 'referrerOutcome' : 'planReady';
    const url = appLink(r.reason === 'REFERRER' ? '/aanmeldingen' : `/dossiers/${dossierId}/casusoverleg#verspreiding`);
    if (!url) {
      mails.push({ recipientId: r.id, result: { delivered: false, reason: 'no-base-url' } });
      continue;
    }
    const sent = await sendMail(composeNoticeMail({ kind, to: r.email, safeHouseName: result.house, url }));
    mails.push({ recipientId: r.id, result: sent });
    if (sent.delivered) {
      await withActor(userId, async (tx, actor) => {
        const marked = await tx.planDistributionRecipient.updateMany({
          where: { id: r.id, mailSentAt: null },
          data: { mailSentAt: new Date() },
        });
        if (marked.count === 1)
          await recordAudit(tx, actor, {
            action: 'plan.mailSent',
            purpose: 'caseConference',
            outcome: 'ALLOWED',
            objectType: 'PlanDistributionRecipient',
            objectId: r.id,
            dossierId,
          });
      });
    }
  }
  return {
    agendaItemId: result.agendaItemId,
    deadline: result.deadline,
    recipients: result.recipients.length,
    mails,
  };
}
