import { beforeAll, describe, expect, it } from 'vitest';
import { saveReferral } from '@/lib/referrals/save-referral';
import { getReferralForEdit } from '@/lib/referrals/get-referral-for-edit';
import { listSafeHouses } from '@/lib/referrals/list-my-referrals';
import { revealPersonalData } from '@/lib/dossiers/reveal-personal-data';
import { listMyReferrals } from '@/lib/referrals/list-my-referrals';
import { decideAdmission } from '@/lib/admission/decide-admission';
import { checkAdmission } from '@/lib/admission/check-admission';
import { listRequests } from '@/lib/admission/list-requests';
import { withActor } from '@/lib/use-case/kernel';
import { listInbox } from '@/lib/admission/list-inbox';
import { savePartnerInput } from '@/lib/partner-input/save-partner-input';
import { closeInputRound } from '@/lib/partner-input/close-input-round';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { listDossiers } from '@/lib/dossiers/list-dossiers';
import { emptyReferral } from '@/lib/referrals/schemas';
import { makeUser } from '@/prisma/factories';
import { ownerDb } from '../helpers/db';
import { buildScenario, type Scenario } from '../helpers/scenario';
import { admissionCheck, completeReferral, decision } from '../helpers/forms';

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
  it('art. 5: a criterion not met makes the referral not admissible at once, with reasons, and ends it', async () => {
    const { dossierId } = await submitNew();
    // no reasons for "niet ontvankelijk": refused, with the field named
    const err = await checkAdmission(s.users.coordA.id, dossierId, admissionCheck({ criterion2Met: 'nee' })).catch(
      (e) => e,
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors.decisionReasons).toMatch(/niet ontvankelijk/);
    const done = await checkAdmission(
      s.users.coordA.id,
      dossierId,
      admissionCheck({
        criterion2Met: 'nee',
        decisionReasons: 'Eén kernpartner volstaat: geen intersectorale aanpak nodig.',
      }),
    );
    expect(done.status).toBe('NOT_ADMISSIBLE');
    const d = await ownerDb().dossier.findUniqueOrThrow({ where: { id: dossierId } });
    expect(d).toMatchObject({ status: 'NOT_ADMISSIBLE', inputRequestedAt: null });
    expect(d.closedAt).not.toBeNull();
    expect(d.retentionUntil).not.toBeNull();
    expect(await ownerDb().admissionAssessment.findUnique({ where: { dossierId } })).toMatchObject({
      decision: 'NOT_ADMISSIBLE',
      criterion2Met: false,
    });
    // the database refuses a trajectory assessment without all criteria
    await expect(
      ownerDb().admissionAssessment.create({
        data: {
          dossierId: (await submitNew()).dossierId,
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
  });

  it('art. 5: each criterion needs its reason; all met needs a deadline for the input round, not in the past', async () => {
    const { dossierId } = await submitNew();
    const err = await checkAdmission(
      s.users.coordA.id,
      dossierId,
      admissionCheck({ criterion1Reason: '', riskAssessment: '', inputDeadline: '' }),
    ).catch((e) => e);
    expect(Object.keys(err.fieldErrors).sort()).toEqual(['criterion1Reason', 'inputDeadline', 'riskAssessment']);
    const past = await checkAdmission(
      s.users.coordA.id,
      dossierId,
      admissionCheck({ inputDeadline: '2020-01-01' }),
    ).catch((e) => e);
    expect(past.fieldErrors.inputDeadline).toMatch(/verleden/);
    expect(await ownerDb().admissionCheck.count({ where: { dossierId } })).toBe(0);
  });

  it('art. 5: all criteria met opens the input round until the deadline; the dossier stays submitted, checked once', async () => {
    const { dossierId } = await submitNew();
    const r = await checkAdmission(s.users.coordA.id, dossierId, admissionCheck({ inputDeadline: '2099-03-01' }));
    expect(r.status).toBe('SUBMITTED');
    const d = await ownerDb().dossier.findUniqueOrThrow({ where: { id: dossierId } });
    expect(d.status).toBe('SUBMITTED');
    expect(d.inputRequestedAt).not.toBeNull();
    // the end of that day in Brussels
    expect(d.inputDeadline?.toISOString()).toBe('2099-03-01T23:00:00.000Z');
    const again = await checkAdmission(s.users.coordA.id, dossierId, admissionCheck()).catch((e) => e);
    expect(again.code).toBe('CONFLICT');
  });

  it('art. 5: the follow-up decision is refused before the check and while the input round is open', async () => {
    const { dossierId } = await submitNew();
    const before = await decideAdmission(s.users.coordA.id, dossierId, decision()).catch((e) => e);
    expect(before.code).toBe('VALIDATION');
    expect(before.message).toMatch(/criteria van art. 5/);
    await checkAdmission(s.users.coordA.id, dossierId, admissionCheck());
    const during = await decideAdmission(s.users.coordA.id, dossierId, decision()).catch((e) => e);
    expect(during.code).toBe('VALIDATION');
    expect(during.message).toMatch(/kunnen nog aanvullen/);
    // the database refuses it too: the app role cannot skip the round
    expect(await ownerDb().dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { status: true } })).toEqual({
      status: 'SUBMITTED',
    });
    // after the deadline the decision closes the round itself
    const later = new Date(Date.now() + 11 * 86_400_000);
    const ok = await decideAdmission(
      s.users.coordA.id,
      dossierId,
      decision({ decision: 'ATTACH_TO_EXISTING_CARE' }),
      later,
    );
    expect(ok.status).toBe('ATTACHED_TO_EXISTING_CARE');
    const d = await ownerDb().dossier.findUniqueOrThrow({ where: { id: dossierId } });
    expect(d.inputClosedAt?.getTime()).toBe(later.getTime());
    expect(d.inputCloseReason).toBeNull();
  });

  it('art. 11: closing the round early needs a reason, which is recorded and logged; then the decision may follow', async () => {
    const { dossierId } = await submitNew();
    await checkAdmission(s.users.coordA.id, dossierId, admissionCheck());
    const noReason = await closeInputRound(s.users.coordA.id, dossierId, { reason: '' }).catch((e) => e);
    expect(noReason.fieldErrors.reason).toBeDefined();
    await closeInputRound(s.users.coordA.id, dossierId, { reason: 'Acuut gevaar: beslissing kan niet wachten.' });
    const d = await ownerDb().dossier.findUniqueOrThrow({ where: { id: dossierId } });
    expect(d.inputCloseReason).toBe('Acuut gevaar: beslissing kan niet wachten.');
    expect(
      await ownerDb().auditEvent.count({
        where: { dossierId, action: 'partnerInput.closeRound', reason: 'Acuut gevaar: beslissing kan niet wachten.' },
      }),
    ).toBe(1);
    expect((await decideAdmission(s.users.coordA.id, dossierId, decision())).status).toBe('IN_TRAJECTORY');
  });

  it('art. 5: each decision needs its reasons, and "niet ontvankelijk" is no follow-up decision', async () => {
    const { dossierId } = await submitNew();
    const err = await decideAdmission(
      s.users.coordA.id,
      dossierId,
      decision({ decisionReasons: '', decision: 'NOT_ADMISSIBLE' }),
    ).catch((e) => e);
    expect(Object.keys(err.fieldErrors).sort()).toEqual(['decision', 'decisionReasons']);
  });

  it('art. 5: a referral is decided once; concurrent decisions leave exactly one', async () => {
    const { dossierId } = await submitNew();
    await checkAdmission(s.users.coordA.id, dossierId, admissionCheck());
    await closeInputRound(s.users.coordA.id, dossierId, { reason: 'Alle kernpartners hebben geantwoord.' });
    const results = await Promise.allSettled([
      decideAdmission(s.users.coordA.id, dossierId, decision()),
      decideAdmission(s.users.reprA.id, dossierId, decision({ decision: 'REFER_TO_REGULAR_CARE' })),
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

  it("art. 5: another safe house's coordinator cannot check, decide or even see the referral", async () => {
    const { dossierId } = await submitNew();
    await expect(checkAdmission(s.users.coordB.id, dossierId, admissionCheck())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(decideAdmission(s.users.coordB.id, dossierId, decision())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(checkAdmission(s.users.referrer.id, dossierId, admissionCheck())).rejects.toMatchObject({
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

  it('art. 11: core partners write input after the art. 5 check and before the decision, attributed to their organisation', async () => {
    const { dossierId } = await submitNew();
    // not yet checked: no input possible, the referral is not even visible to them
    await expect(savePartnerInput(s.users.coreStaffA.id, dossierId, input())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await checkAdmission(s.users.coordA.id, dossierId, admissionCheck());
    const saved = await savePartnerInput(s.users.coreStaffA.id, dossierId, input());
    const row = await ownerDb().partnerInput.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row).toMatchObject({
      organisationId: s.users.coreStaffA.organisationId,
      authorUserId: s.users.coreStaffA.id,
    });
    expect(await ownerDb().dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { status: true } })).toEqual({
      status: 'SUBMITTED',
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
    // after the deadline: no more input
    const late = await savePartnerInput(
      s.users.coreStaffA.id,
      dossierId,
      input(),
      new Date(Date.now() + 11 * 86_400_000),
    ).catch((e) => e);
    expect(late.code).toBe('CONFLICT');
  });

  it('art. 11: core partners see in their list which referrals await their input and until when', async () => {
    const { dossierId } = await submitNew({ label: 'Wacht op aanvulling' });
    const other = await submitNew({ label: 'Nog niet getoetst' });
    await checkAdmission(s.users.coordA.id, dossierId, admissionCheck({ inputDeadline: '2099-03-01' }));
    const list = await listRequests(s.users.coreStaffA.id);
    const row = list.inputRounds.find((r) => r.id === dossierId);
    expect(row).toMatchObject({ clientSystemLabel: 'Wacht op aanvulling', open: true, answeredAt: null });
    expect(row?.inputDeadline?.toISOString()).toBe('2099-03-01T23:00:00.000Z');
    expect(list.inputRounds.map((r) => r.id)).not.toContain(other.dossierId);
    await savePartnerInput(s.users.coreStaffA.id, dossierId, input());
    const after = await listRequests(s.users.coreStaffA.id);
    expect(after.inputRounds.find((r) => r.id === dossierId)?.answeredAt).not.toBeNull();
    // not a core partner of house A: nothing
    expect((await listRequests(s.users.coreRoleNonCoreOrg.id)).inputRounds).toEqual([]);
    await expect(listRequests(s.users.referrer.id)).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
  });

  it("art. 11: the coordinator sees all input and who has not answered; a partner never sees another partner's input", async () => {
    const { dossierId } = await submitNew();
    await checkAdmission(s.users.coordA.id, dossierId, admissionCheck());
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
    // each partner sees only their own organisation's input — also straight from the database
    const partnerView = await getDossier(secondPartner.id, dossierId);
    expect(partnerView.inputs.map((i) => i.organisationId)).toEqual([secondPartner.organisationId]);
    expect(partnerView.assessment).toBeNull();
    expect(partnerView.admissionCheck).toBeNull();
    const rows = await withActor(secondPartner.id, (tx) => tx.partnerInput.findMany({ where: { dossierId } }));
    expect(rows.map((r) => r.organisationId)).toEqual([secondPartner.organisationId]);
  });

  it('art. 11: the referrer sees the outcome with its reasons, but not the assessment nor the input', async () => {
    const { dossierId } = await submitNew();
    await checkAdmission(s.users.coordA.id, dossierId, admissionCheck());
    await savePartnerInput(s.users.coreStaffA.id, dossierId, input());
    await closeInputRound(s.users.coordA.id, dossierId, { reason: 'Alle kernpartners hebben geantwoord.' });
    await decideAdmission(
      s.users.coordA.id,
      dossierId,
      decision({ decisionReasons: 'Traject opgestart wegens hoog risico.' }),
    );
    const view = await getDossier(s.users.referrer.id, dossierId);
    expect(view.dossier.status).toBe('IN_TRAJECTORY');
    expect(view.dossier.decisionReasons).toBe('Traject opgestart wegens hoog risico.');
    expect(view.assessment).toBeNull();
    expect(view.admissionCheck).toBeNull();
    expect(view.consultations).toEqual([]);
    expect(view.inputs).toEqual([]);
    const mine = await listMyReferrals(s.users.referrer.id);
    expect(mine.find((r) => r.id === dossierId)).toMatchObject({
      status: 'IN_TRAJECTORY',
      decisionReasons: 'Traject opgestart wegens hoog risico.',
    });
  });

  it("art. 11: closing the input round, or the follow-up decision, ends the core partners' access to the referral", async () => {
    const { dossierId } = await submitNew();
    await checkAdmission(s.users.coordA.id, dossierId, admissionCheck());
    await expect(getDossier(s.users.coreStaffA.id, dossierId)).resolves.toBeTruthy();
    await closeInputRound(s.users.coordA.id, dossierId, { reason: 'Alle kernpartners hebben geantwoord.' });
    await expect(getDossier(s.users.coreStaffA.id, dossierId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(savePartnerInput(s.users.coreStaffA.id, dossierId, input())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      closeInputRound(s.users.coordA.id, dossierId, { reason: 'Nog eens afsluiten.' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const second = await submitNew();
    await checkAdmission(s.users.coordA.id, second.dossierId, admissionCheck());
    await expect(getDossier(s.users.coreStaffA.id, second.dossierId)).resolves.toBeTruthy();
    await decideAdmission(s.users.coordA.id, second.dossierId, decision(), new Date(Date.now() + 11 * 86_400_000));
    await expect(getDossier(s.users.coreStaffA.id, second.dossierId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listRequests(s.users.coreStaffA.id)).inputRounds.map((r) => r.id)).not.toContain(second.dossierId);
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
