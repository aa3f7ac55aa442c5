import { beforeAll, describe, expect, it } from 'vitest';
import { countMyWork, listMyWork, type MyWork } from '@/lib/work/list-my-work';
import { WORK_SOURCES } from '@/lib/work/sources';
import { getShell } from '@/lib/navigation/get-shell';
import { ownerDb } from '../helpers/db';
import { buildScenario, makeSessionWithAgenda, type Scenario, type UserKey } from '../helpers/scenario';

/**
 * Issue 13 §1 "Mijn werk" (ADR 0038): each kind of waiting work appears for the person it waits
 * for, and never for someone who may not see it (art. 458ter Sw.: secrecy per case; the policy of
 * lib/access/policy.ts and row-level security). The counts in the menu equal the lists' lengths.
 */
let s: Scenario;
const ids: Record<string, string> = {};
const day = (offset: number) =>
  new Date(`${new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`);

beforeAll(async () => {
  s = await buildScenario();
  const db = ownerDb();
  const u = s.users;
  const trajectory = s.dossiers.trajectoryA;
  // a session of the case in trajectory that began an hour ago: its plan waits to be sent (seed 004)
  const { session, agendaItem } = await makeSessionWithAgenda(trajectory, u.coordA.id);
  ids.agendaItem = agendaItem.id;
  // an invitation to a later session, addressed to the referrer (no case content before accepting)
  const later = await makeSessionWithAgenda(trajectory, u.coordA.id, {
    startsAt: new Date(Date.now() + 5 * 86_400_000),
    state: 'PLANNED',
  });
  ids.invitation = (
    await db.caseInvitation.create({
      data: {
        dossierId: trajectory.id,
        safeHouseId: s.houseA.id,
        sessionId: later.session.id,
        organisationId: u.referrer.organisationId,
        addresseeUserId: u.referrer.id,
        reason: 'EXPERTISE',
        invitedByUserId: u.coordA.id,
      },
    })
  ).id;
  // an open disclosure proposal and an open retention extension, frozen voters: the chair and the participant
  const proposal = await db.disclosureProposal.create({
    data: {
      dossierId: trajectory.id,
      safeHouseId: s.houseA.id,
      kind: 'REPORTING_DUTY',
      recipient: 'Procureur des Konings',
      proposedByUserId: u.participant.id,
      sharerUserId: u.participant.id,
      ground: 'SAFETY',
      necessity: 'Veiligheid',
      agendaItemId: agendaItem.id,
    },
  });
  ids.proposal = proposal.id;
  const extension = await db.retentionExtension.create({
    data: {
      dossierId: trajectory.id,
      safeHouseId: s.houseA.id,
      years: 20,
      ground: 'VERY_SERIOUS_FACTS',
      proposedByUserId: u.coordA.id,
      agendaItemId: agendaItem.id,
    },
  });
  ids.extension = extension.id;
  for (const [user, capacity] of [
    [u.coordA, 'CHAIR'],
    [u.participant, 'PARTICIPANT'],
  ] as const) {
    const voter = {
      dossierId: trajectory.id,
      safeHouseId: s.houseA.id,
      userId: user.id,
      organisationId: user.organisationId,
      capacity,
    };
    await db.disclosureVoter.create({ data: { proposalId: proposal.id, ...voter } });
    await db.retentionVoter.create({ data: { extensionId: extension.id, ...voter } });
  }
  // actions: one of the participant (overdue), one of their organisation without a person (due soon)
  const goal = await db.goal.create({
    data: { dossierId: trajectory.id, safeHouseId: s.houseA.id, title: 'Veiligheid', createdByUserId: u.coordA.id },
  });
  const action = (data: { ownerUserId: string | null; dueDate: Date }) =>
    db.planAction.create({
      data: {
        goalId: goal.id,
        dossierId: trajectory.id,
        safeHouseId: s.houseA.id,
        description: 'Huisbezoek',
        ownerOrganisationId: u.participant.organisationId,
        ...data,
      },
    });
  ids.overdueAction = (await action({ ownerUserId: u.participant.id, dueDate: day(-3) })).id;
  ids.orgAction = (await action({ ownerUserId: null, dueDate: day(2) })).id;
  // house B hands a referral to house A: house A's coordinators accept it
  ids.transfer = (
    await db.transferRequest.create({
      data: {
        dossierId: s.dossiers.submittedB.id,
        reference: s.dossiers.submittedB.reference,
        fromSafeHouseId: s.houseB.id,
        toSafeHouseId: s.houseA.id,
        reason: 'Verhuisd',
        requestedByUserId: u.coordB.id,
      },
    })
  ).id;
  // feedback from the participant (a standing delegate) to the referrer as case worker
  ids.feedback = (
    await db.feedbackRecord.create({
      data: {
        dossierId: trajectory.id,
        safeHouseId: s.houseA.id,
        delegateUserId: u.participant.id,
        caseWorkerUserId: u.referrer.id,
        givenAt: new Date(),
      },
    })
  ).id;
  expect(session.id).toBeTruthy();
}, 120_000);

const work = new Map<UserKey, MyWork>();
async function workOf(user: UserKey): Promise<MyWork> {
  if (!work.has(user)) work.set(user, await listMyWork(s.users[user].id));
  return work.get(user)!;
}
/** The ids per section key of what waits for `user`. */
async function idsOf(user: UserKey): Promise<Record<string, string[]>> {
  return Object.fromEntries((await workOf(user)).sections.map((x) => [x.key, x.items.map((i) => i.id)]));
}
const ALL: UserKey[] = [
  'coordA',
  'reprA',
  'coordB',
  'referrer',
  'referrer2',
  'coreStaffA',
  'coreRoleNonCoreOrg',
  'participant',
  'participantNotAcknowledged',
  'participantLeft',
  'mandated',
  'admin',
  'dpo',
  'analyst',
];
/** Who, of all scenario users, has `id` under section `key`. */
async function whoSees(key: string, id: string): Promise<UserKey[]> {
  const out: UserKey[] = [];
  for (const user of ALL) if ((await idsOf(user))[key]?.includes(id)) out.push(user);
  return out;
}

describe('Mijn werk: each kind of work reaches exactly the person it waits for', () => {
  it('art. 11: a referral to triage — the coordinators of its safe house only', async () => {
    expect(await whoSees('triage', s.dossiers.submittedA.id)).toEqual(['coordA', 'reprA']);
    expect(await whoSees('triage', s.dossiers.submittedB.id)).toEqual(['coordB']);
    const line = (await workOf('coordA')).sections.find((x) => x.key === 'triage')!.items[0]!;
    expect(line.href).toBe(`/dossiers/${s.dossiers.submittedA.id}#toetsing`);
    // a reference at most: never the client system's name
    expect(JSON.stringify(await workOf('coordA'))).not.toContain(s.secretName);
  });

  it('art. 11, 2nd para: an open input round — staff of a core partner of that house, until their organisation answered', async () => {
    expect(await whoSees('inputRounds', s.dossiers.submittedA.id)).toEqual(['coreStaffA']);
    const line = (await workOf('coreStaffA')).sections.find((x) => x.key === 'inputRounds')!.items[0]!;
    expect(line.due).toBe(s.dossiers.submittedA.inputDeadline!.toISOString());
    expect(line.href).toBe(`/dossiers/${s.dossiers.submittedA.id}#aanvullingen`);
  });

  it('art. 5, 2nd para: a consultation asked of a mandated agency — its staff only', async () => {
    const consultation = await ownerDb().agencyConsultation.findUniqueOrThrow({
      where: { dossierId: s.dossiers.submittedA.id },
    });
    expect(await whoSees('consultations', consultation.id)).toEqual(['mandated']);
  });

  it('art. 12: an invitation to answer — its addressee only, without the case reference', async () => {
    expect(await whoSees('invitations', ids.invitation!)).toEqual(['referrer']);
    const line = (await workOf('referrer')).sections.find((x) => x.key === 'invitations')!.items[0]!;
    expect(line.label).not.toContain(s.dossiers.trajectoryA.reference);
    expect(line.href).toBe(`/uitnodigingen#uitnodiging-${ids.invitation}`);
  });

  it('art. 458ter §2 Sw.: the secrecy acknowledgement — the accepted participant who has not acknowledged', async () => {
    const p = await ownerDb().caseParticipant.findFirstOrThrow({
      where: { userId: s.users.participantNotAcknowledged.id },
    });
    expect(await whoSees('secrecy', p.id)).toEqual(['participantNotAcknowledged']);
  });

  it('art. 14 §2 and art. 15 §3: an open vote — the frozen voters who can still vote and have not', async () => {
    expect(await whoSees('votes', ids.proposal!)).toEqual(['coordA', 'participant']);
    expect(await whoSees('votes', ids.extension!)).toEqual(['coordA', 'participant']);
    const hrefs = (await workOf('participant')).sections.find((x) => x.key === 'votes')!.items.map((i) => i.href);
    expect(hrefs).toContain(`/dossiers/${s.dossiers.trajectoryA.id}/casusoverleg#voorstel-${ids.proposal}`);
    // once voted, it no longer waits for them
    await ownerDb().disclosureVote.create({
      data: {
        proposalId: ids.proposal!,
        dossierId: s.dossiers.trajectoryA.id,
        safeHouseId: s.houseA.id,
        userId: s.users.participant.id,
        vote: 'AGREE',
      },
    });
    const after = await listMyWork(s.users.participant.id);
    expect(after.sections.find((x) => x.key === 'votes')!.items.map((i) => i.id)).toEqual([ids.extension]);
    work.set('participant', after);
  });

  it('memorandum art. 15: actions — the owner person, or the participants of the owner organisation; overdue and due soon marked', async () => {
    expect(await whoSees('actions', ids.overdueAction!)).toEqual(['participant']);
    // participantNotAcknowledged and participantLeft are of the same organisation, but not (or no longer) in the case
    expect(await whoSees('actions', ids.orgAction!)).toEqual(['participant']);
    const items = (await workOf('participant')).sections.find((x) => x.key === 'actions')!.items;
    expect(items.map((i) => [i.id, i.urgency])).toEqual([
      [ids.overdueAction, 'overdue'],
      [ids.orgAction, 'soon'],
    ]);
  });

  it('seed 004: a plan to finalise and send — the coordinators of the safe house', async () => {
    expect(await whoSees('planDeadlines', ids.agendaItem!)).toEqual(['coordA', 'reprA']);
  });

  it('art. 15 §1, 7°: a transfer to accept — the receiving safe house, not the sending one', async () => {
    expect(await whoSees('transfers', ids.transfer!)).toEqual(['coordA', 'reprA']);
  });

  it('art. 12, 4th para: feedback to read — the case worker it is for, until acknowledged', async () => {
    expect(await whoSees('feedback', ids.feedback!)).toEqual(['referrer']);
  });

  it('roles without client work (DPO, analyst, functional administrator) get a page, not an error, and nothing waits', async () => {
    for (const user of ['dpo', 'analyst', 'admin'] as const) {
      const w = await workOf(user);
      expect(w).toMatchObject({ clientWork: false, total: 0 });
      expect(w.sections.every((x) => x.count === 0)).toBe(true);
      expect(await countMyWork(s.users[user].id)).toEqual({ total: 0, byNav: {} });
    }
  });
});

describe('Mijn werk: the counts in the menu', () => {
  it('equal the lengths of the lists, per menu item and in total, for every user', async () => {
    for (const user of ALL) {
      const w = await listMyWork(s.users[user].id);
      const counts = await countMyWork(s.users[user].id);
      for (const x of w.sections) expect(x.count, `${user} ${x.key}`).toBe(x.items.length);
      expect(counts.total, user).toBe(w.sections.reduce((n, x) => n + x.items.length, 0));
      const byNav: Record<string, number> = {};
      for (const x of w.sections) if (x.navHref && x.count > 0) byNav[x.navHref] = (byNav[x.navHref] ?? 0) + x.count;
      expect(Object.fromEntries(Object.entries(counts.byNav).filter(([, n]) => n > 0)), user).toEqual(byNav);
    }
    // the coordinator has work of four kinds waiting
    expect((await listMyWork(s.users.coordA.id)).sections.filter((x) => x.count > 0).map((x) => x.key)).toEqual([
      'triage',
      'votes',
      'planDeadlines',
      'transfers',
    ]);
  });

  it('every count-bearing section points at a menu item the person has', async () => {
    for (const user of ALL) {
      const nav = (await getShell(s.users[user].id)).nav.map((n) => n.href);
      expect(nav[0], user).toBe('/');
      for (const x of (await workOf(user)).sections)
        if (x.count > 0 && x.navHref) expect(nav, `${user} ${x.key}`).toContain(x.navHref);
    }
  });

  it('each source is one entry with a unique key', () => {
    const keys = WORK_SOURCES.map((x) => x.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reading Mijn werk is one access-log row, without dossier content', async () => {
    const before = await ownerDb().auditEvent.count({ where: { actorUserId: s.users.coordA.id, action: 'work.list' } });
    await listMyWork(s.users.coordA.id);
    const rows = await ownerDb().auditEvent.findMany({
      where: { actorUserId: s.users.coordA.id, action: 'work.list' },
      select: { objectType: true, dossierId: true },
    });
    expect(rows.length).toBe(before + 1);
    expect(rows.every((r) => r.objectType === 'WorkList' && r.dossierId === null)).toBe(true);
  });
});

describe('Mijn werk: a vote waits only while it can be cast', () => {
  it('art. 13: outside an open session of the case, an open proposal is not listed (a vote would be refused)', async () => {
    expect((await listMyWork(s.users.coordA.id)).sections.find((x) => x.key === 'votes')!.count).toBe(2);
    await ownerDb().conferenceSession.updateMany({
      where: { agenda: { some: { dossierId: s.dossiers.trajectoryA.id } }, state: 'OPEN' },
      data: { state: 'CLOSED', closedAt: new Date(), closedByUserId: s.users.coordA.id },
    });
    expect((await listMyWork(s.users.coordA.id)).sections.find((x) => x.key === 'votes')!.count).toBe(0);
    expect((await countMyWork(s.users.coordA.id)).total).toBe(
      (await listMyWork(s.users.coordA.id)).sections.reduce((n, x) => n + x.count, 0),
    );
  });
});
