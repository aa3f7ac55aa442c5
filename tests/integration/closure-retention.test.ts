import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { makeDossier, makeOrganisation, makeParticipant, makeSafeHouse, makeUser } from '@/prisma/factories';
import { proposeRetentionExtension } from '@/lib/closure/propose-retention-extension';
import { voteRetentionExtension } from '@/lib/closure/vote-retention-extension';
import { closeDossier } from '@/lib/closure/close-dossier';
import { addInformationItem } from '@/lib/conferences/add-information-item';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { purgeExpiredDossiers } from '@/lib/retention/purge';
import { startJobs, RETENTION_QUEUE, type Jobs } from '@/lib/jobs/boss';
import { withActor } from '@/lib/db/scoped';
import { makeNationalNumber } from '@/lib/validation/national-number';
import { lookupHmac } from '@/lib/crypto/fields';
import { ownerDb, testKeys } from '../helpers/db';

async function closingCase(opts: { lastName?: string; nationalNumber?: string } = {}) {
  const db = ownerDb();
  const house = await makeSafeHouse(db);
  const org = await makeOrganisation(db, { kind: 'CAW', corePartnerOf: [house.id] });
  const agency = await makeOrganisation(db, { kind: 'AGENCY_JUSTICE_ENFORCEMENT' });
  const coord = await makeUser(db, { organisationId: agency.id, roles: [{ role: 'COORDINATOR', safeHouseId: house.id }] });
  const p1 = await makeUser(db, { organisationId: org.id, roles: [{ role: 'REFERRER' }] });
  const p2 = await makeUser(db, { organisationId: agency.id, roles: [{ role: 'REFERRER' }] });
  const dossier = await makeDossier(db, testKeys(), {
    safeHouseId: house.id, referrerUserId: p1.id, referrerOrganisationId: org.id, status: 'IN_TRAJECTORY',
    clientSystemLabel: `Gezin ${opts.lastName ?? 'Sluiting'}`, violenceForms: ['HONOUR_RELATED'],
    members: [{ memberRole: 'VICTIM', firstName: 'Zeynep', lastName: opts.lastName ?? 'Sluiting', nationalNumber: opts.nationalNumber, isMinor: false },
      { memberRole: 'CHILD', firstName: 'Emre', lastName: opts.lastName ?? 'Sluiting', isMinor: true }],
  });
  for (const u of [p1, p2]) await makeParticipant(db, { dossierId: dossier.id, safeHouseId: house.id, organisationId: u.organisationId, userId: u.id });
  return { house, coord, p1, p2, dossier };
}

const extension = (years: string) => ({ years, ground: 'HONOUR_RELATED_VIOLENCE', groundNote: 'Eergerelateerd geweld met blijvend risico.' });
const close = (extensionId = '') => ({ closedOn: '2026-11-20', reasons: 'Doelen van het plan van aanpak bereikt; afrondingstafel gehouden.', extensionId });

describe('closure and retention (art. 15 §3)', () => {
  it('art15§3: closing keeps personal data 15 years from closure, and the dossier becomes read-only', async () => {
    const c = await closingCase();
    const result = await closeDossier(c.coord.id, c.dossier.id, close());
    expect(result.years).toBe(15);
    expect(result.retentionUntil.toISOString().slice(0, 10)).toBe('2041-11-20');
    expect(await ownerDb().dossier.findUniqueOrThrow({ where: { id: c.dossier.id } })).toMatchObject({ status: 'CLOSED', retentionYears: 15 });
    // still readable by the coordinator, but nothing changes any more
    await expect(getDossier(c.coord.id, c.dossier.id)).resolves.toBeTruthy();
    await expect(addInformationItem(c.p1.id, c.dossier.id, { category: '11', concernsMemberId: '', content: 'Na afsluiting' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(closeDossier(c.coord.id, c.dossier.id, close())).rejects.toMatchObject({ code: 'CONFLICT' });
    // the database refuses it too, even for a query that skips the use cases
    await expect(withActor(c.coord.id, (tx) => tx.dossier.update({ where: { id: c.dossier.id }, data: { closureReasons: 'gewijzigd' } }))).rejects.toThrow(/read-only/);
    await expect(withActor(c.coord.id, (tx) => tx.clientMember.updateMany({ where: { dossierId: c.dossier.id }, data: { firstName: 'X' } }))).rejects.toThrow(/read-only/);
  });

  it('art15§3: an extension up to 30 years needs the consensus of all participants', async () => {
    const c = await closingCase();
    const ext = await proposeRetentionExtension(c.coord.id, c.dossier.id, extension('30'));
    await voteRetentionExtension(c.p1.id, ext.id, 'AGREE');
    await expect(closeDossier(c.coord.id, c.dossier.id, close(ext.id))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await voteRetentionExtension(c.p2.id, ext.id, 'AGREE')).status).toBe('APPROVED');
    const result = await closeDossier(c.coord.id, c.dossier.id, close(ext.id));
    expect(result).toMatchObject({ years: 30 });
    expect(result.retentionUntil.toISOString().slice(0, 10)).toBe('2056-11-20');
    expect(await ownerDb().dossier.findUniqueOrThrow({ where: { id: c.dossier.id } })).toMatchObject({ retentionGround: 'HONOUR_RELATED_VIOLENCE' });
  });

  it('art15§3: more than 30 years is refused, by the server and by the database', async () => {
    const c = await closingCase();
    const err = await proposeRetentionExtension(c.coord.id, c.dossier.id, extension('31')).catch((e) => e);
    expect(err.fieldErrors.years).toMatch(/hoogstens 30 jaar/);
    await expect(ownerDb().$executeRaw`UPDATE "Dossier" SET "retentionYears" = 31, "retentionGround" = 'VERY_SERIOUS_FACTS' WHERE "id" = ${c.dossier.id}::uuid`).rejects.toThrow(/Dossier_retention_at_most_30_years/);
  });

  it('art15§3: one objection blocks the extension; the dossier then closes with 15 years', async () => {
    const c = await closingCase();
    const ext = await proposeRetentionExtension(c.coord.id, c.dossier.id, extension('25'));
    await voteRetentionExtension(c.p1.id, ext.id, 'AGREE');
    expect((await voteRetentionExtension(c.p2.id, ext.id, 'OBJECT')).status).toBe('BLOCKED');
    await expect(closeDossier(c.coord.id, c.dossier.id, close(ext.id))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await closeDossier(c.coord.id, c.dossier.id, close())).years).toBe(15);
  });

  it('art15§3: only participants vote, and the coordinator cannot extend alone', async () => {
    const c = await closingCase();
    const ext = await proposeRetentionExtension(c.coord.id, c.dossier.id, extension('20'));
    await expect(voteRetentionExtension(c.coord.id, ext.id, 'AGREE')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(ownerDb().retentionExtension.findUniqueOrThrow({ where: { id: ext.id } })).resolves.toMatchObject({ status: 'OPEN' });
  });
});

describe('deletion after the retention term (art. 15 §3)', () => {
  async function allTablesText(): Promise<string> {
    const tables = await ownerDb().$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    let text = '';
    for (const { table_name } of tables) {
      const rows = await ownerDb().$queryRawUnsafe<{ t: string }[]>(`SELECT row_to_json(x)::text AS t FROM "${table_name}" x`);
      text += rows.map((r) => r.t).join('\n');
    }
    return text;
  }

  it('art15§3: after the purge no table contains the purged person\u2019s name or national number (simulated clock)', async () => {
    const lastName = `Wisvanaf${Date.now().toString(36)}`;
    const nn = makeNationalNumber(new Date(Date.UTC(1983, 2, 9)), 217);
    const c = await closingCase({ lastName, nationalNumber: nn });
    await addInformationItem(c.p1.id, c.dossier.id, { category: '11', concernsMemberId: '', content: `Gesprek met ${lastName}.` });
    const { retentionUntil } = await closeDossier(c.coord.id, c.dossier.id, close());
    const hmac = lookupHmac(testKeys(), nn);

    // the day before the term ends: nothing is deleted
    expect(await purgeExpiredDossiers(ownerDb(), new Date(retentionUntil.getTime() - 86_400_000))).not.toContainEqual(expect.objectContaining({ dossierId: c.dossier.id }));
    expect(await allTablesText()).toContain(lastName);

    const purged = await purgeExpiredDossiers(ownerDb(), new Date(retentionUntil.getTime() + 86_400_000));
    expect(purged).toContainEqual(expect.objectContaining({ dossierId: c.dossier.id, reference: c.dossier.reference }));
    const text = await allTablesText();
    expect(text).not.toContain(lastName);
    expect(text).not.toContain(nn);
    expect(text).not.toContain(hmac);
    // what remains: a deletion record and anonymised facts
    expect(await ownerDb().deletionRecord.findUniqueOrThrow({ where: { dossierId: c.dossier.id } })).toMatchObject({ reference: c.dossier.reference, safeHouseId: c.house.id });
    expect(await ownerDb().purgedDossierFact.findFirstOrThrow({ where: { safeHouseId: c.house.id } })).toMatchObject({
      finalStatus: 'CLOSED', minorsInvolved: true, violenceForms: ['HONOUR_RELATED'], referrerKind: 'CAW',
    });
    expect(await ownerDb().auditEvent.count({ where: { action: 'retention.purge', dossierId: c.dossier.id } })).toBe(1);
  });
});

describe('the retention job runs on pg-boss', () => {
  let jobs: Jobs | undefined;
  afterAll(async () => {
    await jobs?.stop();
  });
  beforeAll(async () => {
    jobs = await startJobs(inject('db').ownerUrl, ownerDb(), { schedule: false, pollingIntervalSeconds: 0.5 });
  });

  it('a queued purge job deletes what is due', async () => {
    const c = await closingCase({ lastName: `Jobtest${Date.now().toString(36)}` });
    const { retentionUntil } = await closeDossier(c.coord.id, c.dossier.id, close());
    await jobs!.boss.send(RETENTION_QUEUE, { asOf: new Date(retentionUntil.getTime() + 1000).toISOString() });
    const until = Date.now() + 20_000;
    while (Date.now() < until && (await ownerDb().dossier.count({ where: { id: c.dossier.id } })) > 0) {
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await ownerDb().dossier.count({ where: { id: c.dossier.id } })).toBe(0);
    expect(await ownerDb().deletionRecord.count({ where: { dossierId: c.dossier.id } })).toBe(1);
  });
});
