import { beforeAll, describe, expect, it } from 'vitest';
import { saveReferral } from '@/lib/referrals/save-referral';
import { getReferralForEdit } from '@/lib/referrals/get-referral-for-edit';
import { listSafeHouses } from '@/lib/referrals/list-my-referrals';
import { revealPersonalData } from '@/lib/dossiers/reveal-personal-data';
import { listMyReferrals } from '@/lib/referrals/list-my-referrals';
import { decideAdmission } from '@/lib/admission/decide-admission';
import { recordConsultation } from '@/lib/admission/record-consultation';
import { listInbox } from '@/lib/admission/list-inbox';
import { savePartnerInput } from '@/lib/partner-input/save-partner-input';
import { closeInputRound } from '@/lib/partner-input/close-input-round';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { listDossiers } from '@/lib/dossiers/list-dossiers';
import { emptyReferral } from '@/lib/referrals/schemas';
import { makeUser } from '@/prisma/factories';
import { ownerDb } from '../helpers/db';
import { buildScenario, type Scenario } from '../helpers/scenario';
import { completeReferral, consultation, decision } from '../helpers/forms';

let s: Scenario;
let secondPartner: { id: string; organisationId: string };

beforeAll(async () => {
  s = await buildScenario();
  const vkOrg = await ownerDb().corePartnership.findFirstOrThrow({
    where: { safeHouseId: s.houseA.id, organisation: { kind: 'VK' } },
  });
  secondPartner = await makeUser(ownerDb(), {
    organisationId: vkOrg.organisationId,
    roles: [{ role: 'CORE_PARTNER_STAFF', safeHouseId: s.houseA.id }],
  });
});

const submitNew = (opts: Parameters<typeof completeReferral>[1] = {}) =>
  saveReferral(s.users.referrer.id, completeReferral(s.houseA.id, opts), { mode: 'submit' });

describe('referral (art. 11)', () => {
  it('art. 11: a half-filled referral can be saved as a draft and comes back as typed', async () => {
    const values = { ...emptyReferral(s.houseA.id), clientSystemLabel: 'Gezin Half', situation: 'Nog aan te vullen' };
    values.members = [
      { ...values.members[0]!, firstName: 'Jos', lastName: '', dateOfBirth: '', isMinor: '', nationalNumber: '' },
    ];
    const saved = await saveReferral(s.users.referrer.id, values, { mode: 'draft' });
    expect(saved.status).toBe('DRAFT');
    expect(saved.reference).toMatch(/^CONCEPT-/);
    const { values: back, draftDeletedOn } = await getReferralForEdit(s.users.referrer.id, saved.dossierId);
    // GDPR art. 5(1)(e): the referrer sees when an untouched draft is deleted
    expect(draftDeletedOn.getTime()).toBeGreaterThan(Date.now() + 89 * 86_400_000);
    expect(back).toMatchObject({ clientSystemLabel: 'Gezin Half', situation: 'Nog aan te vullen' });
    expect(back.members[0]).toMatchObject({ firstName: 'Jos', lastName: '' });
  });

  it('the referral form is no page for roles that do not refer: DPO, analyst and administrator get 404', async () => {
    for (const u of [s.users.dpo, s.users.analyst, s.users.admin]) {
      await expect(listSafeHouses(u.id)).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
    }
    await expect(listSafeHouses(s.users.referrer.id)).resolves.toEqual(
      expect.arrayContaining([expect.objectContaining({ id: s.houseA.id })]),
    );
  });

  it('art. 15 §1: a national number must be a real date that agrees with the birth date', async () => {
    const values = completeReferral(s.houseA.id);
    values.members[0] = { ...values.members[0]!, dateOfBirth: '1984-05-18' };
    const err = await saveReferral(s.users.referrer.id, values, { mode: 'submit' }).catch((e) => e);
    expect(err).toMatchObject({ code: 'VALIDATION' });
    expect(err.fieldErrors['members.0.nationalNumber']).toMatch(/past niet bij de geboortedatum/);
  });

  it('art. 11: submitting an incomplete referral names every missing field in Dutch', async () => {
    const values = { ...emptyReferral(s.houseA.id), clientSystemLabel: 'Gezin Onvolledig' };
    const err = await saveReferral(s.users.referrer.id, values, { mode: 'submit' }).catch((e) => e);
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors).toMatchObject({
      'members.0.firstName': 'Vul de voornaam in.',
      'members.0.memberRole': 'Kies de rol in het cliëntsysteem.',
      violenceForms: 'Kies minstens één vorm van geweld.',
      riskJudgement: 'Geef je eigen inschatting van het risico.',
      clientInformed: 'Geef aan of het cliëntsysteem op de hoogte is van de aanmelding.',
      'riskAnswers.recentPhysical': 'Beantwoord deze vraag (ja, nee of onbekend).',
    });
  });

  it('art. 11: a national register number with a wrong check digit is refused, also in a draft', async () => {
    const values = completeReferral(s.houseA.id);
    values.members[0]!.nationalNumber = '84.05.17-046.00';
    const err = await saveReferral(s.users.referrer.id, values, { mode: 'draft' }).catch((e) => e);
    expect(err.fieldErrors['members.0.nationalNumber']).toMatch(/controlegetal/);
  });

  it('art. 11: when the client system was not informed, the reason (safety) is required', async () => {
    const values = { ...completeReferral(s.houseA.id), notInformedReason: '' };
    const err = await saveReferral(s.users.referrer.id, values, { mode: 'submit' }).catch((e) => e);
    expect(err.fieldErrors.notInformedReason).toMatch(/waarom/);
  });

  it('art. 11: submission assigns the reference and happens once; the submitted referral is read-only', async () => {
    const draft = await saveReferral(s.users.referrer.id, completeReferral(s.houseA.id), { mode: 'draft' });
    const submitted = await saveReferral(s.users.referrer.id, completeReferral(s.houseA.id), {
      mode: 'submit',
      dossierId: draft.dossierId,
    });
    expect(submitted.reference).toMatch(new RegExp(`^VH-${s.houseA.code}-\\d{4}-\\d{4}$`));
    const again = await saveReferral(s.users.referrer.id, completeReferral(s.houseA.id), {
      mode: 'submit',
      dossierId: draft.dossierId,
    }).catch((e) => e);
    expect(again.code).toBe('CONFLICT');
  });

  it("art. 11: nobody else can edit a referrer's draft, and the coordinator does not see it", async () => {
    const draft = await saveReferral(s.users.referrer.id, completeReferral(s.houseA.id), { mode: 'draft' });
    await expect(getReferralForEdit(s.users.coordA.id, draft.dossierId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      saveReferral(s.users.coordA.id, completeReferral(s.houseA.id), { mode: 'draft', dossierId: draft.dossierId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getDossier(s.users.coordA.id, draft.dossierId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('art. 15: the national register number is stored encrypted with an HMAC, never in plain text', async () => {
    const { dossierId } = await submitNew({ lastName: 'Cryptotest' });
    const rows = await ownerDb().$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM "ClientMember" WHERE "dossierId" = ${dossierId}::uuid AND row_to_json("ClientMember")::text LIKE '%84051704%'`;
    expect(rows[0]!.n).toBe(0);
    const victim = await ownerDb().clientMember.findFirstOrThrow({ where: { dossierId, memberRole: 'VICTIM' } });
    expect(victim.nationalNumberEnc).toMatch(/^v1\./);
    expect(victim.nationalNumberHmac).toMatch(/^[0-9a-f]{64}$/);
    const view = await getDossier(s.users.coordA.id, dossierId);
    const member = view.members.find((m) => m.memberRole === 'VICTIM')!;
    // masked on screen (need to know): revealed only with a reason, which is logged
    expect(JSON.stringify(view)).not.toContain('84.05.17');
    const shown = await revealPersonalData(s.users.coordA.id, {
      dossierId,
      subject: 'member',
      subjectId: member.id,
      field: 'nationalNumber',
      reason: 'Aanvraag bij het parket.',
    });
    expect(shown.value).toMatch(/^84\.05\.17-046\.\d{2}$/);
  });
});

describe('admission check (art. 5)', () => {
  it('art. 5: admission into the Veilig Huis requires all three criteria', async () => {
    const { dossierId } = await submitNew();
    const err = await decideAdmission(s.users.coordA.id, dossierId, decision({ criterion2Met: 'nee' })).catch((e) => e);
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors.decision).toMatch(/alle drie de criteria/);
    // the database refuses it too
    await expect(
      ownerDb().admissionAssessment.create({
        data: {
          dossierId,
          safeHouseId: s.houseA.id,
          assessorUserId: s.users.coordA.id,
          criterion1Met: true,
          criterion1Reason: 'x',
          criterion2Met: false,
          criterion2Reason: 'x',
          criterion3Met: true,
          criterion3Reason: 'x',
          riskLevel: 'LOW',
          riskAssessment: 'x',
          decision: 'START_TRAJECTORY',
          decisionReasons: 'x',
        },
      }),
    ).rejects.toThrow(/AdmissionAssessment_all_criteria_for_trajectory/);
    const ok = await decideAdmission(
      s.users.coordA.id,
      dossierId,
      decision({ criterion2Met: 'nee', decision: 'REFER_TO_REGULAR_CARE' }),
    );
    expect(ok.status).toBe('REFERRED_TO_REGULAR_CARE');
  });

  it('art. 5: each decision needs its reasons', async () => {
    const { dossierId } = await submitNew();
    const err = await decideAdmission(
      s.users.coordA.id,
      dossierId,
      decision({ criterion1Reason: '', decisionReasons: '', criterion3Met: 'nee' }),
    ).catch((e) => e);
    // all problems at once, including the one that spans fields
    expect(Object.keys(err.fieldErrors).sort()).toEqual(['criterion1Reason', 'decision', 'decisionReasons']);
  });

  it('art. 5: minors require mandated-agency consultation before any decision', async () => {
    const { dossierId } = await submitNew({ withMinor: true });
    for (const d of ['START_TRAJECTORY', 'NOT_ADMISSIBLE'] as const) {
      const err = await decideAdmission(s.users.coordA.id, dossierId, decision({ decision: d })).catch((e) => e);
      expect(err.code).toBe('VALIDATION');
      expect(err.message).toMatch(/gemandateerde voorziening/);
    }
    const badConsultation = await recordConsultation(s.users.coordA.id, dossierId, consultation({ view: '' })).catch(
      (e) => e,
    );
    expect(badConsultation.fieldErrors.view).toBeDefined();
    await recordConsultation(s.users.coordA.id, dossierId, consultation());
    expect((await decideAdmission(s.users.coordA.id, dossierId, decision())).status).toBe('IN_TRAJECTORY');
  });

  it('art. 5: a referral is decided once; concurrent decisions leave exactly one', async () => {
    const { dossierId } = await submitNew();
    const results = await Promise.allSettled([
      decideAdmission(s.users.coordA.id, dossierId, decision()),
      decideAdmission(s.users.reprA.id, dossierId, decision({ decision: 'NOT_ADMISSIBLE', criterion1Met: 'nee' })),
      decideAdmission(s.users.coordA.id, dossierId, decision({ decision: 'ATTACH_TO_EXISTING_CARE' })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason.code).toBe('CONFLICT');
    }
    expect(await ownerDb().admissionAssessment.count({ where: { dossierId } })).toBe(1);
    const again = await decideAdmission(s.users.coordA.id, dossierId, decision()).catch((e) => e);
    expect(again.code).toBe('CONFLICT');
  });

  it("art. 5: another safe house's coordinator cannot decide, consult or even see the referral", async () => {
    const { dossierId } = await submitNew();
    await expect(decideAdmission(s.users.coordB.id, dossierId, decision())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(recordConsultation(s.users.coordB.id, dossierId, consultation())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(decideAdmission(s.users.referrer.id, dossierId, decision())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await ownerDb().dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { status: true } })).toEqual({
      status: 'SUBMITTED',
    });
  });
});

describe('core-partner input (art. 11, 2nd para)', () => {
  const input = (over = {}) => ({
    knownStatus: 'KNOWN',
    trajectory: 'Begeleiding sinds 2025.',
    trajectoryProgress: 'Moeizaam.',
    viewOnFollowUp: 'Traject in het Veilig Huis is aangewezen.',
    ...over,
  });

  it('art. 11: only core-partner staff of that safe house add input, attributed to their organisation', async () => {
    const { dossierId } = await submitNew();
    // not yet admitted: no input possible
    await expect(savePartnerInput(s.users.coreStaffA.id, dossierId, input())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await decideAdmission(s.users.coordA.id, dossierId, decision());
    const saved = await savePartnerInput(s.users.coreStaffA.id, dossierId, input());
    const row = await ownerDb().partnerInput.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row).toMatchObject({
      organisationId: s.users.coreStaffA.organisationId,
      authorUserId: s.users.coreStaffA.id,
    });
    // a revision replaces the organisation's input, it does not add a second one
    await savePartnerInput(s.users.coreStaffA.id, dossierId, input({ trajectoryProgress: 'Beter.' }));
    expect(await ownerDb().partnerInput.count({ where: { dossierId } })).toBe(1);
    for (const outsider of [
      s.users.coordB,
      s.users.referrer,
      s.users.coreRoleNonCoreOrg,
      s.users.mandated,
      s.users.admin,
    ]) {
      await expect(savePartnerInput(outsider.id, dossierId, input())).rejects.toMatchObject({
        code: expect.stringMatching(/NOT_FOUND|CONFLICT/),
      });
    }
    expect(await ownerDb().partnerInput.count({ where: { dossierId } })).toBe(1);
  });

  it('art. 11: the coordinator sees all input and which core partners have not answered yet', async () => {
    const { dossierId } = await submitNew();
    await decideAdmission(s.users.coordA.id, dossierId, decision());
    await savePartnerInput(s.users.coreStaffA.id, dossierId, input());
    const before = await getDossier(s.users.coordA.id, dossierId);
    expect(before.inputs).toHaveLength(1);
    expect(before.missingPartners).toHaveLength(1);
    await savePartnerInput(secondPartner.id, dossierId, input({ knownStatus: 'NOT_KNOWN', trajectory: '' }));
    const after = await getDossier(s.users.coordA.id, dossierId);
    expect(after.inputs.map((i) => i.organisationId).sort()).toEqual(
      [s.users.coreStaffA.organisationId, secondPartner.organisationId].sort(),
    );
    expect(after.missingPartners).toEqual([]);
    // each partner sees only their own organisation's input
    const partnerView = await getDossier(secondPartner.id, dossierId);
    expect(partnerView.inputs.map((i) => i.organisationId)).toEqual([secondPartner.organisationId]);
  });

  it('art. 11: the referrer sees the outcome with its reasons, but not the assessment nor the input', async () => {
    const { dossierId } = await submitNew();
    await decideAdmission(
      s.users.coordA.id,
      dossierId,
      decision({ decisionReasons: 'Traject opgestart wegens hoog risico.' }),
    );
    await savePartnerInput(s.users.coreStaffA.id, dossierId, input());
    const view = await getDossier(s.users.referrer.id, dossierId);
    expect(view.dossier.status).toBe('IN_TRAJECTORY');
    expect(view.dossier.decisionReasons).toBe('Traject opgestart wegens hoog risico.');
    expect(view.assessment).toBeNull();
    expect(view.consultations).toEqual([]);
    expect(view.inputs).toEqual([]);
    const mine = await listMyReferrals(s.users.referrer.id);
    expect(mine.find((r) => r.id === dossierId)).toMatchObject({
      status: 'IN_TRAJECTORY',
      decisionReasons: 'Traject opgestart wegens hoog risico.',
    });
  });

  it("art. 11: closing the input round ends the core partners' access to the referral", async () => {
    const { dossierId } = await submitNew();
    await decideAdmission(s.users.coordA.id, dossierId, decision());
    await expect(getDossier(s.users.coreStaffA.id, dossierId)).resolves.toBeTruthy();
    await closeInputRound(s.users.coordA.id, dossierId);
    await expect(getDossier(s.users.coreStaffA.id, dossierId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(savePartnerInput(s.users.coreStaffA.id, dossierId, input())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(closeInputRound(s.users.coordA.id, dossierId)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('triage inbox', () => {
  it('lists only the own safe house, filters by status, minors and risk, sorts by waiting time, with counts', async () => {
    const a = await submitNew({ label: 'Inbox A' });
    const b = await submitNew({ label: 'Inbox B', withMinor: true });
    await saveReferral(s.users.referrer2.id, completeReferral(s.houseB.id, { label: 'Inbox andere huis' }), {
      mode: 'submit',
    });
    const inbox = await listInbox(s.users.coordA.id, {});
    const labels = inbox.rows.map((r) => r.clientSystemLabel);
    expect(labels).toEqual(expect.arrayContaining(['Inbox A', 'Inbox B']));
    expect(labels).not.toContain('Inbox andere huis');
    expect(inbox.rows.every((r) => r.status === 'SUBMITTED')).toBe(true);
    // longest waiting first
    const times = inbox.rows.map((r) => r.submittedAt!.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(inbox.counts.open).toBe(inbox.total);
    const minors = await listInbox(s.users.coordA.id, { minderjarigen: 'ja' });
    expect(minors.rows.map((r) => r.id)).toContain(b.dossierId);
    expect(minors.rows.map((r) => r.id)).not.toContain(a.dossierId);
    expect(minors.total).toBe(inbox.counts.openWithMinors);
    // the number of minors per row, counted for the page's rows only (issue 11 §3)
    expect(minors.rows.find((r) => r.id === b.dossierId)?.minors).toBe(1);
    const rowA =
      inbox.rows.find((r) => r.id === a.dossierId) ??
      (await listInbox(s.users.coordA.id, { sorteer: 'nieuwste' })).rows.find((r) => r.id === a.dossierId);
    expect(rowA?.minors).toBe(0);
    const decided = await listInbox(s.users.coordA.id, { status: 'beslist' });
    expect(decided.total).toBe(inbox.counts.decided);
    const all = await listInbox(s.users.coordA.id, { status: 'alle' });
    expect(all.total).toBe(inbox.counts.open + inbox.counts.decided);
    const low = await listInbox(s.users.coordA.id, { risico: 'LOW' });
    expect(low.rows.map((r) => r.id)).not.toContain(a.dossierId);
    const byRisk = await listInbox(s.users.coordA.id, { sorteer: 'risico' });
    const order = ['ACUTE', 'HIGH', 'ELEVATED', 'LOW'];
    const ranks = byRisk.rows.map((r) => (r.riskJudgement ? order.indexOf(r.riskJudgement) : 99));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    const future = await listInbox(s.users.coordA.id, { vanaf: '2999-01-01' });
    expect(future.total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const todays = await listInbox(s.users.coordA.id, { vanaf: today, tot: today });
    expect(todays.rows.map((r) => r.id)).toEqual(expect.arrayContaining([a.dossierId, b.dossierId]));
    await expect(listInbox(s.users.referrer.id, {})).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
  });

  it('the coordinator list shows the new referral once submitted', async () => {
    const { dossierId } = await submitNew({ label: 'Zichtbaar na indienen' });
    const list = await listDossiers(s.users.coordA.id, {});
    expect(list.allowed && list.rows.map((r) => r.id)).toContain(dossierId);
  });
});
