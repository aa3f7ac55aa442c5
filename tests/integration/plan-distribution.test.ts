import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { makeDossier } from '@/prisma/factories';
import { planSession } from '@/lib/conferences/plan-session';
import { openSession } from '@/lib/conferences/open-session';
import { closeSession } from '@/lib/conferences/close-session';
import { inviteOrganisation } from '@/lib/conferences/invite-organisation';
import { respondToInvitation } from '@/lib/conferences/respond-to-invitation';
import { acknowledgeSecrecy } from '@/lib/conferences/acknowledge-secrecy';
import { addDecision, saveMinutes } from '@/lib/conferences/record-conference';
import { recordFeedback } from '@/lib/conferences/record-feedback';
import { getCaseConference } from '@/lib/conferences/get-case-conference';
import { finaliseMinutes } from '@/lib/distribution/finalise-minutes';
import { distributePlan } from '@/lib/distribution/distribute-plan';
import { getPlanDistribution } from '@/lib/distribution/get-plan-distribution';
import { listPlanDeadlines } from '@/lib/distribution/list-plan-deadlines';
import { acknowledgeFeedbackSecrecy, listMyFeedback } from '@/lib/distribution/feedback';
import { listMyReferrals } from '@/lib/referrals/list-my-referrals';
import { brusselsWallClockToInstant } from '@/lib/time';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../helpers/mail-catcher';
import { appRoleClient, ownerDb, testKeys } from '../helpers/db';
import { declareWorld } from '../helpers/scenario';
import { asActor, refused } from '../helpers/sql-actor';

/**
 * Issue 12 §5 (ADR 0036): after a case conference the coordinator finalises the minutes and
 * distributes the plan within 14 working days (seed 004); the referrer reads only the outcome
 * written for them; a case worker reads feedback only after acknowledging the secrecy (art. 12).
 */

const REFUSED = /^refused (42501|23514)$|^no rows$/;
const CLIENT = { first: 'Nadia', last: 'Vandenberghe', label: 'Gezin Vandenberghe' };
// Monday 30 March 2026, 09:30 in Brussels: 14 working days later (Easter Monday not counted) is 20 April
const SESSION_START = brusselsWallClockToInstant('2026-03-30', '09:30');
const SESSION_END = brusselsWallClockToInstant('2026-03-30', '11:00');
const AFTER = brusselsWallClockToInstant('2026-03-30', '15:00');

async function world(opts: { close?: boolean } = {}) {
  const db = ownerDb();
  const role = 'REFERRER' as const;
  const {
    houses: { house },
    users: u,
  } = await declareWorld({
    houses: ['house'],
    organisations: {
      police: { kind: 'POLICE', corePartnerOf: ['house'] },
      justice: { kind: 'JUSTICE_HOUSE' },
      caw: { kind: 'CAW', corePartnerOf: ['house'] },
      agency: { kind: 'AGENCY_JUSTICE_ENFORCEMENT' },
    },
    users: {
      coord: { org: 'agency', role: 'COORDINATOR', house: 'house' },
      police: { org: 'police', role },
      policeWorker: { org: 'police', role },
      justice: { org: 'justice', role },
      referrer: { org: 'caw', role },
      cawStaff: { org: 'caw', role },
    },
  });
  const dossier = await makeDossier(db, testKeys(), {
    safeHouseId: house.id,
    referrerUserId: u.referrer.id,
    referrerOrganisationId: (await db.user.findUniqueOrThrow({ where: { id: u.referrer.id } })).organisationId,
    status: 'IN_TRAJECTORY',
    clientSystemLabel: CLIENT.label,
    members: [{ memberRole: 'VICTIM', firstName: CLIENT.first, lastName: CLIENT.last }],
  });
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const session = await planSession(u.coord.id, {
    date: tomorrow,
    startTime: '09:30',
    endTime: '11:00',
    location: 'Vergaderzaal 2',
    dossierIds: [dossier.id],
  });
  const inviteAs = (addresseeUserId: string) =>
    inviteOrganisation(u.coord.id, dossier.id, {
      sessionId: session.id,
      addresseeUserId,
      reason: 'INVOLVEMENT',
      reasonNote: '',
    });
  // police takes part (as a standing delegate), caw takes part, justice declines
  const invPolice = await inviteAs(u.police.id);
  await respondToInvitation(u.police.id, invPolice.invitationId, {
    answer: 'accept',
    attendeeUserId: u.police.id,
    attendance: 'STANDING_DELEGATE',
    declineNote: '',
  });
  const invCaw = await inviteAs(u.cawStaff.id);
  await respondToInvitation(u.cawStaff.id, invCaw.invitationId, {
    answer: 'accept',
    attendeeUserId: u.cawStaff.id,
    attendance: 'CASE_WORKER',
    declineNote: '',
  });
  const invJustice = await inviteAs(u.justice.id);
  await respondToInvitation(u.justice.id, invJustice.invitationId, {
    answer: 'decline',
    attendeeUserId: '',
    attendance: '',
    declineNote: 'Geen capaciteit',
  });
  for (const who of [u.police.id, u.cawStaff.id]) {
    const p = await db.caseParticipant.findUniqueOrThrow({
      where: { dossierId_userId: { dossierId: dossier.id, userId: who } },
    });
    await acknowledgeSecrecy(who, p.id);
  }
  // the session took place on Monday 30 March 2026 (moved back by the owner, as time passing would)
  await db.conferenceSession.update({
    where: { id: session.id },
    data: { startsAt: SESSION_START, endsAt: SESSION_END },
  });
  // the coordinator opened it and closed it at the end (art. 13; ADR 0033)
  await openSession(u.coord.id, session.id);
  if (opts.close !== false) await closeSession(u.coord.id, session.id);
  const agendaItem = await db.agendaItem.findUniqueOrThrow({
    where: { sessionId_dossierId: { sessionId: session.id, dossierId: dossier.id } },
  });
  await saveMinutes(u.coord.id, dossier.id, agendaItem.id, `Verslag over ${CLIENT.first} ${CLIENT.last}.`);
  return { house, u, dossier, session, agendaItem };
}

let catcher: MailCatcher;
const mails: CaughtMail[] = [];
let client: pg.Client;
beforeAll(async () => {
  catcher = await startMailCatcher(mails);
  client = await appRoleClient();
});
afterAll(async () => {
  await client.end();
  await catcher.stop();
});

const emailOf = async (id: string) => (await ownerDb().user.findUniqueOrThrow({ where: { id } })).email;

describe('seed 004: plan within 14 working days', () => {
  it('seed 004: plan within 14 working days — the deadline counts no weekends or Belgian public holidays', async () => {
    const w = await world();
    const at = (day: string) => brusselsWallClockToInstant(day, '12:00');
    const item = async (now: Date) =>
      (await listPlanDeadlines(w.u.coord.id, { sessionId: w.session.id }, now)).find(
        (i) => i.agendaItemId === w.agendaItem.id,
      );
    // Easter Monday 6 April is not counted: the last day is Monday 20 April, not Friday 17 April
    expect(await item(at('2026-04-01'))).toMatchObject({ deadline: '2026-04-20', state: 'open', finalised: false });
    expect(await item(at('2026-04-15'))).toMatchObject({ state: 'near', workingDaysLeft: 3 });
    expect(await item(at('2026-04-20'))).toMatchObject({ state: 'near', workingDaysLeft: 0 });
    expect(await item(at('2026-04-21'))).toMatchObject({ state: 'missed', workingDaysLeft: -1 });
    // the case workspace shows the same deadline
    const view = await getPlanDistribution(w.u.coord.id, w.dossier.id, at('2026-04-16'));
    expect(view.items[0]).toMatchObject({ id: w.agendaItem.id, deadline: { deadline: '2026-04-20', state: 'near' } });
    // distributed in time: no longer in the coordinator's list
    await finaliseMinutes(w.u.coord.id, w.dossier.id, w.agendaItem.id, { referrerOutcome: '' }, AFTER);
    await distributePlan(w.u.coord.id, w.dossier.id, w.agendaItem.id, at('2026-04-20'));
    expect(await item(at('2026-04-21'))).toBeUndefined();
    const after = await getPlanDistribution(w.u.coord.id, w.dossier.id, at('2026-04-21'));
    expect(after.items[0]!.deadline.state).toBe('distributed');
  });

  it('seed 004: the minutes of a session that is still open cannot be finalised yet', async () => {
    const w = await world({ close: false });
    await expect(
      finaliseMinutes(w.u.coord.id, w.dossier.id, w.agendaItem.id, { referrerOutcome: '' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // and the database refuses it as well
    expect(
      await refused(
        client,
        w.u.coord.id,
        `UPDATE "AgendaItem" SET "finalisedAt" = now(), "finalisedByUserId" = $2 WHERE "id" = $1`,
        [w.agendaItem.id, w.u.coord.id],
      ),
    ).toMatch(REFUSED);
  });
});

describe('finalised minutes are locked (issue 12 §5)', () => {
  it('finalise locks minutes: no more changes or decisions, here and in the database as the app role', async () => {
    const w = await world();
    await finaliseMinutes(w.u.coord.id, w.dossier.id, w.agendaItem.id, { referrerOutcome: '' }, AFTER);
    await expect(saveMinutes(w.u.coord.id, w.dossier.id, w.agendaItem.id, 'Nieuw verslag')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(addDecision(w.u.coord.id, w.dossier.id, w.agendaItem.id, 'Nog een beslissing')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      finaliseMinutes(w.u.coord.id, w.dossier.id, w.agendaItem.id, { referrerOutcome: '' }, AFTER),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const conf = await getCaseConference(w.u.coord.id, w.dossier.id);
    expect(conf.agenda[0]!.finalisedAt).toEqual(AFTER);

    const coord = w.u.coord.id;
    for (const sql of [
      `UPDATE "AgendaItem" SET "minutes" = 'gewijzigd' WHERE "id" = $1`,
      `UPDATE "AgendaItem" SET "finalisedAt" = NULL, "finalisedByUserId" = NULL WHERE "id" = $1`,
      `UPDATE "AgendaItem" SET "minutesUpdatedAt" = now() WHERE "id" = $1`,
    ])
      expect(await refused(client, coord, sql, [w.agendaItem.id])).toMatch(REFUSED);
    expect(
      await refused(
        client,
        coord,
        `INSERT INTO "ConferenceDecision" ("agendaItemId", "dossierId", "safeHouseId", "text", "recordedByUserId") VALUES ($1, $2, $3, 'x', $4)`,
        [w.agendaItem.id, w.dossier.id, w.house.id, coord],
      ),
    ).toMatch(REFUSED);
    // distributing is only for the coordinator themself (not someone else's name), and only once
    expect(
      await refused(
        client,
        coord,
        `UPDATE "AgendaItem" SET "distributedAt" = now(), "distributedByUserId" = $2 WHERE "id" = $1`,
        [w.agendaItem.id, w.u.police.id],
      ),
    ).toMatch(REFUSED);
    // a participant does not finalise or distribute
    await expect(distributePlan(w.u.police.id, w.dossier.id, w.agendaItem.id, AFTER)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await refused(
        client,
        w.u.police.id,
        `UPDATE "AgendaItem" SET "distributedAt" = now(), "distributedByUserId" = $2 WHERE "id" = $1`,
        [w.agendaItem.id, w.u.police.id],
      ),
    ).toMatch(REFUSED);
  });

  it('a plan is distributed only after its minutes are final', async () => {
    const w = await world();
    await expect(distributePlan(w.u.coord.id, w.dossier.id, w.agendaItem.id, AFTER)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('distribution mails (issue 12 §5; seed 000 §5.3.2)', () => {
  it('distribution mails participants and declined invitees without personal data, and never twice', async () => {
    const w = await world();
    const outcome = 'Uw aanmelding is opgenomen in een traject. Wij bellen u volgende week over de volgende stappen.';
    await finaliseMinutes(w.u.coord.id, w.dossier.id, w.agendaItem.id, { referrerOutcome: outcome }, AFTER);
    const before = mails.length;
    const result = await distributePlan(w.u.coord.id, w.dossier.id, w.agendaItem.id, AFTER);
    expect(result.mails.every((m) => m.result.delivered)).toBe(true);
    const sent = mails.slice(before);
    const to = sent.flatMap((m) => m.to).sort();
    // two accepted participants, the invitee who declined, and the referrer (an outcome was written)
    expect(to).toEqual(
      (await Promise.all([w.u.police.id, w.u.cawStaff.id, w.u.justice.id, w.u.referrer.id].map(emailOf))).sort(),
    );
    const reference = w.dossier.reference;
    for (const m of sent) {
      expect(m.raw).not.toContain(CLIENT.first);
      expect(m.raw).not.toContain(CLIENT.last);
      expect(m.raw).not.toContain(reference);
      expect(m.raw).not.toContain('Verslag over');
      expect(m.raw).not.toContain('volgende stappen');
      expect(m.raw).toContain('458ter');
      expect(m.raw).toContain('https://dossier.veiligehuizen.example/');
    }
    const recipients = await ownerDb().planDistributionRecipient.findMany({ where: { agendaItemId: w.agendaItem.id } });
    expect(recipients).toHaveLength(4);
    expect(recipients.every((r) => r.mailSentAt !== null)).toBe(true);
    expect(Object.fromEntries(recipients.map((r) => [r.userId, r.reason]))).toEqual({
      [w.u.police.id]: 'PARTICIPANT',
      [w.u.cawStaff.id]: 'PARTICIPANT',
      [w.u.justice.id]: 'DECLINED',
      [w.u.referrer.id]: 'REFERRER',
    });

    // never twice: a second distribution is refused and mails no one
    const again = mails.length;
    await expect(distributePlan(w.u.coord.id, w.dossier.id, w.agendaItem.id, AFTER)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(mails.length).toBe(again);
    // nor can the app role record a second mail or a recipient of its own
    const r0 = recipients[0]!;
    expect(
      await refused(
        client,
        w.u.coord.id,
        `UPDATE "PlanDistributionRecipient" SET "mailSentAt" = now() WHERE "id" = $1`,
        [r0.id],
      ),
    ).toMatch(REFUSED);
    expect(
      await refused(client, w.u.coord.id, `DELETE FROM "PlanDistributionRecipient" WHERE "id" = $1`, [r0.id]),
    ).toMatch(REFUSED);
    expect(
      await refused(
        client,
        w.u.police.id,
        `INSERT INTO "PlanDistributionRecipient" ("agendaItemId", "dossierId", "safeHouseId", "userId", "reason") VALUES ($1, $2, $3, $4, 'PARTICIPANT')`,
        [w.agendaItem.id, w.dossier.id, w.house.id, w.u.policeWorker.id],
      ),
    ).toMatch(REFUSED);
    // the access log has the distribution and each mail
    const audit = await ownerDb().auditEvent.findMany({
      where: { dossierId: w.dossier.id, action: { in: ['conference.distribute', 'plan.mailSent'] } },
    });
    expect(audit.filter((a) => a.action === 'conference.distribute')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'plan.mailSent')).toHaveLength(4);
  });
});

describe('the referrer reads the outcome, not the content (issue 12 §5)', () => {
  it('referrer sees only the outcome text, and only once the plan is distributed', async () => {
    const w = await world();
    const outcome = 'Opgenomen in een traject. Afgesproken: u blijft aanspreekpunt voor de school.';
    await finaliseMinutes(w.u.coord.id, w.dossier.id, w.agendaItem.id, { referrerOutcome: outcome }, AFTER);
    const mine = async () => (await listMyReferrals(w.u.referrer.id)).find((r) => r.id === w.dossier.id)!;
    expect((await mine()).conferenceOutcomes).toEqual([]);
    // as the app role: not before the distribution
    const q = `SELECT "text" FROM "ReferrerOutcome" WHERE "dossierId" = $1`;
    expect((await asActor(client, w.u.referrer.id, q, [w.dossier.id])).rowCount).toBe(0);

    await distributePlan(w.u.coord.id, w.dossier.id, w.agendaItem.id, AFTER);
    const ref = await mine();
    expect(ref.conferenceOutcomes).toEqual([{ text: outcome, sharedAt: AFTER }]);
    expect(JSON.stringify(ref)).not.toContain('Verslag over');
    expect((await asActor(client, w.u.referrer.id, q, [w.dossier.id])).rows).toEqual([{ text: outcome }]);
    // the minutes, decisions and recipients stay out of the referrer's reach
    for (const sql of [
      `SELECT "minutes" FROM "AgendaItem" WHERE "dossierId" = $1`,
      `SELECT 1 FROM "ConferenceDecision" WHERE "dossierId" = $1`,
      `SELECT 1 FROM "PlanDistributionRecipient" WHERE "dossierId" = $1 AND "userId" <> (SELECT app_user_id())`,
      `SELECT 1 FROM "Goal" WHERE "dossierId" = $1`,
    ])
      expect((await asActor(client, w.u.referrer.id, sql, [w.dossier.id])).rowCount).toBe(0);
    // another user of the referrer's organisation does not read it
    expect((await asActor(client, w.u.cawStaff.id, q, [w.dossier.id])).rowCount).toBe(0);
    // the shared outcome no longer changes
    expect(
      await refused(client, w.u.coord.id, `UPDATE "ReferrerOutcome" SET "text" = 'anders' WHERE "dossierId" = $1`, [
        w.dossier.id,
      ]),
    ).toMatch(REFUSED);
    expect(
      await refused(client, w.u.coord.id, `UPDATE "ReferrerOutcome" SET "sharedAt" = now() WHERE "dossierId" = $1`, [
        w.dossier.id,
      ]),
    ).toMatch(REFUSED);
  });
});

describe('feedback behind the secrecy (art. 12, 4th para; art. 458ter §2 Sw.)', () => {
  it('art. 12: case worker reads feedback only after acknowledging the secrecy', async () => {
    const w = await world();
    const note = `Besproken: ${CLIENT.first} verhuist naar een veilig adres.`;
    const before = mails.length;
    const { id } = await recordFeedback(w.u.police.id, w.dossier.id, {
      caseWorkerUserId: w.u.policeWorker.id,
      givenAt: '2026-03-31',
      note,
    });
    // one mail to the case worker, without personal data or content
    const sent = mails.slice(before);
    expect(sent.map((m) => m.to)).toEqual([[await emailOf(w.u.policeWorker.id)]]);
    expect(sent[0]!.raw).not.toContain(CLIENT.first);
    expect(sent[0]!.raw).not.toContain(w.dossier.reference);
    expect(sent[0]!.raw).toContain('458ter');

    // the notice is there, the note is not
    const list = await listMyFeedback(w.u.policeWorker.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id, acknowledgedAt: null, note: null });
    const q = `SELECT "note" FROM "FeedbackNote" WHERE "feedbackRecordId" = $1`;
    expect((await asActor(client, w.u.policeWorker.id, q, [id])).rowCount).toBe(0);
    // nor can the case worker skip the acknowledgement or give it for someone else
    await expect(acknowledgeFeedbackSecrecy(w.u.policeWorker.id, id, { bevestig: [] })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(acknowledgeFeedbackSecrecy(w.u.justice.id, id, { bevestig: ['ja'] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await refused(
        client,
        w.u.justice.id,
        `UPDATE "FeedbackRecord" SET "secrecyAcknowledgedAt" = now() WHERE "id" = $1`,
        [id],
      ),
    ).toMatch(REFUSED);

    await acknowledgeFeedbackSecrecy(w.u.policeWorker.id, id, { bevestig: ['ja'] });
    const after = await listMyFeedback(w.u.policeWorker.id);
    expect(after[0]).toMatchObject({ id, note });
    expect(after[0]!.acknowledgedAt).toBeInstanceOf(Date);
    expect((await asActor(client, w.u.policeWorker.id, q, [id])).rows).toEqual([{ note }]);
    await expect(acknowledgeFeedbackSecrecy(w.u.policeWorker.id, id, { bevestig: ['ja'] })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // the acknowledgement is not undone, and logged, as is each reading of the note
    expect(
      await refused(
        client,
        w.u.policeWorker.id,
        `UPDATE "FeedbackRecord" SET "secrecyAcknowledgedAt" = NULL WHERE "id" = $1`,
        [id],
      ),
    ).toMatch(REFUSED);
    const audit = await ownerDb().auditEvent.findMany({
      where: { actorUserId: w.u.policeWorker.id, objectId: id },
      select: { action: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(['feedback.acknowledge', 'feedback.read']);
    // other participants of the case see that feedback was given, not the note
    const conf = await getCaseConference(w.u.cawStaff.id, w.dossier.id);
    expect(conf.feedback).toHaveLength(1);
    expect(conf.feedback[0]!.note).toBe('');
    expect((await asActor(client, w.u.cawStaff.id, q, [id])).rowCount).toBe(0);
    // the delegate who wrote it does
    expect((await asActor(client, w.u.police.id, q, [id])).rows).toEqual([{ note }]);
  });
});
