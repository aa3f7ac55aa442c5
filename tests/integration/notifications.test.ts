import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveReferral } from '@/lib/referrals/save-referral';
import { checkAdmission } from '@/lib/admission/check-admission';
import { requestTransfer } from '@/lib/transfers/request-transfer';
import { addInformationItem } from '@/lib/conferences/add-information-item';
import { inviteOrganisation } from '@/lib/conferences/invite-organisation';
import { proposeDisclosure } from '@/lib/disclosures/propose-disclosure';
import { deliverImmediate, scanActionReminders, sendDigests } from '@/lib/notifications/deliver';
import {
  countUnreadNotifications,
  listMyNotifications,
  markAllNotificationsRead,
  openNotification,
} from '@/lib/notifications/my-notifications';
import { getMyNotificationPreferences, saveMyNotificationPreferences } from '@/lib/notifications/preferences';
import { resetMailTransportForTests } from '@/lib/mail/transport';
import { addDays, brusselsToday } from '@/lib/time';
import { addWorkingDays } from '@/lib/working-days';
import { ownerDb } from '../helpers/db';
import { buildScenario, type Scenario } from '../helpers/scenario';
import { consensusWorld, type ConsensusWorld } from '../helpers/consensus-world';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../helpers/mail-catcher';
import { admissionCheck, completeReferral } from '../helpers/forms';

/**
 * Issue 13 §2 (ADR 0039): notifications and reminders. The use cases add Notification rows in their
 * own transaction; the worker mails them through a real SMTP server (smtp-server) at once or in the
 * daily digest, as each user chose — never twice, whatever runs again or at the same time, and
 * never with a name, a reference or a national number in the mail.
 */
let s: Scenario;
let catcher: MailCatcher;
const mails: CaughtMail[] = [];

beforeAll(async () => {
  s = await buildScenario();
  catcher = await startMailCatcher(mails);
});
afterAll(async () => {
  await catcher.stop();
});

const db = () => ownerDb();
const emailOf = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id } })).email;
const mailsTo = async (id: string) => {
  const email = await emailOf(id);
  return mails.filter((m) => m.to.includes(email));
};
/** quoted-printable soft breaks and '=' decoded, so words and links can be found whole */
const decoded = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
/** What a mail says: its parts' content, without the message's headers, the MIME boundaries and part headers. */
const mailText = (raw: string) =>
  raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n')
    .split(/\r?\n/)
    .filter((line) => !/^--/.test(line) && !/^Content-[\w-]+:/i.test(line))
    .join('\n');
const notificationsOf = (userId: string) =>
  db().notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });

async function submit(lastName: string) {
  return saveReferral(s.users.referrer.id, completeReferral(s.houseA.id, { lastName }), { mode: 'submit' });
}

describe('art. 11 (issue 13 §2): a new referral waits in the triage inbox', () => {
  it('art. 11: submitting tells the safe house’s coordinators in the same transaction — a draft tells no one', async () => {
    const draft = await saveReferral(s.users.referrer.id, completeReferral(s.houseA.id, { lastName: 'Concept' }), {
      mode: 'draft',
    });
    expect(await db().notification.count({ where: { dossierId: draft.dossierId } })).toBe(0);
    const { dossierId } = await submit('Wouters');
    const rows = await db().notification.findMany({ where: { dossierId } });
    expect(rows.map((r) => r.userId).sort()).toEqual([s.users.coordA.id, s.users.reprA.id].sort());
    for (const r of rows)
      expect(r).toMatchObject({
        kind: 'REFERRAL_TO_TRIAGE',
        safeHouseId: s.houseA.id,
        linkPath: `/dossiers/${dossierId}`,
        dedupeKey: `REFERRAL_TO_TRIAGE:${dossierId}`,
        createdByUserId: s.users.referrer.id,
        readAt: null,
        deliveryId: null,
      });
  });

  it('immediate delivery: the coordinator (at once by default) gets one mail with only the safe house and a link — never a second, also not concurrently', async () => {
    const { dossierId } = await submit('Claes');
    const only = { userIds: [s.users.coordA.id] };
    const first = await deliverImmediate(db(), new Date(), only);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const afterFirst = (await mailsTo(s.users.coordA.id)).length;
    // again, and twice at the same time: nothing new
    const again = await Promise.all([
      deliverImmediate(db(), new Date(), only),
      deliverImmediate(db(), new Date(), only),
      deliverImmediate(db(), new Date(), only),
    ]);
    expect(again.map((r) => r.sent)).toEqual([0, 0, 0]);
    expect((await mailsTo(s.users.coordA.id)).length).toBe(afterFirst);
    // exactly one delivery per notification, recorded as sent
    const mine = await db().notification.findMany({ where: { userId: s.users.coordA.id, dossierId } });
    expect(mine).toHaveLength(1);
    const delivery = await db().notificationDelivery.findUniqueOrThrow({
      where: { idempotencyKey: `n:${mine[0]!.id}` },
    });
    expect(delivery).toMatchObject({ status: 'SENT', attempts: 1, kind: 'IMMEDIATE', userId: s.users.coordA.id });
    expect(mine[0]!.deliveryId).toBe(delivery.id);

    // the mail: which Veilig Huis, that something waits, one link — nothing of the case
    const house = await db().safeHouse.findUniqueOrThrow({ where: { id: s.houseA.id } });
    const dossier = await db().dossier.findUniqueOrThrow({ where: { id: dossierId } });
    const member = await db().clientMember.findFirstOrThrow({ where: { dossierId, memberRole: 'VICTIM' } });
    const raw = decoded((await mailsTo(s.users.coordA.id)).at(-1)!.raw);
    expect(raw).toContain(house.name);
    expect(raw).toContain('https://dossier.veiligehuizen.example/meldingen');
    expect(raw).toMatch(/Nieuwe aanmelding om te toetsen/);
    for (const secret of ['Claes', member.firstName, 'Dirk', dossier.reference, dossier.clientSystemLabel, dossierId]) {
      expect(raw, secret).not.toContain(secret);
    }
    // no national number, in any notation — in what the mail says (the envelope's Message-ID and MIME
    // boundary are random hex and may hold eleven digits in a row by chance)
    expect(mailText(raw)).toContain('Er wacht een nieuwe aanmelding');
    expect(mailText(raw)).not.toMatch(/\d{2}[.]?\d{2}[.]?\d{2}[-]?\d{3}[.]?\d{2}/);
    // the representative's default is the digest: no mail at once
    await deliverImmediate(db(), new Date(), { userIds: [s.users.reprA.id] });
    expect(await mailsTo(s.users.reprA.id)).toHaveLength(0);
  });

  it('the daily digest: one mail with counts per kind for who chose it, once per day whatever runs again', async () => {
    await submit('Digest');
    const only = { userIds: [s.users.reprA.id] };
    const pending = await db().notification.count({
      where: { userId: s.users.reprA.id, deliveryId: null, readAt: null },
    });
    expect(pending).toBeGreaterThanOrEqual(2);
    const runs = await Promise.all([sendDigests(db(), new Date(), only), sendDigests(db(), new Date(), only)]);
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 1]);
    const got = await mailsTo(s.users.reprA.id);
    expect(got).toHaveLength(1);
    const raw = decoded(got[0]!.raw);
    expect(raw).toMatch(/Dagelijks overzicht/);
    expect(raw).toContain(`Nieuwe aanmelding om te toetsen: ${pending}`);
    expect(raw).not.toContain('Digest');
    // a new referral later that day waits for tomorrow's digest; today's is not sent again
    await submit('Later');
    expect((await sendDigests(db(), new Date(), only)).sent).toBe(0);
    expect(await mailsTo(s.users.reprA.id)).toHaveLength(1);
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect((await sendDigests(db(), tomorrow, only)).sent).toBe(1);
    expect(await mailsTo(s.users.reprA.id)).toHaveLength(2);
  });
});

describe('preferences (issue 13 §2): at once, daily digest, or not at all', () => {
  it('art. 11: "not at all" sends no mail, the notification is still in the list; the defaults follow the role', async () => {
    const defaults = await getMyNotificationPreferences(s.users.coreStaffA.id);
    expect(defaults.find((p) => p.kind === 'INPUT_ROUND')).toEqual({
      kind: 'INPUT_ROUND',
      mode: 'IMMEDIATE',
      isDefault: true,
    });
    expect(defaults.find((p) => p.kind === 'ACTION_OVERDUE')?.mode).toBe('DIGEST');
    const choice = Object.fromEntries(defaults.map((p) => [p.kind, p.mode]));
    await saveMyNotificationPreferences(s.users.coreStaffA.id, { ...choice, INPUT_ROUND: 'OFF' });
    expect((await getMyNotificationPreferences(s.users.coreStaffA.id)).find((p) => p.kind === 'INPUT_ROUND')).toEqual({
      kind: 'INPUT_ROUND',
      mode: 'OFF',
      isDefault: false,
    });
    await expect(
      saveMyNotificationPreferences(s.users.coreStaffA.id, { ...choice, INPUT_ROUND: 'SOMS' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });

    const { dossierId } = await submit('Stil');
    const checked = await checkAdmission(s.users.coordA.id, dossierId, admissionCheck());
    expect(checked.notified).toBe(1);
    const only = { userIds: [s.users.coreStaffA.id] };
    await deliverImmediate(db(), new Date(), only);
    await sendDigests(db(), new Date(), only);
    expect(await mailsTo(s.users.coreStaffA.id)).toHaveLength(0);
    const list = await listMyNotifications(s.users.coreStaffA.id);
    expect(list.items.map((i) => i.kind)).toContain('INPUT_ROUND');
    expect(list.unread).toBeGreaterThanOrEqual(1);
  });
});

describe('never twice (ADR 0039): a failed mail is retried, a claimed one is never sent again', () => {
  it('art. 15 §1, 7°: a transfer waits for the receiving coordinators; the server is down, then back: exactly one mail', async () => {
    await requestTransfer(s.users.coordA.id, s.dossiers.trajectoryA.id, {
      toSafeHouseId: s.houseB.id,
      reason: 'De familie verhuist naar Gent.',
    });
    const [row] = await notificationsOf(s.users.coordB.id);
    expect(row).toMatchObject({ kind: 'TRANSFER', linkPath: '/overdrachten', safeHouseId: s.houseB.id });
    const only = { userIds: [s.users.coordB.id] };

    // the SMTP server is unreachable: a free port nobody listens on
    const closed = await new Promise<number>((resolve) => {
      const srv = net.createServer();
      srv.listen(0, '127.0.0.1', () => {
        const port = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(port));
      });
    });
    const working = process.env.SMTP_URL;
    process.env.SMTP_URL = `smtp://127.0.0.1:${closed}`;
    resetMailTransportForTests();
    try {
      expect(await deliverImmediate(db(), new Date(), only)).toEqual({ sent: 0, failed: 1 });
    } finally {
      process.env.SMTP_URL = working;
      resetMailTransportForTests();
    }
    const failed = await db().notificationDelivery.findUniqueOrThrow({ where: { idempotencyKey: `n:${row!.id}` } });
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(await mailsTo(s.users.coordB.id)).toHaveLength(0);

    // back: the retry sends it once, concurrent runs do not send it again
    const retried = await Promise.all([
      deliverImmediate(db(), new Date(), only),
      deliverImmediate(db(), new Date(), only),
    ]);
    expect(retried.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(await deliverImmediate(db(), new Date(), only)).toEqual({ sent: 0, failed: 0 });
    expect(await mailsTo(s.users.coordB.id)).toHaveLength(1);
    expect(await db().notificationDelivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: 'SENT',
      attempts: 2,
    });
  });

  it('at most once: a mail claimed by a run that crashed before recording the outcome is not sent again', async () => {
    const n = await db().notification.create({
      data: {
        userId: s.users.coordB.id,
        kind: 'TRANSFER',
        safeHouseId: s.houseB.id,
        linkPath: '/overdrachten',
        dedupeKey: `TRANSFER:crash-${Date.now()}`,
      },
    });
    // what a crashed run leaves: the claim committed, status SENDING
    const claim = await db().notificationDelivery.create({
      data: { idempotencyKey: `n:${n.id}`, userId: s.users.coordB.id, kind: 'IMMEDIATE' },
    });
    await db().notification.update({ where: { id: n.id }, data: { deliveryId: claim.id } });
    const before = (await mailsTo(s.users.coordB.id)).length;
    await deliverImmediate(db(), new Date(), { userIds: [s.users.coordB.id] });
    expect((await mailsTo(s.users.coordB.id)).length).toBe(before);
    // and a notification without its row cannot be claimed twice either: the key is unique
    await expect(
      db().notificationDelivery.create({
        data: { idempotencyKey: `n:${n.id}`, userId: s.users.coordB.id, kind: 'IMMEDIATE' },
      }),
    ).rejects.toThrow();
  });
});

describe('memorandum art. 15 (ADR 0034, 0039): reminders for actions that fall due or are overdue', () => {
  let w: ConsensusWorld;
  const ids = {} as Record<'soon' | 'orgOverdue' | 'later' | 'done', string>;

  beforeAll(async () => {
    w = await consensusWorld();
    const goal = await db().goal.create({
      data: { dossierId: w.dossier.id, safeHouseId: w.house.id, title: 'Veiligheid', createdByUserId: w.u.coord.id },
    });
    const today = brusselsToday();
    const action = async (
      description: string,
      ownerOrganisationId: string,
      ownerUserId: string | null,
      due: string,
      done = false,
    ) =>
      (
        await db().planAction.create({
          data: {
            goalId: goal.id,
            dossierId: w.dossier.id,
            safeHouseId: w.house.id,
            description,
            ownerOrganisationId,
            ownerUserId,
            dueDate: new Date(`${due}T00:00:00Z`),
            ...(done ? { status: 'DONE', doneAt: new Date(), doneByUserId: w.u.coord.id, doneNote: 'Gedaan.' } : {}),
          },
        })
      ).id;
    ids.soon = await action('Huisbezoek', w.orgs.police.id, w.u.police.id, addWorkingDays(today, 1));
    ids.orgOverdue = await action('Verslag', w.orgs.justice.id, null, addDays(today, -3));
    ids.later = await action('Evaluatie', w.orgs.caw.id, w.u.caw.id, addDays(today, 30));
    ids.done = await action('Gesprek', w.orgs.caw.id, w.u.caw.id, addDays(today, -3), true);
  });

  it('the owner person, else the owner organisation’s participants, are reminded once per action and state', async () => {
    await scanActionReminders(db());
    await Promise.all([scanActionReminders(db()), scanActionReminders(db())]);
    const police = await notificationsOf(w.u.police.id);
    expect(police.map((n) => [n.kind, n.dedupeKey])).toEqual([['ACTION_DUE', `ACTION_DUE:${ids.soon}`]]);
    expect(police[0]).toMatchObject({ linkPath: '/acties', dossierId: w.dossier.id, createdByUserId: null });
    const justice = await notificationsOf(w.u.justice.id);
    expect(justice.map((n) => [n.kind, n.dedupeKey])).toEqual([['ACTION_OVERDUE', `ACTION_OVERDUE:${ids.orgOverdue}`]]);
    // not due yet, or done: nothing; the coordinator owns nothing
    expect(await notificationsOf(w.u.caw.id)).toEqual([]);
    expect(await notificationsOf(w.u.coord.id)).toEqual([]);

    // a week later the first action is overdue: one more reminder, and only one
    const later = new Date(Date.now() + 7 * 86_400_000);
    await scanActionReminders(db(), later);
    await scanActionReminders(db(), later);
    expect((await notificationsOf(w.u.police.id)).map((n) => n.kind)).toEqual(['ACTION_DUE', 'ACTION_OVERDUE']);
    expect(await notificationsOf(w.u.justice.id)).toHaveLength(1);

    // their default is the digest: one morning mail with the counts, no content
    const only = { userIds: [w.u.police.id] };
    expect((await deliverImmediate(db(), new Date(), only)).sent).toBe(0);
    expect((await sendDigests(db(), new Date(), only)).sent).toBe(1);
    const raw = decoded((await mailsTo(w.u.police.id))[0]!.raw);
    expect(raw).toContain('Actie uit een plan van aanpak binnenkort te doen: 1');
    expect(raw).toContain('Actie uit een plan van aanpak over tijd: 1');
    for (const secret of ['Huisbezoek', 'Consensus', 'Sara', 'Veiligheid']) expect(raw, secret).not.toContain(secret);
  });
});

describe('art. 12, 14 §2 (ADR 0039): votes wait for the voters; the invitation mail is the only mail', () => {
  it('art. 14 §2: a disclosure proposal tells every voter but the proposer; art. 12: the addressee of an invitation is not mailed twice', async () => {
    const w = await consensusWorld();
    const item = await addInformationItem(w.u.police.id, w.dossier.id, {
      category: '9',
      concernsMemberId: w.victim.id,
      content: 'Contactverbod opgelegd op 3/11.',
    });
    const p = await proposeDisclosure(w.u.caw.id, w.dossier.id, {
      kind: 'CLIENT_MEMBER',
      memberId: w.victim.id,
      recipient: '',
      itemIds: [item.id],
      sharerUserId: w.u.caw.id,
      ground: 'SAFETY',
      goalId: '',
      necessity: 'Het slachtoffer moet weten dat er een contactverbod geldt.',
    });
    const votes = await db().notification.findMany({ where: { dedupeKey: `DISCLOSURE_VOTE:${p.id}` } });
    expect(votes.map((n) => n.userId).sort()).toEqual([w.u.police.id, w.u.justice.id, w.u.coord.id].sort());
    for (const n of votes) expect(n.linkPath).toBe(`/dossiers/${w.dossier.id}/casusoverleg`);

    const invited = await inviteOrganisation(w.u.coord.id, w.dossier.id, {
      sessionId: w.session.id,
      addresseeUserId: w.u.outsider.id,
      reason: 'EXPERTISE',
      reasonNote: 'Deskundig in begeleiding van gezinnen.',
    });
    expect(invited.mail.delivered).toBe(true);
    const [inApp] = await notificationsOf(w.u.outsider.id);
    expect(inApp).toMatchObject({
      kind: 'INVITATION',
      directMail: true,
      linkPath: `/uitnodigingen#uitnodiging-${invited.invitationId}`,
    });
    const only = { userIds: [w.u.outsider.id] };
    await deliverImmediate(db(), new Date(), only);
    await sendDigests(db(), new Date(), only);
    // one mail: the invitation with its calendar file
    const got = await mailsTo(w.u.outsider.id);
    expect(got).toHaveLength(1);
    expect(got[0]!.raw).toMatch(/text\/calendar/);
  });
});

describe('the list in the application (issue 13 §2): one’s own, read and unread', () => {
  it('a user opens only their own notification (marked read, to where it is done) and marks all read', async () => {
    const mine = await notificationsOf(s.users.coordA.id);
    const unreadBefore = await countUnreadNotifications(s.users.coordA.id);
    expect(unreadBefore).toBe(mine.filter((n) => !n.readAt).length);
    expect(unreadBefore).toBeGreaterThanOrEqual(2);
    const list = await listMyNotifications(s.users.coordA.id);
    expect(list.unread).toBe(unreadBefore);
    expect(list.items[0]!.label).toBe('Nieuwe aanmelding om te toetsen');

    const target = mine.find((n) => !n.readAt)!;
    // someone else cannot open (or mark) it: "not found"
    expect(await openNotification(s.users.reprA.id, target.id)).toBeNull();
    expect(await openNotification(s.users.coordA.id, 'geen-id')).toBeNull();
    expect((await db().notification.findUniqueOrThrow({ where: { id: target.id } })).readAt).toBeNull();
    // its recipient follows it: read, and the path to where it is done
    expect(await openNotification(s.users.coordA.id, target.id)).toBe(target.linkPath);
    expect((await db().notification.findUniqueOrThrow({ where: { id: target.id } })).readAt).not.toBeNull();
    expect(await countUnreadNotifications(s.users.coordA.id)).toBe(unreadBefore - 1);

    expect(await markAllNotificationsRead(s.users.coordA.id)).toBe(unreadBefore - 1);
    expect(await countUnreadNotifications(s.users.coordA.id)).toBe(0);
    // the representative's are untouched
    expect(await countUnreadNotifications(s.users.reprA.id)).toBeGreaterThan(0);
    // the access log has the reading and the marking, without content
    const audit = await db().auditEvent.findMany({
      where: { actorUserId: s.users.coordA.id, action: { in: ['notification.read', 'notification.readAll'] } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(['notification.read', 'notification.readAll']);
  });

  it('the DPO, the analyst and the administrator have no notifications to list', async () => {
    for (const who of [s.users.dpo, s.users.analyst, s.users.admin])
      await expect(listMyNotifications(who.id)).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
  });
});
