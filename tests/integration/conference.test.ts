import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDossier } from '@/prisma/factories';
import { planSession } from '@/lib/conferences/plan-session';
import { openSession } from '@/lib/conferences/open-session';
import { inviteOrganisation } from '@/lib/conferences/invite-organisation';
import { respondToInvitation } from '@/lib/conferences/respond-to-invitation';
import { acknowledgeSecrecy, leaveCase } from '@/lib/conferences/acknowledge-secrecy';
import { addInformationItem } from '@/lib/conferences/add-information-item';
import { getCaseConference } from '@/lib/conferences/get-case-conference';
import { setIdentityVisibility } from '@/lib/conferences/record-conference';
import { addGoal, closePlanAction } from '@/lib/plan/manage-plan';
import { recordFeedback } from '@/lib/conferences/record-feedback';
import { downloadConferencePdf } from '@/lib/conferences/download-pdf';
import { proposeDisclosure } from '@/lib/disclosures/propose-disclosure';
import { castVote, withdrawDisclosure } from '@/lib/disclosures/cast-vote';
import { markDisclosureShared } from '@/lib/disclosures/mark-shared';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { withActor } from '@/lib/use-case/kernel';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../helpers/mail-catcher';
import { ownerDb, testKeys } from '../helpers/db';
import { declareWorld } from '../helpers/scenario';
import { instantToBrussels } from '@/lib/time';
/** When and how the sharer gave the information: now, in a conversation (ADR 0037). */
const givenNow = () => {
  const b = instantToBrussels(new Date());
  return { memberGivenAt: `${b.date}T${b.time}`, memberGivenHow: 'gesprek' };
};

/** A case conference in a fresh safe house: coordinator, three organisations, an expert. */
async function world() {
  const db = ownerDb();
  const role = 'REFERRER' as const;
  const {
    houses: { house },
    orgs: { police, justice, caw, expertOrg },
    users: u,
  } = await declareWorld({
    houses: ['house'],
    organisations: {
      police: { kind: 'POLICE', corePartnerOf: ['house'] },
      justice: { kind: 'JUSTICE_HOUSE' },
      caw: { kind: 'CAW', corePartnerOf: ['house'] },
      expertOrg: { kind: 'MENTAL_HEALTH_CARE' },
      agency: { kind: 'AGENCY_JUSTICE_ENFORCEMENT' },
    },
    users: {
      coord: { org: 'agency', role: 'COORDINATOR', house: 'house' },
      policeContact: { org: 'police', role },
      policeDelegate: { org: 'police', role },
      policeWorker: { org: 'police', role },
      justice: { org: 'justice', role },
      caw: { org: 'caw', role },
      expert: { org: 'expertOrg', role },
    },
  });
  const keys = testKeys();
  const by = { referrerUserId: u.caw.id, referrerOrganisationId: caw.id };
  const caseA = await makeDossier(db, keys, {
    safeHouseId: house.id,
    ...by,
    status: 'IN_TRAJECTORY',
    clientSystemLabel: 'Gezin Vandenberghe',
    members: [
      { memberRole: 'VICTIM', firstName: 'Nadia', lastName: 'Vandenberghe' },
      { memberRole: 'ALLEGED_PERPETRATOR', firstName: 'Marc', lastName: 'Vandenberghe' },
    ],
  });
  const caseB = await makeDossier(db, keys, {
    safeHouseId: house.id,
    ...by,
    status: 'IN_TRAJECTORY',
    clientSystemLabel: 'Gezin Lambrecht',
    members: [{ memberRole: 'VICTIM', firstName: 'Ines', lastName: 'Lambrecht' }],
  });
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const session = await planSession(u.coord.id, {
    date: tomorrow,
    startTime: '09:30',
    endTime: '11:00',
    location: 'Vergaderzaal 2',
    dossierIds: [caseA.id, caseB.id],
  });
  // the coordinator opens it: information and votes only during an open session (art. 13)
  await openSession(u.coord.id, session.id);
  const members = await db.clientMember.findMany({ where: { dossierId: caseA.id }, orderBy: { memberRole: 'asc' } });
  const victim = members.find((m) => m.memberRole === 'VICTIM')!;
  const perpetrator = members.find((m) => m.memberRole === 'ALLEGED_PERPETRATOR')!;
  return { house, orgs: { police, justice, caw, expertOrg }, u, caseA, caseB, session, victim, perpetrator };
}
type World = Awaited<ReturnType<typeof world>>;

// The organisation is derived from the addressee; `org` documents which one is invited.
const invite = (
  w: World,
  _org: { id: string },
  addressee: { id: string },
  reason: 'INVOLVEMENT' | 'EXPERTISE',
  dossierId = w.caseA.id,
) =>
  inviteOrganisation(w.u.coord.id, dossierId, {
    sessionId: w.session.id,
    addresseeUserId: addressee.id,
    reason,
    reasonNote: '',
  });
const accept = (
  userId: string,
  invitationId: string,
  attendeeUserId: string,
  attendance: 'CASE_WORKER' | 'STANDING_DELEGATE' = 'CASE_WORKER',
) => respondToInvitation(userId, invitationId, { answer: 'accept', attendeeUserId, attendance, declineNote: '' });

async function participationOf(userId: string, dossierId: string) {
  return ownerDb().caseParticipant.findUniqueOrThrow({ where: { dossierId_userId: { dossierId, userId } } });
}

/** Invites, accepts and acknowledges: the user becomes a full participant of case A. */
async function join(
  w: World,
  org: { id: string },
  user: { id: string },
  reason: 'INVOLVEMENT' | 'EXPERTISE' = 'INVOLVEMENT',
) {
  const inv = await invite(w, org, user, reason);
  await accept(user.id, inv.invitationId, user.id);
  await acknowledgeSecrecy(user.id, (await participationOf(user.id, w.caseA.id)).id);
}

let catcher: MailCatcher;
const mails: CaughtMail[] = [];
beforeAll(async () => {
  catcher = await startMailCatcher(mails);
});
afterAll(async () => {
  await catcher.stop();
});

describe('invitations and participants (art. 12)', () => {
  it('art. 12: the invitation mail carries only a link and a calendar file — no personal data', async () => {
    const w = await world();
    const before = mails.length;
    const inv = await invite(w, w.orgs.police, w.u.policeContact, 'INVOLVEMENT');
    expect(inv.mail).toMatchObject({ delivered: true });
    // decode quoted-printable soft line breaks and '=' so the link can be found whole
    const raw = mails
      .slice(before)
      .map((m) => m.raw)
      .join('\n')
      .replace(/=\r?\n/g, '')
      .replace(/=3D/gi, '=');
    expect(raw).toContain('BEGIN:VCALENDAR');
    expect(raw).toContain(`/uitnodigingen#uitnodiging-${inv.invitationId}`);
    for (const secret of ['Vandenberghe', 'Nadia', w.caseA.reference, 'Lambrecht']) expect(raw).not.toContain(secret);
    expect(
      (await ownerDb().caseInvitation.findUniqueOrThrow({ where: { id: inv.invitationId } })).mailSentAt,
    ).not.toBeNull();
  });

  it('art. 12: participation is free — a declined invitation makes no participant', async () => {
    const w = await world();
    const inv = await invite(w, w.orgs.justice, w.u.justice, 'INVOLVEMENT');
    await respondToInvitation(w.u.justice.id, inv.invitationId, {
      answer: 'decline',
      attendeeUserId: '',
      attendance: '',
      declineNote: 'Geen betrokkenheid meer.',
    });
    expect(await ownerDb().caseParticipant.count({ where: { dossierId: w.caseA.id, userId: w.u.justice.id } })).toBe(0);
    await expect(accept(w.u.justice.id, inv.invitationId, w.u.justice.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('art. 12: the invited organisation names who attends; only the addressee answers, only with a colleague', async () => {
    const w = await world();
    const inv = await invite(w, w.orgs.police, w.u.policeContact, 'INVOLVEMENT');
    await expect(accept(w.u.justice.id, inv.invitationId, w.u.justice.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(accept(w.u.policeContact.id, inv.invitationId, w.u.justice.id)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await accept(w.u.policeContact.id, inv.invitationId, w.u.policeDelegate.id, 'STANDING_DELEGATE');
    const p = await participationOf(w.u.policeDelegate.id, w.caseA.id);
    expect(p).toMatchObject({
      attendance: 'STANDING_DELEGATE',
      organisationId: w.orgs.police.id,
      secrecyAcknowledgedAt: null,
    });
  });

  it('art. 14 §1: before acknowledging the secrecy a participant sees nothing of the case', async () => {
    const w = await world();
    const inv = await invite(w, w.orgs.justice, w.u.justice, 'INVOLVEMENT');
    await accept(w.u.justice.id, inv.invitationId, w.u.justice.id);
    await expect(getCaseConference(w.u.justice.id, w.caseA.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getDossier(w.u.justice.id, w.caseA.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const p = await participationOf(w.u.justice.id, w.caseA.id);
    await acknowledgeSecrecy(w.u.justice.id, p.id);
    expect((await participationOf(w.u.justice.id, w.caseA.id)).secrecyAcknowledgedAt).toBeInstanceOf(Date);
    const view = await getCaseConference(w.u.justice.id, w.caseA.id);
    expect(view.dossier.label).toBe('Gezin Vandenberghe');
  });

  it('art. 9: a participant of case A sees nothing of case B on the same agenda', async () => {
    const w = await world();
    await join(w, w.orgs.justice, w.u.justice);
    await expect(getCaseConference(w.u.justice.id, w.caseB.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getDossier(w.u.justice.id, w.caseB.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // the second wall: even an unscoped query returns only case A's agenda item and members
    const seen = await withActor(w.u.justice.id, async (tx) => ({
      agenda: await tx.agendaItem.findMany({ where: { sessionId: w.session.id }, select: { dossierId: true } }),
      members: await tx.clientMember.findMany({ where: { lastName: 'Lambrecht' } }),
    }));
    expect(seen.agenda.map((a) => a.dossierId)).toEqual([w.caseA.id]);
    expect(seen.members).toEqual([]);
  });

  it('memorandum art. 12: an expert sees the case pseudonymised unless a reason to show identity is recorded', async () => {
    const w = await world();
    await join(w, w.orgs.expertOrg, w.u.expert, 'EXPERTISE');
    const view = await getCaseConference(w.u.expert.id, w.caseA.id);
    expect(view.pseudonymised).toBe(true);
    expect(JSON.stringify(view)).not.toContain('Vandenberghe');
    const dossierView = await getDossier(w.u.expert.id, w.caseA.id);
    expect(JSON.stringify(dossierView.members)).not.toContain('Nadia');
    const p = await participationOf(w.u.expert.id, w.caseA.id);
    await expect(setIdentityVisibility(w.u.coord.id, w.caseA.id, p.id, true, '')).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    // the expert cannot lift it themself, not even with a direct update (database trigger)
    await expect(
      withActor(w.u.expert.id, (tx) =>
        tx.caseParticipant.update({ where: { id: p.id }, data: { showIdentity: true } }),
      ),
    ).rejects.toThrow();
    await setIdentityVisibility(
      w.u.coord.id,
      w.caseA.id,
      p.id,
      true,
      'Inschatting van hechting vraagt de gezinscontext.',
    );
    expect((await getCaseConference(w.u.expert.id, w.caseA.id)).dossier.label).toBe('Gezin Vandenberghe');
  });

  it('art. 12: a standing delegate records feedback to a case worker of their organisation', async () => {
    const w = await world();
    const inv = await invite(w, w.orgs.police, w.u.policeContact, 'INVOLVEMENT');
    await accept(w.u.policeContact.id, inv.invitationId, w.u.policeDelegate.id, 'STANDING_DELEGATE');
    await acknowledgeSecrecy(w.u.policeDelegate.id, (await participationOf(w.u.policeDelegate.id, w.caseA.id)).id);
    await recordFeedback(w.u.policeDelegate.id, w.caseA.id, {
      caseWorkerUserId: w.u.policeWorker.id,
      givenAt: '2026-11-22',
      note: '',
    });
    const rec = await ownerDb().feedbackRecord.findFirstOrThrow({ where: { dossierId: w.caseA.id } });
    expect(rec).toMatchObject({ delegateUserId: w.u.policeDelegate.id, caseWorkerUserId: w.u.policeWorker.id });
    await expect(
      recordFeedback(w.u.policeDelegate.id, w.caseA.id, {
        caseWorkerUserId: w.u.justice.id,
        givenAt: '2026-11-22',
        note: '',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await join(w, w.orgs.justice, w.u.justice);
    await expect(
      recordFeedback(w.u.justice.id, w.caseA.id, { caseWorkerUserId: w.u.justice.id, givenAt: '2026-11-22', note: '' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('information and consensus-gated disclosure (art. 13, 14)', () => {
  async function threeParticipants() {
    const w = await world();
    await join(w, w.orgs.police, w.u.policeContact);
    await join(w, w.orgs.justice, w.u.justice);
    await join(w, w.orgs.caw, w.u.caw);
    const aboutVictim = await addInformationItem(w.u.policeContact.id, w.caseA.id, {
      category: '9',
      concernsMemberId: w.victim.id,
      content: 'Klacht neergelegd op 3/11.',
    });
    const aboutPerp = await addInformationItem(w.u.justice.id, w.caseA.id, {
      category: '9',
      concernsMemberId: w.perpetrator.id,
      content: 'Voorwaarden: contactverbod.',
    });
    return { w, aboutVictim, aboutPerp };
  }
  const proposal = (w: World, itemIds: string[], over: Partial<Parameters<typeof proposeDisclosure>[2]> = {}) => ({
    kind: 'CLIENT_MEMBER',
    memberId: w.victim.id,
    recipient: '',
    itemIds,
    sharerUserId: w.u.caw.id,
    ground: 'SAFETY',
    goalId: '',
    necessity: 'Het slachtoffer moet weten dat er een contactverbod is.',
    ...over,
  });

  it('art. 13: information is attributed to the organisation and tagged with its art. 15 category', async () => {
    const { w, aboutVictim } = await threeParticipants();
    const item = await ownerDb().informationItem.findUniqueOrThrow({ where: { id: aboutVictim.id } });
    expect(item).toMatchObject({ organisationId: w.orgs.police.id, category: 9, concernsMemberId: w.victim.id });
    await expect(
      addInformationItem(w.u.justice.id, w.caseA.id, { category: '15', concernsMemberId: '', content: 'x y z' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      addInformationItem(w.u.coord.id, w.caseB.id, {
        category: '1',
        concernsMemberId: w.victim.id,
        content: 'verkeerd lid',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('art. 14 §2: information given to a member must concern only that member', async () => {
    const { w, aboutVictim, aboutPerp } = await threeParticipants();
    const err = await proposeDisclosure(w.u.justice.id, w.caseA.id, proposal(w, [aboutVictim.id, aboutPerp.id])).catch(
      (e) => e,
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors.itemIds).toMatch(/1 gekozen informatie-item/);
    const general = await addInformationItem(w.u.justice.id, w.caseA.id, {
      category: '11',
      concernsMemberId: '',
      content: 'Algemene inschatting.',
    });
    await expect(proposeDisclosure(w.u.justice.id, w.caseA.id, proposal(w, [general.id]))).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(proposeDisclosure(w.u.justice.id, w.caseA.id, proposal(w, [aboutVictim.id]))).resolves.toBeTruthy();
  });

  it('art. 14 §2: all participants must agree; only then may the named participant mark it as shared', async () => {
    const { w, aboutPerp } = await threeParticipants();
    const p = await proposeDisclosure(
      w.u.justice.id,
      w.caseA.id,
      proposal(w, [aboutPerp.id], { memberId: w.perpetrator.id, sharerUserId: w.u.justice.id }),
    );
    await expect(markDisclosureShared(w.u.justice.id, p.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await castVote(w.u.justice.id, p.id, 'AGREE')).status).toBe('OPEN');
    expect((await castVote(w.u.policeContact.id, p.id, 'AGREE')).status).toBe('OPEN');
    expect((await castVote(w.u.caw.id, p.id, 'AGREE')).status).toBe('OPEN');
    // the coordinator who chairs the session is a participant in the sense of art. 14 §2
    expect((await castVote(w.u.coord.id, p.id, 'AGREE')).status).toBe('APPROVED');
    await expect(markDisclosureShared(w.u.caw.id, p.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(markDisclosureShared(w.u.coord.id, p.id)).rejects.toMatchObject({
      code: expect.stringMatching(/CONFLICT|NOT_FOUND/),
    });
    await markDisclosureShared(w.u.justice.id, p.id, givenNow());
    expect(await ownerDb().disclosureProposal.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      status: 'SHARED',
      givenByUserId: w.u.justice.id,
      givenHow: 'gesprek',
    });
    const log = await ownerDb().auditEvent.findMany({
      where: { objectId: p.id, outcome: 'ALLOWED' },
      orderBy: { seq: 'asc' },
      select: { action: true },
    });
    expect(log.map((l) => l.action)).toEqual([
      'disclosure.propose',
      'disclosure.vote.agree',
      'disclosure.vote.agree',
      'disclosure.vote.agree',
      'disclosure.vote.agree',
      'disclosure.approved',
      'disclosure.shared',
    ]);
  });

  it('art. 14 §2: one objection blocks the disclosure for good', async () => {
    const { w, aboutVictim } = await threeParticipants();
    const p = await proposeDisclosure(w.u.policeContact.id, w.caseA.id, proposal(w, [aboutVictim.id]));
    await castVote(w.u.policeContact.id, p.id, 'AGREE');
    expect((await castVote(w.u.justice.id, p.id, 'OBJECT')).status).toBe('BLOCKED');
    await expect(castVote(w.u.caw.id, p.id, 'AGREE')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(markDisclosureShared(w.u.caw.id, p.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('art. 14 §2: concurrent votes are never lost or counted twice', async () => {
    const { w, aboutVictim } = await threeParticipants();
    const p = await proposeDisclosure(w.u.policeContact.id, w.caseA.id, proposal(w, [aboutVictim.id]));
    const voters = [w.u.policeContact, w.u.justice, w.u.caw, w.u.coord];
    const results = await Promise.allSettled([...voters, ...voters].map((u) => castVote(u.id, p.id, 'AGREE')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    expect(await ownerDb().disclosureVote.count({ where: { proposalId: p.id } })).toBe(4);
    expect(await ownerDb().disclosureProposal.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      status: 'APPROVED',
    });
  });

  it('art. 14 §2: a participant who left cannot vote, and leaving never approves — the proposal can only be withdrawn', async () => {
    const { w, aboutVictim } = await threeParticipants();
    const p = await proposeDisclosure(w.u.policeContact.id, w.caseA.id, proposal(w, [aboutVictim.id]));
    await castVote(w.u.policeContact.id, p.id, 'AGREE');
    await castVote(w.u.caw.id, p.id, 'AGREE');
    await castVote(w.u.coord.id, p.id, 'AGREE');
    await leaveCase(w.u.justice.id, (await participationOf(w.u.justice.id, w.caseA.id)).id);
    await expect(castVote(w.u.justice.id, p.id, 'OBJECT')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await ownerDb().disclosureProposal.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      status: 'OPEN',
    });
    const view = await getCaseConference(w.u.coord.id, w.caseA.id);
    expect(view.proposals.find((x) => x.id === p.id)).toMatchObject({ unreachable: true, canVote: false });
    await expect(markDisclosureShared(w.u.caw.id, p.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await withdrawDisclosure(w.u.policeContact.id, p.id);
    expect(await ownerDb().disclosureProposal.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      status: 'WITHDRAWN',
    });
    // proposed again, the leaver is no longer among those who must agree
    const again = await proposeDisclosure(w.u.policeContact.id, w.caseA.id, proposal(w, [aboutVictim.id]));
    for (const u of [w.u.policeContact, w.u.caw, w.u.coord]) await castVote(u.id, again.id, 'AGREE');
    expect(await ownerDb().disclosureProposal.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({
      status: 'APPROVED',
    });
  });

  it('art. 14 §2 2nd para: sharing under a reporting duty also needs exactly which information and consensus', async () => {
    const { w, aboutVictim, aboutPerp } = await threeParticipants();
    await expect(
      proposeDisclosure(
        w.u.justice.id,
        w.caseA.id,
        proposal(w, [aboutVictim.id], { kind: 'REPORTING_DUTY', memberId: '', recipient: '' }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    const goal = await addGoal(w.u.coord.id, w.caseA.id, 'Veiligheid van het slachtoffer verzekeren');
    const p = await proposeDisclosure(
      w.u.justice.id,
      w.caseA.id,
      proposal(w, [aboutVictim.id, aboutPerp.id], {
        kind: 'REPORTING_DUTY',
        memberId: '',
        recipient: 'Opdrachtgever: strafuitvoeringsrechtbank',
        sharerUserId: w.u.justice.id,
        ground: 'ACTION_PLAN_GOAL',
        goalId: goal.id,
      }),
    );
    await castVote(w.u.justice.id, p.id, 'AGREE');
    await castVote(w.u.policeContact.id, p.id, 'AGREE');
    await expect(markDisclosureShared(w.u.justice.id, p.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await castVote(w.u.caw.id, p.id, 'AGREE');
    await expect(markDisclosureShared(w.u.justice.id, p.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await castVote(w.u.coord.id, p.id, 'AGREE');
    await markDisclosureShared(w.u.justice.id, p.id);
  });

  it('art. 14 §2: the coordinator does not propose but votes as chair; non-participants cannot vote', async () => {
    const { w, aboutVictim } = await threeParticipants();
    // proposing is never the coordinator's (no relation of theirs allows it): "not found", logged as denied (ADR 0024)
    await expect(proposeDisclosure(w.u.coord.id, w.caseA.id, proposal(w, [aboutVictim.id]))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const p = await proposeDisclosure(w.u.caw.id, w.caseA.id, proposal(w, [aboutVictim.id]));
    expect(
      await ownerDb().disclosureVoter.findMany({
        where: { proposalId: p.id },
        orderBy: { capacity: 'asc' },
        select: { userId: true, capacity: true },
      }),
    ).toEqual(
      expect.arrayContaining([
        { userId: w.u.coord.id, capacity: 'CHAIR' },
        { userId: w.u.justice.id, capacity: 'PARTICIPANT' },
      ]),
    );
    await expect(castVote(w.u.expert.id, p.id, 'AGREE')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // the coordinator's objection blocks like any participant's
    expect((await castVote(w.u.coord.id, p.id, 'OBJECT')).status).toBe('BLOCKED');
  });

  it('impossible session dates and times are refused at the field: 30 February, 25:00, the year 2999', async () => {
    const { w } = await threeParticipants();
    const plan = (date: string, startTime = '09:00') =>
      planSession(w.u.coord.id, {
        date,
        startTime,
        endTime: '23:30',
        location: 'Zaal 1',
        dossierIds: [w.caseA.id],
      }).catch((e) => e);
    expect((await plan('2027-02-30')).fieldErrors.date).toMatch(/bestaat niet/);
    expect((await plan('2027-02-10', '25:00')).fieldErrors.startTime).toMatch(/bestaand uur/);
    expect((await plan('2999-01-01')).fieldErrors.date).toMatch(/twee jaar/);
  });

  it('a malformed id or a forged bound argument is refused cleanly: 404 for a dossier (logged), a Dutch message for an action', async () => {
    const { w } = await threeParticipants();
    await expect(getCaseConference(w.u.coord.id, "x' OR '1'='1")).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await ownerDb().auditEvent.count({
        where: { actorUserId: w.u.coord.id, outcome: 'DENIED', objectId: "x' OR '1'='1" },
      }),
    ).toBe(1);
    await expect(
      closePlanAction(w.u.coord.id, w.caseA.id, 'geen-uuid', { outcome: 'DONE', note: '' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      closePlanAction(w.u.coord.id, w.caseA.id, crypto.randomUUID(), { outcome: 'ja', note: '' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('art. 13: the minutes and action plan download as a watermarked PDF, and the download is logged', async () => {
    const { w } = await threeParticipants();
    const { pdf, filename } = await downloadConferencePdf(w.u.justice.id, w.caseA.id);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(filename).toBe(`verslag-${w.caseA.reference}.pdf`);
    expect(
      await ownerDb().auditEvent.count({
        where: { actorUserId: w.u.justice.id, action: 'conference.downloadPdf', dossierId: w.caseA.id },
      }),
    ).toBe(1);
    await expect(downloadConferencePdf(w.u.expert.id, w.caseA.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
