import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { getCaseConference } from '@/lib/conferences/get-case-conference';
import { getSession } from '@/lib/conferences/list-sessions';
import { recordEmergencyDisclosure } from '@/lib/emergency/record-emergency-disclosure';
import type { EmergencyValues } from '@/lib/emergency/schemas';
import { instantToBrussels } from '@/lib/time';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../helpers/mail-catcher';
import { appRoleClient, ownerDb } from '../helpers/db';
import { consensusWorld, type ConsensusWorld } from '../helpers/consensus-world';
import { asActor, refused } from '../helpers/sql-actor';
import { openSession } from '@/lib/conferences/open-session';
import { closeSession } from '@/lib/conferences/close-session';

/**
 * An urgent disclosure outside consensus (issue 12 §7; seeds 001, 002: the state of necessity,
 * art. 458bis Sw., failure to help a person in danger, art. 422bis Sw.; ADR 0035): recorded by a
 * participant with its ground, mailed to the others without any case data, visible to the case
 * team only, append-only, and on the agenda of the next session.
 */
let client: pg.Client;
let w: ConsensusWorld;
let catcher: MailCatcher;
const mails: CaughtMail[] = [];
const REFUSED = /^refused (42501|23514)$|^no rows$/;
/** The message as a reader sees it: quoted-printable soft line breaks and escapes undone. */
const decoded = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

const anHourAgo = () => {
  const b = instantToBrussels(new Date(Date.now() - 3_600_000));
  return `${b.date}T${b.time}`;
};
const values = (over: Partial<EmergencyValues> = {}): EmergencyValues => ({
  ground: 'STATE_OF_NECESSITY',
  disclosed: 'Het adres van de vluchtwoning van Sara Consensus, gedeeld met de politie.',
  recipient: 'Politiezone Noord, wachtofficier',
  disclosedAt: anHourAgo(),
  urgency: 'De pleger stond gewapend voor de deur; het casusoverleg afwachten kon niet.',
  ...over,
});

beforeAll(async () => {
  client = await appRoleClient();
  w = await consensusWorld();
  catcher = await startMailCatcher(mails);
});
afterAll(async () => {
  await catcher.stop();
  await client.end();
});

describe('art. 458bis Sw., noodtoestand, art. 422bis Sw.: an urgent disclosure outside consensus', () => {
  it('noodtoestand: a participant records what they disclosed, to whom, when and why it could not wait, on its ground', async () => {
    const { id } = await recordEmergencyDisclosure(w.u.police.id, w.dossier.id, values());
    const row = await ownerDb().emergencyDisclosure.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      dossierId: w.dossier.id,
      recordedByUserId: w.u.police.id,
      organisationId: w.orgs.police.id,
      ground: 'STATE_OF_NECESSITY',
      recipient: 'Politiezone Noord, wachtofficier',
    });
    expect(row.disclosedAt.getTime()).toBeLessThan(Date.now());
    expect(
      await ownerDb().auditEvent.count({
        where: { actorUserId: w.u.police.id, action: 'emergency.record', objectId: id, outcome: 'ALLOWED' },
      }),
    ).toBe(1);
    // the coordinator records one too
    await recordEmergencyDisclosure(w.u.coord.id, w.dossier.id, values({ ground: 'DUTY_TO_ASSIST' }));
  });

  it('noodtoestand: the ground, a recipient, a moment in the past and the reason are required', async () => {
    for (const bad of [
      { ground: 'CONSENT' },
      { recipient: '' },
      { urgency: 'Dringend' },
      { disclosedAt: '2999-01-01T10:00' },
      { disclosedAt: 'gisteren' },
    ]) {
      await expect(
        recordEmergencyDisclosure(w.u.police.id, w.dossier.id, values(bad)),
        JSON.stringify(bad),
      ).rejects.toMatchObject({ code: 'VALIDATION' });
    }
  });

  it('art. 458bis Sw.: the report goes to the procureur des Konings only — in the use case and in the database', async () => {
    await expect(
      recordEmergencyDisclosure(w.u.justice.id, w.dossier.id, values({ ground: 'ART_458BIS', recipient: 'Politie' })),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { recipient: expect.any(String) } });
    await expect(
      ownerDb().emergencyDisclosure.create({
        data: {
          dossierId: w.dossier.id,
          safeHouseId: w.house.id,
          recordedByUserId: w.u.justice.id,
          organisationId: w.orgs.justice.id,
          ground: 'ART_458BIS',
          disclosed: 'Vermoeden van kindermishandeling.',
          recipient: 'Politie',
          disclosedAt: new Date(),
          urgency: 'Ernstig en dreigend gevaar voor het kind.',
        },
      }),
    ).rejects.toThrow();
    await recordEmergencyDisclosure(
      w.u.justice.id,
      w.dossier.id,
      values({ ground: 'ART_458BIS', recipient: 'Procureur des Konings, parket Antwerpen' }),
    );
  });

  it('art. 458ter §2 Sw.: every other participant and the coordinator get a mail without personal data or case content', async () => {
    mails.length = 0;
    const result = await recordEmergencyDisclosure(w.u.caw.id, w.dossier.id, values());
    expect(result.mail).toEqual({ sent: 3, failed: 0 });
    const to = mails.flatMap((m) => m.to).sort();
    expect(to).toEqual([w.u.coord.email, w.u.justice.email, w.u.police.email].sort());
    for (const { raw } of mails) {
      const m = { raw: decoded(raw) };
      expect(m.raw).toContain('Dringende mededeling buiten consensus');
      expect(m.raw).toContain(`https://dossier.veiligehuizen.example/dossiers/${w.dossier.id}/casusoverleg#dringend`);
      for (const secret of [
        'Consensus',
        'Sara',
        w.dossier.reference,
        'Politiezone',
        'vluchtwoning',
        'gewapend',
        'Noodtoestand',
      ]) {
        expect(m.raw, secret).not.toContain(secret);
      }
    }
  });

  it('noodtoestand: visible to the participants and the coordinator of the case, not to others (use case and application role)', async () => {
    const count = `SELECT count(*)::int AS n FROM "EmergencyDisclosure" WHERE "dossierId" = $1`;
    const total = await ownerDb().emergencyDisclosure.count({ where: { dossierId: w.dossier.id } });
    expect(total).toBeGreaterThan(0);
    for (const user of [w.u.coord, w.u.police, w.u.justice]) {
      expect((await asActor(client, user.id, count, [w.dossier.id])).rows[0].n, user.name).toBe(total);
      const view = await getCaseConference(user.id, w.dossier.id);
      expect(view.emergencies).toHaveLength(total);
    }
    // an outsider (same organisation as a participant, not in the case) sees nothing
    expect((await asActor(client, w.u.outsider.id, count, [w.dossier.id])).rows[0].n).toBe(0);
    await expect(getCaseConference(w.u.outsider.id, w.dossier.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(recordEmergencyDisclosure(w.u.outsider.id, w.dossier.id, values())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it("noodtoestand: the record is append-only and in the recorder's own name", async () => {
    const { id } = await recordEmergencyDisclosure(w.u.police.id, w.dossier.id, values());
    for (const user of [w.u.police, w.u.coord]) {
      expect(
        await refused(
          client,
          user.id,
          `UPDATE "EmergencyDisclosure" SET "urgency" = 'Toch niet dringend.' WHERE "id" = $1`,
          [id],
        ),
      ).toMatch(REFUSED);
      expect(await refused(client, user.id, `DELETE FROM "EmergencyDisclosure" WHERE "id" = $1`, [id])).toMatch(
        REFUSED,
      );
    }
    const insert = `INSERT INTO "EmergencyDisclosure" ("dossierId", "safeHouseId", "recordedByUserId", "organisationId", "ground", "disclosed", "recipient", "disclosedAt", "urgency")
      VALUES ($1, $2, $3, $4, 'STATE_OF_NECESSITY', 'Adres gedeeld.', 'Politie', now(), 'Acuut gevaar, kon niet wachten.')`;
    // not in someone else's name, not for another organisation, not by an outsider
    expect(
      await refused(client, w.u.justice.id, insert, [w.dossier.id, w.house.id, w.u.police.id, w.orgs.police.id]),
    ).toMatch(REFUSED);
    expect(
      await refused(client, w.u.justice.id, insert, [w.dossier.id, w.house.id, w.u.justice.id, w.orgs.police.id]),
    ).toMatch(REFUSED);
    expect(
      await refused(client, w.u.outsider.id, insert, [w.dossier.id, w.house.id, w.u.outsider.id, w.orgs.caw.id]),
    ).toMatch(REFUSED);
    expect(
      await refused(client, w.u.justice.id, insert, [w.dossier.id, w.house.id, w.u.justice.id, w.orgs.justice.id]),
    ).toBe('ALLOWED (1 rows)');
    expect(await ownerDb().emergencyDisclosure.findUniqueOrThrow({ where: { id } })).toMatchObject({
      urgency: values().urgency,
    });
    // only for a case in trajectory: not for a referral still being assessed
    const submitted = await ownerDb().dossier.create({
      data: {
        safeHouseId: w.house.id,
        reference: `VH-NOOD-${Date.now()}`,
        referrerUserId: w.u.caw.id,
        referrerOrganisationId: w.orgs.caw.id,
        status: 'SUBMITTED',
        clientSystemLabel: 'Gezin Aanmelding',
      },
    });
    expect(
      await refused(client, w.u.coord.id, insert, [submitted.id, w.house.id, w.u.coord.id, w.u.coord.organisationId]),
    ).toMatch(REFUSED);
    await expect(recordEmergencyDisclosure(w.u.coord.id, submitted.id, values())).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('noodtoestand: it is on the agenda of the next session until a session of the case opened after it was closed', async () => {
    const { id } = await recordEmergencyDisclosure(w.u.police.id, w.dossier.id, values());
    const next = new Date(Date.now() + 2 * 86_400_000);
    const session = await ownerDb().conferenceSession.create({
      data: {
        safeHouseId: w.house.id,
        startsAt: next,
        endsAt: new Date(next.getTime() + 3_600_000),
        location: 'Zaal 2',
        createdByUserId: w.u.coord.id,
      },
    });
    await ownerDb().agendaItem.create({
      data: { sessionId: session.id, dossierId: w.dossier.id, safeHouseId: w.house.id },
    });
    const now = await getCaseConference(w.u.justice.id, w.dossier.id);
    expect(now.emergencies.find((e) => e.id === id)).toMatchObject({
      toDiscuss: true,
      nextSession: next,
      discussedAt: null,
    });
    // the coordinator's session page puts it on that session's agenda, not on the earlier one's
    const recorded = await ownerDb().emergencyDisclosure.count({ where: { dossierId: w.dossier.id } });
    expect((await getSession(w.u.coord.id, session.id)).cases[0]!.emergenciesToDiscuss).toBe(recorded);
    // the session that was already open when it was recorded does not take it up
    expect((await getSession(w.u.coord.id, w.session.id)).cases[0]!.emergenciesToDiscuss).toBe(0);
    // once the next session was opened and closed, it was discussed there (ADR 0033, 0035)
    await openSession(w.u.coord.id, session.id);
    expect((await getCaseConference(w.u.justice.id, w.dossier.id)).emergencies.find((e) => e.id === id)).toMatchObject({
      toDiscuss: true,
      nextSession: next,
    });
    await closeSession(w.u.coord.id, session.id);
    const closedAt = (await ownerDb().conferenceSession.findUniqueOrThrow({ where: { id: session.id } })).closedAt;
    const afterSession = await getCaseConference(w.u.justice.id, w.dossier.id);
    expect(afterSession.emergencies.find((e) => e.id === id)).toMatchObject({
      toDiscuss: false,
      discussedAt: closedAt,
    });
    expect((await getSession(w.u.coord.id, session.id)).cases[0]!.emergenciesToDiscuss).toBe(recorded);
  });
});
