import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { makeDossier, makeOrganisation, makeSafeHouse, makeUser } from '@/prisma/factories';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { revealPersonalData } from '@/lib/dossiers/reveal-personal-data';
import { setSafeAddress } from '@/lib/dossiers/set-safe-address';
import { getCaseConference } from '@/lib/conferences/get-case-conference';
import { addInformationItem } from '@/lib/conferences/add-information-item';
import { inviteOrganisation } from '@/lib/conferences/invite-organisation';
import { closeDossier } from '@/lib/closure/close-dossier';
import { encryptField } from '@/lib/crypto/fields';
import { makeNationalNumber } from '@/lib/validation/national-number';
import { appRoleClient, ownerDb, testKeys } from '../helpers/db';
import { asActor } from '../helpers/sql-actor';
import { consensusWorld } from '../helpers/consensus-world';

let client: pg.Client;
beforeAll(async () => {
  client = await appRoleClient();
});
afterAll(async () => {
  await client.end();
});

/** A case in trajectory whose victim has a national number and contact data; participants as in consensusWorld. */
async function world() {
  const w = await consensusWorld();
  const nn = makeNationalNumber(new Date(Date.UTC(1990, 1, 14)), 321);
  await ownerDb().clientMember.update({
    where: { id: w.victim.id },
    data: {
      nationalNumberEnc: encryptField(testKeys(), nn),
      contactEnc: encryptField(testKeys(), 'Vluchthuisstraat 9, 2000 Antwerpen, 0470 12 34 56'),
    },
  });
  return { ...w, nn };
}
const reveal = (
  userId: string,
  dossierId: string,
  subjectId: string,
  field: 'nationalNumber' | 'contact',
  reason = 'Nodig voor de melding bij de politie.',
) => revealPersonalData(userId, { dossierId, subject: 'member', subjectId, field, reason });

describe('need to know inside a case (DOMAIN.md §3)', () => {
  it('need to know: national numbers and contact data are masked for everyone; a reveal needs a reason and is logged on its own', async () => {
    const w = await world();
    for (const user of [w.u.coord, w.u.police]) {
      const view = await getDossier(user.id, w.dossier.id);
      const text = JSON.stringify(view);
      expect(text).not.toContain('Vluchthuisstraat');
      expect(text).not.toMatch(/90\.02\.14/);
      expect(view.members.find((m) => m.id === w.victim.id)).toMatchObject({
        hasNationalNumber: true,
        reveal: { nationalNumber: true, contact: true },
      });
    }
    const noReason = await reveal(w.u.police.id, w.dossier.id, w.victim.id, 'nationalNumber', '').catch((e) => e);
    expect(noReason).toMatchObject({ code: 'VALIDATION' });
    expect((await reveal(w.u.police.id, w.dossier.id, w.victim.id, 'nationalNumber')).value).toMatch(
      /^90\.02\.14-321\.\d{2}$/,
    );
    const event = await ownerDb().auditEvent.findFirstOrThrow({
      where: { action: 'personalData.reveal', objectId: w.victim.id },
    });
    expect(event).toMatchObject({
      actorUserId: w.u.police.id,
      dossierId: w.dossier.id,
      reason: 'Nodig voor de melding bij de politie.',
      purpose: 'needToKnow',
      objectType: 'ClientMember.nationalNumber',
    });
  });

  it('need to know: a "veilig adres" is shown to the coordinator only — not to a participant, not even with a reason', async () => {
    const w = await world();
    await setSafeAddress(w.u.coord.id, w.dossier.id, w.victim.id, true);
    await expect(setSafeAddress(w.u.police.id, w.dossier.id, w.victim.id, false)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const view = await getDossier(w.u.police.id, w.dossier.id);
    expect(view.members.find((m) => m.id === w.victim.id)).toMatchObject({
      safeAddress: true,
      reveal: { contact: false, nationalNumber: true },
    });
    await expect(reveal(w.u.police.id, w.dossier.id, w.victim.id, 'contact')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/Veilig adres/),
    });
    expect((await reveal(w.u.coord.id, w.dossier.id, w.victim.id, 'contact')).value).toContain('Vluchthuisstraat');
    expect(
      await ownerDb().auditEvent.count({
        where: { action: 'personalData.reveal', objectId: w.victim.id, actorUserId: w.u.police.id },
      }),
    ).toBe(0);
  });

  it('need to know: an expert reads the referral and the conference without any member name', async () => {
    const w = await world();
    await ownerDb().referral.update({
      where: { dossierId: w.dossier.id },
      data: { situation: 'Sara Consensus belde de politie; Tim was erbij. Gezin Consensus is gekend.' },
    });
    const expertOrg = await makeOrganisation(ownerDb(), { kind: 'MENTAL_HEALTH_CARE' });
    const expert = await makeUser(ownerDb(), { organisationId: expertOrg.id, roles: [{ role: 'REFERRER' }] });
    await ownerDb().caseParticipant.create({
      data: {
        dossierId: w.dossier.id,
        safeHouseId: w.house.id,
        organisationId: expertOrg.id,
        userId: expert.id,
        attendance: 'CASE_WORKER',
        reason: 'EXPERTISE',
        acceptedAt: new Date(),
        secrecyAcknowledgedAt: new Date(),
      },
    });
    await addInformationItem(w.u.police.id, w.dossier.id, {
      category: '11',
      concernsMemberId: '',
      content: 'Sara consensus vertelde over Tim.',
    });
    const dossierView = await getDossier(expert.id, w.dossier.id);
    expect(dossierView.referral!.situation).toMatch(
      new RegExp(
        `^Lid [12] belde de politie; Lid [12] was erbij\\. Cliëntsysteem ${w.dossier.reference} is gekend\\.$`,
      ),
    );
    const conference = JSON.stringify(await getCaseConference(expert.id, w.dossier.id));
    for (const name of ['Sara', 'Consensus', 'Tim']) expect(conference).not.toContain(name);
    await expect(reveal(expert.id, w.dossier.id, w.victim.id, 'nationalNumber')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('need to know: after closure participants and the referrer no longer see the dossier — also in SQL — the coordinator does', async () => {
    const w = await world();
    await closeDossier(w.u.coord.id, w.dossier.id, {
      agendaItemId: w.agendaItem.id,
      reasons: 'Doelen van het plan bereikt.',
      years: '15',
      shorterReason: '',
      extensionId: '',
    });
    for (const user of [w.u.police, w.u.caw /* also the referrer */]) {
      await expect(getDossier(user.id, w.dossier.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(getCaseConference(user.id, w.dossier.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const rows = await asActor(
        client,
        user.id,
        `SELECT "id" FROM "Dossier" WHERE "id" = $1 UNION ALL SELECT "id" FROM "ClientMember" WHERE "dossierId" = $1`,
        [w.dossier.id],
      );
      expect(rows.rowCount).toBe(0);
    }
    await expect(getDossier(w.u.coord.id, w.dossier.id)).resolves.toBeTruthy();
  });

  it('need to know: a referrer of a referral that was not admitted still reads its outcome and reasons', async () => {
    const db = ownerDb();
    const house = await makeSafeHouse(db);
    const org = await makeOrganisation(db, { kind: 'MEDICAL_SECTOR' });
    const referrer = await makeUser(db, { organisationId: org.id, roles: [{ role: 'REFERRER' }] });
    const d = await makeDossier(db, testKeys(), {
      safeHouseId: house.id,
      referrerUserId: referrer.id,
      referrerOrganisationId: org.id,
      status: 'NOT_ADMISSIBLE',
    });
    await expect(getDossier(referrer.id, d.id)).resolves.toMatchObject({ dossier: { status: 'NOT_ADMISSIBLE' } });
  });

  it('DOMAIN.md §3: the DPO, the analyst and the administrator cannot be invited or attend — server and database', async () => {
    const w = await world();
    const agency = w.orgs.agency;
    for (const role of ['DPO', 'AGENCY_ANALYST', 'FUNCTIONAL_ADMIN'] as const) {
      const u = await makeUser(ownerDb(), { organisationId: agency.id, roles: [{ role }] });
      const err = await inviteOrganisation(w.u.coord.id, w.dossier.id, {
        sessionId: w.session.id,
        addresseeUserId: u.id,
        reason: 'EXPERTISE',
        reasonNote: '',
      }).catch((e) => e);
      expect(err, role).toMatchObject({ code: 'VALIDATION' });
      await expect(
        ownerDb().caseParticipant.create({
          data: {
            dossierId: w.dossier.id,
            safeHouseId: w.house.id,
            organisationId: agency.id,
            userId: u.id,
            attendance: 'CASE_WORKER',
            reason: 'EXPERTISE',
          },
        }),
      ).rejects.toThrow(/client work/);
      await expect(
        ownerDb().caseInvitation.create({
          data: {
            dossierId: w.dossier.id,
            safeHouseId: w.house.id,
            sessionId: w.session.id,
            organisationId: agency.id,
            addresseeUserId: u.id,
            reason: 'EXPERTISE',
            invitedByUserId: w.u.coord.id,
          },
        }),
      ).rejects.toThrow(/client work/);
    }
  });

  it('DOMAIN.md §3: a participant who no longer does client work (now only the DPO) loses the open cases at once', async () => {
    const w = await world();
    await expect(getDossier(w.u.justice.id, w.dossier.id)).resolves.toBeTruthy();
    await ownerDb().roleAssignment.deleteMany({ where: { userId: w.u.justice.id } });
    await ownerDb().roleAssignment.create({ data: { userId: w.u.justice.id, role: 'DPO' } });
    await expect(getDossier(w.u.justice.id, w.dossier.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // and in the database: the open participations the app role may ask for no longer hold it
    const rows = await asActor(client, w.u.justice.id, 'SELECT app_open_participations($1::uuid)::text[] AS ids', [
      w.u.justice.id,
    ]);
    expect(rows.rows[0].ids).not.toContain(w.dossier.id);
  });

  it('DOMAIN.md §3: after closure core partners see nothing, even if the input round was left open', async () => {
    const w = await world();
    const staff = await makeUser(ownerDb(), {
      organisationId: w.orgs.police.id,
      roles: [{ role: 'CORE_PARTNER_STAFF', safeHouseId: w.house.id }],
    });
    await ownerDb().dossier.update({
      where: { id: w.dossier.id },
      data: { inputRequestedAt: new Date(), inputClosedAt: null },
    });
    await expect(getDossier(staff.id, w.dossier.id)).resolves.toBeTruthy();
    // forced past the use cases: closed, with the round still open
    await ownerDb().$executeRawUnsafe(`ALTER TABLE "Dossier" DISABLE TRIGGER USER`);
    try {
      const closedAt = new Date();
      await ownerDb().dossier.update({
        where: { id: w.dossier.id },
        data: {
          status: 'CLOSED',
          closedAt,
          retentionYears: 15,
          retentionUntil: new Date(closedAt.getTime() + 15 * 365 * 86_400_000),
          closingAgendaItemId: w.agendaItem.id,
        },
      });
    } finally {
      await ownerDb().$executeRawUnsafe(`ALTER TABLE "Dossier" ENABLE TRIGGER USER`);
    }
    await expect(getDossier(staff.id, w.dossier.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const rows = await asActor(client, staff.id, 'SELECT id FROM "Dossier" WHERE id = $1', [w.dossier.id]);
    expect(rows.rowCount).toBe(0);
  });
});
