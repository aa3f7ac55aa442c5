import { describe, expect, it } from 'vitest';
import { addInformationItem } from '@/lib/conferences/add-information-item';
import { getCaseConference } from '@/lib/conferences/get-case-conference';
import { proposeDisclosure } from '@/lib/disclosures/propose-disclosure';
import { castVote } from '@/lib/disclosures/cast-vote';
import { markDisclosureShared } from '@/lib/disclosures/mark-shared';
import { getMemberVoices } from '@/lib/client-voice/get-member-voices';
import { getAccessOverview } from '@/lib/gdpr/access-overview';
import { recordMemberVoice } from '@/lib/client-voice/record-member-voice';
import type { MemberVoiceValues } from '@/lib/client-voice/schemas';
import { ownerDb } from '../helpers/db';
import { consensusWorld, type ConsensusWorld } from '../helpers/consensus-world';

/**
 * Issue 12 §4 (ADR 0037): the client system's voice and rights per member — art. 4 2nd para
 * (informed as far as safety allows), art. 16 (transparency; consent), seed 004 (the member's own
 * view, how it reaches the conference, who informs them afterwards), the minor's own objection to a
 * disclosure, and when, how and by whom a disclosure was given.
 */
const EMPTY: MemberVoiceValues = {
  referralInformed: '',
  referralInformedAt: '',
  referralInformedBy: '',
  referralInformedHow: '',
  referralNotInformedReason: '',
  conferenceInformed: '',
  conferenceInformedAt: '',
  conferenceInformedBy: '',
  conferenceInformedHow: '',
  conferenceNotInformedReason: '',
  consent: '',
  consentAt: '',
  consentNote: '',
  view: '',
  voiceChannel: '',
  representative: '',
  voiceNote: '',
  debriefBy: '',
  debriefAt: '',
};
const voice = (v: Partial<MemberVoiceValues>): MemberVoiceValues => ({ ...EMPTY, ...v });
const child = async (w: ConsensusWorld) =>
  ownerDb().clientMember.findFirstOrThrow({ where: { dossierId: w.dossier.id, isMinor: true } });
const fieldErrorsOf = (p: Promise<unknown>) =>
  p.then(
    () => ({}) as Record<string, string>,
    (e: { code?: string; fieldErrors?: Record<string, string> }) => {
      expect(e.code).toBe('VALIDATION');
      return e.fieldErrors ?? {};
    },
  );

describe('art. 4: each member is informed, or the reason why not is recorded', () => {
  it('art. 4: informed needs when, by whom and how; not informed needs a reason; the future is refused', async () => {
    const w = await consensusWorld();
    const coord = w.u.coord.id;
    const errs = await fieldErrorsOf(
      recordMemberVoice(coord, w.dossier.id, w.victim.id, voice({ referralInformed: 'ja', conferenceInformed: 'nee' })),
    );
    expect(Object.keys(errs).sort()).toEqual([
      'conferenceNotInformedReason',
      'referralInformedAt',
      'referralInformedBy',
      'referralInformedHow',
    ]);
    const future = await fieldErrorsOf(
      recordMemberVoice(
        coord,
        w.dossier.id,
        w.victim.id,
        voice({
          referralInformed: 'ja',
          referralInformedAt: '2099-01-01',
          referralInformedBy: 'X',
          referralInformedHow: 'Y',
        }),
      ),
    );
    expect(future.referralInformedAt).toMatch(/toekomst/);
    expect(await ownerDb().memberVoice.count({ where: { dossierId: w.dossier.id } })).toBe(0);

    await recordMemberVoice(
      coord,
      w.dossier.id,
      w.victim.id,
      voice({
        referralInformed: 'ja',
        referralInformedAt: '2026-11-02',
        referralInformedBy: 'An Aanmelder (CAW)',
        referralInformedHow: 'gesprek',
        conferenceInformed: 'nee',
        conferenceNotInformedReason: 'Veiligheid: de vermoedelijke pleger leest haar berichten mee.',
      }),
    );
    const row = await ownerDb().memberVoice.findUniqueOrThrow({ where: { memberId: w.victim.id } });
    expect(row).toMatchObject({
      referralInformed: true,
      referralInformedBy: 'An Aanmelder (CAW)',
      conferenceInformed: false,
      conferenceInformedAt: null,
      updatedByUserId: coord,
    });
  });

  it('art. 4: the conference warns for every member who was neither informed nor has a recorded reason', async () => {
    const w = await consensusWorld();
    const tim = await child(w);
    let view = await getMemberVoices(w.u.police.id, w.dossier.id);
    expect(view.members.map((m) => m.missing)).toEqual([
      { referral: true, conference: true },
      { referral: true, conference: true },
    ]);
    await recordMemberVoice(
      w.u.police.id,
      w.dossier.id,
      w.victim.id,
      voice({
        referralInformed: 'nee',
        referralNotInformedReason: 'Veiligheid.',
        conferenceInformed: 'ja',
        conferenceInformedAt: '2026-11-20',
        conferenceInformedBy: 'Wijkagent',
        conferenceInformedHow: 'huisbezoek',
      }),
    );
    view = await getMemberVoices(w.u.coord.id, w.dossier.id);
    const byId = new Map(view.members.map((m) => [m.memberId, m]));
    expect(byId.get(w.victim.id)!.missing).toEqual({ referral: false, conference: false });
    // the child has no record: still flagged, also after someone else's record was saved
    expect(byId.get(tim.id)!.missing).toEqual({ referral: true, conference: true });
    expect(byId.get(w.victim.id)!.updatedBy).toBeTruthy();
  });
});

describe('art. 16: consent is asked, given, refused or withdrawn on a date, or why it was not asked', () => {
  it('art. 16: consent states need their date; "not asked" needs the reason; the states are kept', async () => {
    const w = await consensusWorld();
    const coord = w.u.coord.id;
    expect(
      (await fieldErrorsOf(recordMemberVoice(coord, w.dossier.id, w.victim.id, voice({ consent: 'GIVEN' })))).consentAt,
    ).toBeTruthy();
    expect(
      (await fieldErrorsOf(recordMemberVoice(coord, w.dossier.id, w.victim.id, voice({ consent: 'NOT_ASKED' }))))
        .consentNote,
    ).toBeTruthy();
    expect(
      (await fieldErrorsOf(recordMemberVoice(coord, w.dossier.id, w.victim.id, voice({ consent: 'MAYBE' })))).consent,
    ).toBeTruthy();
    for (const consent of ['ASKED', 'GIVEN', 'REFUSED', 'WITHDRAWN'] as const) {
      await recordMemberVoice(coord, w.dossier.id, w.victim.id, voice({ consent, consentAt: '2026-11-15' }));
      expect((await ownerDb().memberVoice.findUniqueOrThrow({ where: { memberId: w.victim.id } })).consent).toBe(
        consent,
      );
    }
    await recordMemberVoice(
      coord,
      w.dossier.id,
      w.victim.id,
      voice({ consent: 'NOT_ASKED', consentAt: '2026-11-15', consentNote: 'Acuut gevaar, geen contact mogelijk.' }),
    );
    const row = await ownerDb().memberVoice.findUniqueOrThrow({ where: { memberId: w.victim.id } });
    expect(row).toMatchObject({ consent: 'NOT_ASKED', consentAt: null });
    expect(await ownerDb().memberVoice.count({ where: { memberId: w.victim.id } })).toBe(1);
  });

  it("seed 004: the member's own view is encrypted at rest and read back; the voice channel needs its person", async () => {
    const w = await consensusWorld();
    expect(
      (
        await fieldErrorsOf(
          recordMemberVoice(w.u.caw.id, w.dossier.id, w.victim.id, voice({ voiceChannel: 'TRUSTED_PERSON' })),
        )
      ).representative,
    ).toBeTruthy();
    const view = 'Ik wil dat mijn kinderen bij mij blijven wonen.';
    await recordMemberVoice(
      w.u.caw.id,
      w.dossier.id,
      w.victim.id,
      voice({
        view,
        voiceChannel: 'TRUSTED_PERSON',
        representative: 'Tante Els (vertrouwenspersoon)',
        debriefBy: 'CAW-begeleider',
        debriefAt: '2026-12-10',
      }),
    );
    const row = await ownerDb().memberVoice.findUniqueOrThrow({ where: { memberId: w.victim.id } });
    expect(row.viewEnc).toMatch(/^v1\./);
    expect(row.viewEnc).not.toContain('kinderen');
    // GDPR art. 15 via art. 16: the access overview of the member shows it too
    const overview = await getAccessOverview(w.u.coord.id, w.victim.id);
    expect(overview.records[0]!.voice).toMatchObject({ view, voiceChannel: 'TRUSTED_PERSON' });
    const read = await getMemberVoices(w.u.justice.id, w.dossier.id);
    expect(read.members.find((m) => m.memberId === w.victim.id)!.values).toMatchObject({
      view,
      representative: 'Tante Els (vertrouwenspersoon)',
      debriefAt: '2026-12-10',
    });
  });
});

describe('art. 4, art. 16: who reads and records a member\u2019s voice', () => {
  it('art. 16: the coordinator and participants record it (logged); an outsider finds nothing; an anonymised expert cannot write', async () => {
    const w = await consensusWorld();
    const saved = await recordMemberVoice(
      w.u.justice.id,
      w.dossier.id,
      w.victim.id,
      voice({ referralInformed: 'nee', referralNotInformedReason: 'Veiligheid.' }),
    );
    const logged = await ownerDb().auditEvent.findFirst({
      where: { action: 'memberVoice.record', objectId: saved.id, outcome: 'ALLOWED' },
    });
    expect(logged).not.toBeNull();
    await expect(getMemberVoices(w.u.outsider.id, w.dossier.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      recordMemberVoice(
        w.u.outsider.id,
        w.dossier.id,
        w.victim.id,
        voice({ consent: 'GIVEN', consentAt: '2026-11-01' }),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // a member of another dossier is refused by name, never written
    const other = await consensusWorld();
    await expect(
      recordMemberVoice(
        w.u.coord.id,
        w.dossier.id,
        other.victim.id,
        voice({ consent: 'GIVEN', consentAt: '2026-11-01' }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    // the justice house was invited for its expertise and sees no identities: reads pseudonyms, writes nothing
    await ownerDb().caseParticipant.update({
      where: { id: w.participations.justice },
      data: { reason: 'EXPERTISE', showIdentity: false },
    });
    const asExpert = await getMemberVoices(w.u.justice.id, w.dossier.id);
    expect(asExpert.canRecord).toBe(false);
    expect(asExpert.members[0]!.label).toMatch(/^Lid 1 /);
    expect(JSON.stringify(asExpert)).not.toContain('Consensus');
    await expect(
      recordMemberVoice(
        w.u.justice.id,
        w.dossier.id,
        w.victim.id,
        voice({ consent: 'GIVEN', consentAt: '2026-11-01' }),
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

const itemAbout = (w: ConsensusWorld, memberId: string) =>
  addInformationItem(w.u.police.id, w.dossier.id, { category: '11', concernsMemberId: memberId, content: 'Afspraak.' });
const proposalTo = (w: ConsensusWorld, memberId: string, itemIds: string[], extra: Record<string, string> = {}) => ({
  kind: 'CLIENT_MEMBER',
  memberId,
  recipient: '',
  itemIds,
  sharerUserId: w.u.caw.id,
  ground: 'SAFETY',
  goalId: '',
  necessity: 'Het lid moet weten wat er afgesproken is voor zijn veiligheid.',
  ...extra,
});

describe("minors: the child's own objection is weighed before information is given to them or to a parent", () => {
  it("art. 14 §2, seed 002: a disclosure to a minor requires the minor's objection, and its weighing when they object", async () => {
    const w = await consensusWorld();
    const tim = await child(w);
    const item = await itemAbout(w, tim.id);
    const none = await fieldErrorsOf(proposeDisclosure(w.u.police.id, w.dossier.id, proposalTo(w, tim.id, [item.id])));
    expect(none.minorObjection).toBeTruthy();
    const notConcerned = await fieldErrorsOf(
      proposeDisclosure(
        w.u.police.id,
        w.dossier.id,
        proposalTo(w, tim.id, [item.id], { minorObjection: 'NOT_CONCERNED' }),
      ),
    );
    expect(notConcerned.minorObjection).toBeTruthy();
    const unweighed = await fieldErrorsOf(
      proposeDisclosure(w.u.police.id, w.dossier.id, proposalTo(w, tim.id, [item.id], { minorObjection: 'OBJECTS' })),
    );
    expect(unweighed.minorObjectionNote).toBeTruthy();
    expect(await ownerDb().disclosureProposal.count({ where: { dossierId: w.dossier.id } })).toBe(0);
    const p = await proposeDisclosure(
      w.u.police.id,
      w.dossier.id,
      proposalTo(w, tim.id, [item.id], {
        minorObjection: 'OBJECTS',
        minorObjectionNote:
          'Tim wil niet dat zijn vader het weet; de afspraak betreft enkel hemzelf en zijn veiligheid weegt door.',
      }),
    );
    expect(await ownerDb().disclosureProposal.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      minorObjection: 'OBJECTS',
      minorObjectionNote: expect.stringMatching(/^Tim wil niet/),
    });
  });

  it("seed 002: a disclosure to a parent in a client system with a minor asks for the child's objection; to another adult it does not", async () => {
    const w = await consensusWorld();
    const parent = await ownerDb().clientMember.create({
      data: { dossierId: w.dossier.id, memberRole: 'PARENT', firstName: 'Paul', lastName: 'Consensus', isMinor: false },
    });
    const item = await itemAbout(w, parent.id);
    const errs = await fieldErrorsOf(
      proposeDisclosure(w.u.police.id, w.dossier.id, proposalTo(w, parent.id, [item.id])),
    );
    expect(errs.minorObjection).toBeTruthy();
    const p = await proposeDisclosure(
      w.u.police.id,
      w.dossier.id,
      proposalTo(w, parent.id, [item.id], { minorObjection: 'NOT_CONCERNED' }),
    );
    expect((await ownerDb().disclosureProposal.findUniqueOrThrow({ where: { id: p.id } })).minorObjection).toBe(
      'NOT_CONCERNED',
    );
    // the victim (an adult, not recorded as a parent) needs no answer about a child
    const victimItem = await itemAbout(w, w.victim.id);
    const q = await proposeDisclosure(w.u.police.id, w.dossier.id, proposalTo(w, w.victim.id, [victimItem.id]));
    expect((await ownerDb().disclosureProposal.findUniqueOrThrow({ where: { id: q.id } })).minorObjection).toBeNull();
  });
});

describe('art. 14 §2, art. 16: when, how and by whom a disclosure was given to a member', () => {
  it('art. 14 §2: the sharer records when and how; not in the future, not before the approval; the case file shows it', async () => {
    const w = await consensusWorld();
    const item = await itemAbout(w, w.victim.id);
    const p = await proposeDisclosure(w.u.police.id, w.dossier.id, proposalTo(w, w.victim.id, [item.id]));
    for (const u of [w.u.police, w.u.justice, w.u.caw, w.u.coord]) await castVote(u.id, p.id, 'AGREE');
    const approved = await ownerDb().disclosureProposal.findUniqueOrThrow({ where: { id: p.id } });
    expect(approved.status).toBe('APPROVED');
    const now = new Date(approved.decidedAt!.getTime() + 2 * 3_600_000);
    const brussels = (d: Date) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Brussels',
        dateStyle: 'short',
        timeStyle: 'short',
      })
        .format(d)
        .replace(' ', 'T');

    const missing = await fieldErrorsOf(markDisclosureShared(w.u.caw.id, p.id, {}, now));
    expect(Object.keys(missing).sort()).toEqual(['memberGivenAt', 'memberGivenHow']);
    const future = await fieldErrorsOf(
      markDisclosureShared(
        w.u.caw.id,
        p.id,
        { memberGivenAt: brussels(new Date(now.getTime() + 3_600_000)), memberGivenHow: 'gesprek' },
        now,
      ),
    );
    expect(future.memberGivenAt).toMatch(/toekomst/);
    const early = await fieldErrorsOf(
      markDisclosureShared(
        w.u.caw.id,
        p.id,
        { memberGivenAt: brussels(new Date(approved.decidedAt!.getTime() - 3_600_000)), memberGivenHow: 'gesprek' },
        now,
      ),
    );
    expect(early.memberGivenAt).toMatch(/goedkeuring/);
    // only the named sharer registers it
    await expect(
      markDisclosureShared(w.u.police.id, p.id, { memberGivenAt: brussels(now), memberGivenHow: 'gesprek' }, now),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await ownerDb().disclosureProposal.findUniqueOrThrow({ where: { id: p.id } })).status).toBe('APPROVED');

    const at = new Date(approved.decidedAt!.getTime() + 3_600_000);
    await markDisclosureShared(
      w.u.caw.id,
      p.id,
      { memberGivenAt: brussels(at), memberGivenHow: 'gesprek op het CAW' },
      now,
    );
    const shared = await ownerDb().disclosureProposal.findUniqueOrThrow({ where: { id: p.id } });
    expect(shared).toMatchObject({ status: 'SHARED', givenByUserId: w.u.caw.id, givenHow: 'gesprek op het CAW' });
    expect(Math.abs(shared.givenAt!.getTime() - at.getTime())).toBeLessThan(60_000);
    const file = await getCaseConference(w.u.justice.id, w.dossier.id);
    expect(file.proposals.find((x) => x.id === p.id)).toMatchObject({
      givenHow: 'gesprek op het CAW',
      givenBy: expect.any(String),
      givenAt: shared.givenAt,
    });
  });
});
