import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { resetMailTransportForTests } from '@/lib/mail/transport';
import { deliverImmediate } from '@/lib/notifications/deliver';
import { saveReferral } from '@/lib/referrals/save-referral';
import { checkAdmission } from '@/lib/admission/check-admission';
import { decideAdmission } from '@/lib/admission/decide-admission';
import {
  recordAgencyException,
  recordAgencyPosition,
  requestAgencyConsultation,
} from '@/lib/admission/agency-consultation';
import { listRequests } from '@/lib/admission/list-requests';
import { listInbox } from '@/lib/admission/list-inbox';
import { savePartnerInput } from '@/lib/partner-input/save-partner-input';
import { closeInputRound } from '@/lib/partner-input/close-input-round';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { setSafeAddress } from '@/lib/dossiers/set-safe-address';
import { makeOrganisation, makeUser } from '@/prisma/factories';
import { instantToBrussels } from '@/lib/time';
import { appRoleClient, ownerDb } from '../helpers/db';
import { buildScenario, type Scenario } from '../helpers/scenario';
import { asActor, refused } from '../helpers/sql-actor';
import {
  admissionCheck,
  agencyException,
  agencyPosition,
  agencyRequest,
  completeReferral,
  decision,
} from '../helpers/forms';

/**
 * The admission sequence of art. 5 and art. 11 (issue 12 §1, §2; ADR 0031) — the mandated agency
 * deciding along when minors are involved, and the order enforced by the database as the app role.
 */
let s: Scenario;
let client: pg.Client;
let vk: { id: string };
/** staff of the VK of house A (the scenario's `mandated`) and of another VK that is not house A's */
let otherVkStaff: { id: string; organisationId: string };
const REFUSED = /^refused (42501|23514)$|^no rows$/;

beforeAll(async () => {
  s = await buildScenario();
  client = await appRoleClient();
  vk = { id: s.users.mandated.organisationId };
  const otherVk = await makeOrganisation(ownerDb(), { kind: 'VK', corePartnerOf: [s.houseB.id] });
  otherVkStaff = await makeUser(ownerDb(), {
    organisationId: otherVk.id,
    roles: [{ role: 'MANDATED_AGENCY_STAFF', safeHouseId: s.houseB.id }],
  });
});
afterAll(async () => {
  await client.end();
});

const submitWithMinor = (lastName = 'Janssens') =>
  saveReferral(s.users.referrer.id, completeReferral(s.houseA.id, { withMinor: true, lastName }), { mode: 'submit' });

/** checked, all criteria met, round closed early: only the agency's position can still block */
async function readyForDecision() {
  const { dossierId } = await submitWithMinor();
  await checkAdmission(s.users.coordA.id, dossierId, admissionCheck());
  await closeInputRound(s.users.coordA.id, dossierId, { reason: 'Alle kernpartners hebben geantwoord.' });
  return dossierId;
}

describe('art. 5, 2nd para: the mandated agency (VK/OCJ) decides along when minors are involved', () => {
  it('art. 5: the follow-up decision is refused without the agency position when minors are involved', async () => {
    const dossierId = await readyForDecision();
    const err = await decideAdmission(s.users.coordA.id, dossierId, decision()).catch((e) => e);
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toMatch(/gemandateerde voorziening/);
    // asked, not yet answered: still refused
    await requestAgencyConsultation(s.users.coordA.id, dossierId, agencyRequest(vk.id));
    const asked = await decideAdmission(s.users.coordA.id, dossierId, decision()).catch((e) => e);
    expect(asked.code).toBe('VALIDATION');
    await recordAgencyPosition(s.users.mandated.id, dossierId, agencyPosition({ position: 'DISAGREE' }));
    expect((await decideAdmission(s.users.coordA.id, dossierId, decision())).status).toBe('IN_TRAJECTORY');
    const c = await ownerDb().agencyConsultation.findUniqueOrThrow({ where: { dossierId } });
    expect(c).toMatchObject({ respondedByUserId: s.users.mandated.id, position: 'DISAGREE', conferenceNeeded: true });
  });

  it('art. 5: the coordinator asks only the VK/OCJ of the safe house, and only when a minor is involved', async () => {
    const dossierId = await readyForDecision();
    const wrong = await requestAgencyConsultation(
      s.users.coordA.id,
      dossierId,
      agencyRequest(otherVkStaff.organisationId),
    ).catch((e) => e);
    expect(wrong.fieldErrors.organisationId).toBeDefined();
    const police = await requestAgencyConsultation(
      s.users.coordA.id,
      dossierId,
      agencyRequest(s.users.coreStaffA.organisationId),
    ).catch((e) => e);
    expect(police.code).toBe('VALIDATION');
    const adults = await saveReferral(s.users.referrer.id, completeReferral(s.houseA.id), { mode: 'submit' });
    const noMinor = await requestAgencyConsultation(s.users.coordA.id, adults.dossierId, agencyRequest(vk.id)).catch(
      (e) => e,
    );
    expect(noMinor.message).toMatch(/geen minderjarige/);
    await requestAgencyConsultation(s.users.coordA.id, dossierId, agencyRequest(vk.id));
    const twice = await requestAgencyConsultation(s.users.coordA.id, dossierId, agencyRequest(vk.id)).catch((e) => e);
    expect(twice.code).toBe('CONFLICT');
  });

  it('art. 5: agency staff see the referral asked of them — members yes, partner input, assessment and a safe address no — until the decision', async () => {
    const { dossierId } = await submitWithMinor('Peeters');
    const before = await listRequests(s.users.mandated.id);
    expect(before.consultations.map((c) => c.id)).not.toContain(dossierId);
    await expect(getDossier(s.users.mandated.id, dossierId)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await checkAdmission(s.users.coordA.id, dossierId, admissionCheck());
    await savePartnerInput(s.users.coreStaffA.id, dossierId, {
      knownStatus: 'NOT_KNOWN',
      trajectory: '',
      trajectoryProgress: '',
      viewOnFollowUp: 'Traject in het Veilig Huis aangewezen.',
    });
    const victim = await ownerDb().clientMember.findFirstOrThrow({ where: { dossierId, memberRole: 'VICTIM' } });
    await setSafeAddress(s.users.coordA.id, dossierId, victim.id, true);
    await requestAgencyConsultation(s.users.coordA.id, dossierId, agencyRequest(vk.id));

    const list = await listRequests(s.users.mandated.id);
    expect(list.consultations.find((c) => c.id === dossierId)).toMatchObject({ respondedAt: null });
    const view = await getDossier(s.users.mandated.id, dossierId);
    expect(view.relations).toEqual(['mandatedAgency']);
    expect(view.members.map((m) => m.lastName)).toContain('Peeters');
    expect(view.members.find((m) => m.id === victim.id)?.reveal.contact).toBe(false);
    expect(view.inputs).toEqual([]);
    expect(view.assessment).toBeNull();
    expect(view.admissionCheck).toBeNull();
    expect(view.agencyConsultation?.proposedDecision).toBe('START_TRAJECTORY');
    expect(view.can.respond).toBe(true);
    // the database shows them no input and no check either
    for (const table of ['PartnerInput', 'AdmissionCheck', 'AdmissionAssessment']) {
      const r = await asActor(client, s.users.mandated.id, `SELECT 1 FROM "${table}" WHERE "dossierId" = $1`, [
        dossierId,
      ]);
      expect(r.rowCount, table).toBe(0);
    }
    // staff of another agency see nothing of it
    await expect(getDossier(otherVkStaff.id, dossierId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listRequests(otherVkStaff.id)).consultations).toEqual([]);

    await recordAgencyPosition(s.users.mandated.id, dossierId, agencyPosition());
    await closeInputRound(s.users.coordA.id, dossierId, { reason: 'Alle kernpartners hebben geantwoord.' });
    await decideAdmission(s.users.coordA.id, dossierId, decision());
    await expect(getDossier(s.users.mandated.id, dossierId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listRequests(s.users.mandated.id)).consultations.map((c) => c.id)).not.toContain(dossierId);
  });

  it('art. 5: only staff of the agency asked record its position, once; the coordinator cannot type it for them', async () => {
    const dossierId = await readyForDecision();
    await requestAgencyConsultation(s.users.coordA.id, dossierId, agencyRequest(vk.id));
    const incomplete = await recordAgencyPosition(
      s.users.mandated.id,
      dossierId,
      agencyPosition({ positionReasons: '' }),
    ).catch((e) => e);
    expect(incomplete.fieldErrors.positionReasons).toBeDefined();
    for (const other of [s.users.coordA, otherVkStaff, s.users.coreStaffA, s.users.referrer]) {
      await expect(recordAgencyPosition(other.id, dossierId, agencyPosition())).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    await recordAgencyPosition(s.users.mandated.id, dossierId, agencyPosition());
    await expect(recordAgencyPosition(s.users.mandated.id, dossierId, agencyPosition())).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('art. 5: in urgency a documented exception (who, when, how, why) replaces the position — logged and visible', async () => {
    const dossierId = await readyForDecision();
    // an exception needs the agency asked first
    const now = new Date();
    const at = instantToBrussels(now);
    const notAsked = await recordAgencyException(
      s.users.coordA.id,
      dossierId,
      agencyException({ contactedOn: at.date, contactedTime: at.time }),
      now,
    ).catch((e) => e);
    expect(notAsked.code).toBe('CONFLICT');
    await requestAgencyConsultation(s.users.coordA.id, dossierId, agencyRequest(vk.id));
    const future = await recordAgencyException(
      s.users.coordA.id,
      dossierId,
      agencyException({ contactedOn: '2099-01-01', contactedTime: '10:00' }),
    ).catch((e) => e);
    expect(future.fieldErrors.contactedOn).toMatch(/toekomst/);
    const beforeSubmission = await recordAgencyException(
      s.users.coordA.id,
      dossierId,
      agencyException({ contactedOn: '2020-01-01', contactedTime: '10:00' }),
    ).catch((e) => e);
    expect(beforeSubmission.fieldErrors.contactedOn).toMatch(/indiening/);
    const incomplete = await recordAgencyException(s.users.coordA.id, dossierId, agencyException({ reason: '' })).catch(
      (e) => e,
    );
    expect(incomplete.fieldErrors.reason).toBeDefined();
    await recordAgencyException(
      s.users.coordA.id,
      dossierId,
      agencyException({ contactedOn: at.date, contactedTime: at.time }),
      now,
    );
    expect(
      await ownerDb().auditEvent.count({
        where: { dossierId, action: 'admission.consultException', outcome: 'ALLOWED' },
      }),
    ).toBe(1);
    const view = await getDossier(s.users.coordA.id, dossierId);
    expect(view.agencyConsultation).toMatchObject({ exceptionChannel: 'telefoon', respondedAt: null });
    expect(view.agencyConsultation?.exceptionReason).toMatch(/Acuut gevaar/);
    expect((await decideAdmission(s.users.coordA.id, dossierId, decision())).status).toBe('IN_TRAJECTORY');
  });
});

describe('art. 458ter Sw.: who is asked gets a mail that something waits, without case data', () => {
  it('art. 11, art. 5: core-partner staff and the agency asked are mailed a link only', async () => {
    const mails: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, cb) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          mails.push(raw);
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const saved = { SMTP_URL: process.env.SMTP_URL, APP_BASE_URL: process.env.APP_BASE_URL };
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    process.env.APP_BASE_URL = 'https://dossier.veiligehuizen.example';
    resetMailTransportForTests();
    try {
      // what earlier tests left waiting for them goes out first (ADR 0039: the worker mails)
      const only = { userIds: [s.users.coreStaffA.id, s.users.mandated.id] };
      await deliverImmediate(ownerDb(), new Date(), only);
      mails.length = 0;
      const { dossierId } = await submitWithMinor('Mailtest');
      const checked = await checkAdmission(s.users.coordA.id, dossierId, admissionCheck());
      // house A's core-partner staff whose organisation is a core partner: coreStaffA, not coreRoleNonCoreOrg
      expect(checked.notified).toBe(1);
      const asked = await requestAgencyConsultation(s.users.coordA.id, dossierId, agencyRequest(vk.id));
      expect(asked.notified).toBe(1);
      // the worker mails them (ADR 0039: one notification module; "at once" is their default)
      await deliverImmediate(ownerDb(), new Date(), only);
      expect(mails).toHaveLength(2);
      const reference = (await ownerDb().dossier.findUniqueOrThrow({ where: { id: dossierId } })).reference;
      // decode quoted-printable soft line breaks and '=' so the link can be found whole
      for (const raw of mails.map((m) => m.replace(/=\r?\n/g, '').replace(/=3D/gi, '='))) {
        expect(raw).toContain('https://dossier.veiligehuizen.example/meldingen');
        for (const secret of ['Mailtest', reference, 'Els', 'Dirk', 'Mila']) expect(raw).not.toContain(secret);
      }
      expect(mails[0]).toContain(s.users.coreStaffA.email);
      expect(mails[1]).toContain(s.users.mandated.email);
    } finally {
      process.env.SMTP_URL = saved.SMTP_URL;
      if (saved.SMTP_URL === undefined) delete process.env.SMTP_URL;
      process.env.APP_BASE_URL = saved.APP_BASE_URL;
      if (saved.APP_BASE_URL === undefined) delete process.env.APP_BASE_URL;
      resetMailTransportForTests();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});

describe('art. 5, art. 11: the coordinator sees where each referral stands', () => {
  it('art. 5, art. 11: the triage inbox shows the step each referral waits for: check, input round, agency, decision', async () => {
    const fresh = await submitWithMinor('Stap');
    const inRound = await submitWithMinor('Stap');
    await checkAdmission(s.users.coordA.id, inRound.dossierId, admissionCheck());
    const waitingForAgency = await readyForDecision();
    const ready = await readyForDecision();
    await requestAgencyConsultation(s.users.coordA.id, ready, agencyRequest(vk.id));
    await recordAgencyPosition(s.users.mandated.id, ready, agencyPosition());
    const rows = new Map<string, string>();
    for (let pagina = 1; ; pagina++) {
      const page = await listInbox(s.users.coordA.id, { minderjarigen: 'ja', pagina: String(pagina) });
      for (const r of page.rows) rows.set(r.id, r.stage);
      if (page.rows.length < page.pageSize) break;
    }
    expect(rows.get(fresh.dossierId)).toBe('check');
    expect(rows.get(inRound.dossierId)).toBe('inputRound');
    expect(rows.get(waitingForAgency)).toBe('agency');
    expect(rows.get(ready)).toBe('decide');
  });
});

describe('art. 5, art. 11: the database enforces the order (as the app role)', () => {
  const followUp = `WITH a AS (INSERT INTO "AdmissionAssessment" ("dossierId", "safeHouseId", "assessorUserId", "criterion1Met", "criterion1Reason", "criterion2Met",
                    "criterion2Reason", "criterion3Met", "criterion3Reason", "riskLevel", "riskAssessment", "decision", "decisionReasons")
                    VALUES ($1, $2, $3, true, 'x', true, 'x', true, 'x', 'HIGH', 'x', 'START_TRAJECTORY', 'x') RETURNING 1)
                  UPDATE "Dossier" SET "status" = 'IN_TRAJECTORY', "decidedAt" = now(), "decisionReasons" = 'x',
                         "inputClosedAt" = coalesce("inputClosedAt", now()) WHERE "id" = $1 AND EXISTS (SELECT 1 FROM a)`;

  it('art. 11: no follow-up decision while the input round is open, nor without a check', async () => {
    const adults = await saveReferral(s.users.referrer.id, completeReferral(s.houseA.id), { mode: 'submit' });
    const args = [adults.dossierId, s.houseA.id, s.users.coordA.id];
    // no check, no round
    expect(await refused(client, s.users.coordA.id, followUp, args)).toMatch(REFUSED);
    await checkAdmission(s.users.coordA.id, adults.dossierId, admissionCheck());
    // the round is open until its deadline: closing it at the decision without a reason is refused
    expect(await refused(client, s.users.coordA.id, followUp, args)).toMatch(REFUSED);
    // a round is opened once; a decision cannot open it either
    expect(
      await refused(
        client,
        s.users.coordA.id,
        `UPDATE "Dossier" SET "inputDeadline" = now() + interval '1 year' WHERE "id" = $1`,
        [adults.dossierId],
      ),
    ).toMatch(REFUSED);
    // closed early with a reason: allowed
    const ok = await asActor(
      client,
      s.users.coordA.id,
      `UPDATE "Dossier" SET "inputClosedAt" = now(), "inputCloseReason" = 'Dringend.' WHERE "id" = $1`,
      [adults.dossierId],
    );
    expect(ok.rowCount).toBe(1);
  });

  it('art. 5: a round opens only after a check with all criteria met; not admissible only when one is not met', async () => {
    const { dossierId } = await saveReferral(s.users.referrer.id, completeReferral(s.houseA.id), { mode: 'submit' });
    expect(
      await refused(
        client,
        s.users.coordA.id,
        `UPDATE "Dossier" SET "inputRequestedAt" = now(), "inputDeadline" = now() + interval '10 days' WHERE "id" = $1`,
        [dossierId],
      ),
    ).toMatch(REFUSED);
    const notAdmissible = `WITH a AS (INSERT INTO "AdmissionAssessment" ("dossierId", "safeHouseId", "assessorUserId", "criterion1Met", "criterion1Reason", "criterion2Met",
                    "criterion2Reason", "criterion3Met", "criterion3Reason", "riskLevel", "riskAssessment", "decision", "decisionReasons")
                    VALUES ($1, $2, $3, true, 'x', true, 'x', true, 'x', 'HIGH', 'x', 'NOT_ADMISSIBLE', 'x') RETURNING 1)
                  UPDATE "Dossier" SET "status" = 'NOT_ADMISSIBLE', "decidedAt" = now(), "decisionReasons" = 'x', "closedAt" = now(),
                         "retentionYears" = 5, "retentionUntil" = now() + interval '5 years' WHERE "id" = $1 AND EXISTS (SELECT 1 FROM a)`;
    expect(
      await refused(client, s.users.coordA.id, notAdmissible, [dossierId, s.houseA.id, s.users.coordA.id]),
    ).toMatch(REFUSED);
  });

  it('art. 5: with minors the dossier cannot reach a follow-up decision without the agency position or an exception', async () => {
    const dossierId = await readyForDecision();
    const args = [dossierId, s.houseA.id, s.users.coordA.id];
    expect(await refused(client, s.users.coordA.id, followUp, args)).toMatch(REFUSED);
    await requestAgencyConsultation(s.users.coordA.id, dossierId, agencyRequest(vk.id));
    expect(await refused(client, s.users.coordA.id, followUp, args)).toMatch(REFUSED);
    await recordAgencyPosition(s.users.mandated.id, dossierId, agencyPosition());
    expect((await asActor(client, s.users.coordA.id, followUp, args)).rowCount).toBe(1);
  });

  it('art. 5: agency staff write only their own agency\u2019s position; the coordinator only the exception; nobody deletes', async () => {
    const dossierId = await readyForDecision();
    await requestAgencyConsultation(s.users.coordA.id, dossierId, agencyRequest(vk.id));
    const position = `UPDATE "AgencyConsultation" SET "respondedByUserId" = $2, "respondedAt" = now(), "riskView" = 'x', "conferenceNeeded" = true,
                        "conferenceView" = '', "position" = 'AGREE', "positionReasons" = 'x' WHERE "dossierId" = $1`;
    const exception = `UPDATE "AgencyConsultation" SET "exceptionByUserId" = $2, "exceptionRecordedAt" = now(), "exceptionContact" = 'x',
                         "exceptionContactedAt" = now(), "exceptionChannel" = 'x', "exceptionReason" = 'x' WHERE "dossierId" = $1`;
    // the coordinator cannot type the agency's position, not even in their own name or the agency's
    expect(await refused(client, s.users.coordA.id, position, [dossierId, s.users.coordA.id])).toMatch(REFUSED);
    expect(await refused(client, s.users.coordA.id, position, [dossierId, s.users.mandated.id])).toMatch(REFUSED);
    // another agency, a core partner: nothing to change
    expect(await refused(client, otherVkStaff.id, position, [dossierId, otherVkStaff.id])).toMatch(REFUSED);
    expect(await refused(client, s.users.coreStaffA.id, position, [dossierId, s.users.coreStaffA.id])).toMatch(REFUSED);
    // the agency cannot record the coordinator's exception, nor change the question
    expect(await refused(client, s.users.mandated.id, exception, [dossierId, s.users.mandated.id])).toMatch(REFUSED);
    expect(
      await refused(
        client,
        s.users.mandated.id,
        `UPDATE "AgencyConsultation" SET "question" = 'anders' WHERE "dossierId" = $1`,
        [dossierId],
      ),
    ).toMatch(REFUSED);
    expect(
      await refused(client, s.users.coordA.id, `DELETE FROM "AgencyConsultation" WHERE "dossierId" = $1`, [dossierId]),
    ).toMatch(REFUSED);
    // the legitimate writes pass
    expect((await asActor(client, s.users.mandated.id, position, [dossierId, s.users.mandated.id])).rowCount).toBe(1);
    expect((await asActor(client, s.users.coordA.id, exception, [dossierId, s.users.coordA.id])).rowCount).toBe(1);
    // a consultation is asked only of the house's VK/OCJ, by its coordinator
    const ask = `INSERT INTO "AgencyConsultation" ("dossierId", "safeHouseId", "organisationId", "requestedByUserId", "proposedDecision")
                 VALUES ($1, $2, $3, $4, 'START_TRAJECTORY')`;
    const { dossierId: fresh } = await submitWithMinor();
    expect(
      await refused(client, s.users.coordA.id, ask, [
        fresh,
        s.houseA.id,
        s.users.coreStaffA.organisationId,
        s.users.coordA.id,
      ]),
    ).toMatch(REFUSED);
    expect(await refused(client, s.users.mandated.id, ask, [fresh, s.houseA.id, vk.id, s.users.mandated.id])).toMatch(
      REFUSED,
    );
    expect(
      (await asActor(client, s.users.coordA.id, ask, [fresh, s.houseA.id, vk.id, s.users.coordA.id])).rowCount,
    ).toBe(1);
  });

  it('art. 11: partner input is writable only while the round is open, not after its deadline', async () => {
    const { dossierId } = await saveReferral(s.users.referrer.id, completeReferral(s.houseA.id), { mode: 'submit' });
    await checkAdmission(s.users.coordA.id, dossierId, admissionCheck());
    const insert = `INSERT INTO "PartnerInput" ("dossierId", "safeHouseId", "organisationId", "authorUserId", "knownStatus", "viewOnFollowUp")
                    VALUES ($1, $2, $3, $4, 'NOT_KNOWN', 'Visie op de opvolging.')`;
    const args = [dossierId, s.houseA.id, s.users.coreStaffA.organisationId, s.users.coreStaffA.id];
    expect((await asActor(client, s.users.coreStaffA.id, insert, args)).rowCount).toBe(1);
    await ownerDb().dossier.update({
      where: { id: dossierId },
      data: { inputDeadline: new Date(Date.now() - 60_000) },
    });
    expect(await refused(client, s.users.coreStaffA.id, insert, args)).toMatch(REFUSED);
  });
});
