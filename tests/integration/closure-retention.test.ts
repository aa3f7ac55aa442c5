import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { makeDossier, makeParticipant } from '@/prisma/factories';
import { proposeRetentionExtension } from '@/lib/closure/propose-retention-extension';
import { voteRetentionExtension } from '@/lib/closure/vote-retention-extension';
import { closeDossier } from '@/lib/closure/close-dossier';
import { addInformationItem } from '@/lib/conferences/add-information-item';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { purgeExpiredDossiers } from '@/lib/retention/purge';
import { addAttachment } from '@/lib/attachments/add-attachment';
import { attachmentStore } from '@/lib/attachments/blob-store';
import { blobResidue } from '@/lib/attachments/purge-blobs';
import { pdf } from '../helpers/files';
import { startJobs, RETENTION_QUEUE, type Jobs } from '@/lib/jobs/boss';
import { withActor } from '@/lib/use-case/kernel';
import { makeNationalNumber } from '@/lib/validation/national-number';
import { lookupHmac } from '@/lib/crypto/fields';
import { allTablesText, ownerDb, testKeys } from '../helpers/db';
import { declareWorld, makeSessionWithAgenda } from '../helpers/scenario';

async function closingCase(opts: { lastName?: string; nationalNumber?: string } = {}) {
  const db = ownerDb();
  const {
    houses: { house },
    orgs: { org },
    users: { coord, p1, p2 },
  } = await declareWorld({
    houses: ['house'],
    organisations: { org: { kind: 'CAW', corePartnerOf: ['house'] }, agency: { kind: 'AGENCY_JUSTICE_ENFORCEMENT' } },
    users: {
      coord: { org: 'agency', role: 'COORDINATOR', house: 'house' },
      p1: { org: 'org', role: 'REFERRER' },
      p2: { org: 'agency', role: 'REFERRER' },
    },
  });
  const dossier = await makeDossier(db, testKeys(), {
    safeHouseId: house.id,
    referrerUserId: p1.id,
    referrerOrganisationId: org.id,
    status: 'IN_TRAJECTORY',
    clientSystemLabel: `Gezin ${opts.lastName ?? 'Sluiting'}`,
    violenceForms: ['HONOUR_RELATED'],
    members: [
      {
        memberRole: 'VICTIM',
        firstName: 'Zeynep',
        lastName: opts.lastName ?? 'Sluiting',
        nationalNumber: opts.nationalNumber,
        isMinor: false,
      },
      { memberRole: 'CHILD', firstName: 'Emre', lastName: opts.lastName ?? 'Sluiting', isMinor: true },
    ],
  });
  for (const u of [p1, p2])
    await makeParticipant(db, {
      dossierId: dossier.id,
      safeHouseId: house.id,
      organisationId: u.organisationId,
      userId: u.id,
    });
  // the closing conference (afrondingstafel), chaired by the coordinator, on 20 November 2026
  const { agendaItem: closing } = await makeSessionWithAgenda(dossier, coord.id, {
    startsAt: new Date('2026-11-20T09:00:00Z'),
    minutes: 90,
    location: 'Afrondingstafel',
  });
  return { house, coord, p1, p2, dossier, closing };
}
type ClosingCase = Awaited<ReturnType<typeof closingCase>>;

const extension = (c: ClosingCase, years: string) => ({
  years,
  ground: 'HONOUR_RELATED_VIOLENCE',
  groundNote: 'Eergerelateerd geweld met blijvend risico.',
  agendaItemId: c.closing.id,
});
const close = (c: ClosingCase, extensionId = '', over: { years?: string; shorterReason?: string } = {}) => ({
  agendaItemId: c.closing.id,
  reasons: 'Doelen van het plan van aanpak bereikt; afrondingstafel gehouden.',
  years: over.years ?? '15',
  shorterReason: over.shorterReason ?? '',
  extensionId,
});
const agreeAll = async (c: ClosingCase, extensionId: string) => {
  for (const u of [c.p1, c.p2, c.coord]) await voteRetentionExtension(u.id, extensionId, 'AGREE');
};

describe('closure and retention (art. 15 §3)', () => {
  it('art. 15 §3: closing keeps personal data 15 years from closure, and the dossier becomes read-only', async () => {
    const c = await closingCase();
    const result = await closeDossier(c.coord.id, c.dossier.id, close(c));
    expect(result.years).toBe(15);
    expect(result.retentionUntil.toISOString().slice(0, 10)).toBe('2041-11-20');
    expect(await ownerDb().dossier.findUniqueOrThrow({ where: { id: c.dossier.id } })).toMatchObject({
      status: 'CLOSED',
      retentionYears: 15,
    });
    // still readable by the coordinator, but nothing changes any more
    await expect(getDossier(c.coord.id, c.dossier.id)).resolves.toBeTruthy();
    await expect(
      addInformationItem(c.coord.id, c.dossier.id, { category: '11', concernsMemberId: '', content: 'Na afsluiting' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // after closure the participants no longer see the dossier at all (need to know; ADR 0017)
    await expect(
      addInformationItem(c.p1.id, c.dossier.id, { category: '11', concernsMemberId: '', content: 'Na afsluiting' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(closeDossier(c.coord.id, c.dossier.id, close(c))).rejects.toMatchObject({ code: 'CONFLICT' });
    // the database refuses it too, even for a query that skips the use cases
    await expect(
      withActor(c.coord.id, (tx) =>
        tx.dossier.update({ where: { id: c.dossier.id }, data: { closureReasons: 'gewijzigd' } }),
      ),
    ).rejects.toThrow(/read-only/);
    await expect(
      withActor(c.coord.id, (tx) =>
        tx.clientMember.updateMany({ where: { dossierId: c.dossier.id }, data: { memberRole: 'OTHER' } }),
      ),
    ).rejects.toThrow(/read-only/);
    await expect(
      withActor(c.coord.id, (tx) => tx.contact.deleteMany({ where: { dossierId: c.dossier.id } })),
    ).resolves.toMatchObject({ count: 0 });
    // the referral is the referrer's, and only while a draft (row-level security per command)
    await expect(
      withActor(c.coord.id, (tx) =>
        tx.referral.updateMany({ where: { dossierId: c.dossier.id }, data: { situation: 'gewijzigd' } }),
      ),
    ).resolves.toMatchObject({ count: 0 });
  });

  it('art. 15 §3: an extension up to 30 years needs the consensus of all participants and the chair', async () => {
    const c = await closingCase();
    const ext = await proposeRetentionExtension(c.coord.id, c.dossier.id, extension(c, '30'));
    await voteRetentionExtension(c.p1.id, ext.id, 'AGREE');
    await voteRetentionExtension(c.coord.id, ext.id, 'AGREE');
    await expect(closeDossier(c.coord.id, c.dossier.id, close(c, ext.id))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await voteRetentionExtension(c.p2.id, ext.id, 'AGREE')).status).toBe('APPROVED');
    const result = await closeDossier(c.coord.id, c.dossier.id, close(c, ext.id));
    expect(result).toMatchObject({ years: 30 });
    expect(result.retentionUntil.toISOString().slice(0, 10)).toBe('2056-11-20');
    expect(await ownerDb().dossier.findUniqueOrThrow({ where: { id: c.dossier.id } })).toMatchObject({
      retentionGround: 'HONOUR_RELATED_VIOLENCE',
    });
  });

  it('art. 15 §3: more than 30 years is refused, by the server and by the database', async () => {
    const c = await closingCase();
    const err = await proposeRetentionExtension(c.coord.id, c.dossier.id, extension(c, '31')).catch((e) => e);
    expect(err.fieldErrors.years).toMatch(/hoogstens 30 jaar/);
    await closeDossier(c.coord.id, c.dossier.id, close(c));
    await expect(
      ownerDb()
        .$executeRaw`UPDATE "Dossier" SET "retentionYears" = 31, "retentionGround" = 'VERY_SERIOUS_FACTS' WHERE "id" = ${c.dossier.id}::uuid`,
    ).rejects.toThrow(/Dossier_retention_at_most_30_years/);
  });

  it('art. 15 §3: one objection blocks the extension; the dossier then closes with 15 years', async () => {
    const c = await closingCase();
    const ext = await proposeRetentionExtension(c.coord.id, c.dossier.id, extension(c, '25'));
    await voteRetentionExtension(c.p1.id, ext.id, 'AGREE');
    expect((await voteRetentionExtension(c.p2.id, ext.id, 'OBJECT')).status).toBe('BLOCKED');
    void agreeAll;
    await expect(closeDossier(c.coord.id, c.dossier.id, close(c, ext.id))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await closeDossier(c.coord.id, c.dossier.id, close(c))).years).toBe(15);
  });

  it('art. 15 §3: the coordinator cannot extend alone', async () => {
    const c = await closingCase();
    const ext = await proposeRetentionExtension(c.coord.id, c.dossier.id, extension(c, '20'));
    expect((await voteRetentionExtension(c.coord.id, ext.id, 'AGREE')).status).toBe('OPEN');
    await expect(ownerDb().retentionExtension.findUniqueOrThrow({ where: { id: ext.id } })).resolves.toMatchObject({
      status: 'OPEN',
    });
    await expect(closeDossier(c.coord.id, c.dossier.id, close(c, ext.id))).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('art. 15 §3: 15 years is a maximum, not a floor — a shorter term needs a reason, a longer one consensus', async () => {
    const c = await closingCase();
    const longer = await closeDossier(c.coord.id, c.dossier.id, close(c, '', { years: '16' })).catch((e) => e);
    expect(longer).toMatchObject({ code: 'VALIDATION' });
    expect(longer.fieldErrors.years).toMatch(/hoogstens 15 jaar/);
    const noReason = await closeDossier(c.coord.id, c.dossier.id, close(c, '', { years: '5' })).catch((e) => e);
    expect(noReason.fieldErrors.shorterReason).toMatch(/reden/);
    const result = await closeDossier(
      c.coord.id,
      c.dossier.id,
      close(c, '', { years: '5', shorterReason: 'Geen verdere opvolging nodig; korte bewaring volstaat.' }),
    );
    expect(result.years).toBe(5);
    expect(result.retentionUntil.toISOString().slice(0, 10)).toBe('2031-11-20');
    expect(await ownerDb().dossier.findUniqueOrThrow({ where: { id: c.dossier.id } })).toMatchObject({
      status: 'CLOSED',
      retentionYears: 5,
      closingAgendaItemId: c.closing.id,
      closedAt: new Date('2026-11-20T09:00:00Z'),
    });
  });

  it('art. 15 §3: the database refuses more than 15 years without an extension ground, and a term longer than its years', async () => {
    const c = await closingCase();
    await closeDossier(c.coord.id, c.dossier.id, close(c));
    await expect(
      ownerDb().$executeRaw`UPDATE "Dossier" SET "retentionYears" = 20 WHERE "id" = ${c.dossier.id}::uuid`,
    ).rejects.toThrow(/Dossier_retention_at_most_15_unless_extended/);
    await expect(
      ownerDb()
        .$executeRaw`UPDATE "Dossier" SET "retentionUntil" = "retentionUntil" + interval '2 years' WHERE "id" = ${c.dossier.id}::uuid`,
    ).rejects.toThrow(/Dossier_retention_from_closure/);
    await expect(
      ownerDb().$executeRaw`UPDATE "Dossier" SET "retentionUntil" = NULL WHERE "id" = ${c.dossier.id}::uuid`,
    ).rejects.toThrow(/Dossier_ended_has_retention/);
  });

  it('art. 15 §3: closing is tied to a closing conference of this case that has taken place', async () => {
    const c = await closingCase();
    const future = await ownerDb().conferenceSession.create({
      data: {
        safeHouseId: c.house.id,
        startsAt: new Date(Date.now() + 7 * 86_400_000),
        endsAt: new Date(Date.now() + 7 * 86_400_000 + 3_600_000),
        location: 'Later',
        createdByUserId: c.coord.id,
      },
    });
    const later = await ownerDb().agendaItem.create({
      data: { sessionId: future.id, dossierId: c.dossier.id, safeHouseId: c.house.id },
    });
    const err = await closeDossier(c.coord.id, c.dossier.id, { ...close(c), agendaItemId: later.id }).catch((e) => e);
    expect(err.fieldErrors.agendaItemId).toMatch(/toekomst/);
    const other = await closingCase();
    await expect(
      closeDossier(c.coord.id, c.dossier.id, { ...close(c), agendaItemId: other.closing.id }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('deletion after the retention term (art. 15 §3)', () => {
  it('art. 15 §3: after the purge no table contains the purged person\u2019s name or national number (simulated clock)', async () => {
    const lastName = `Wisvanaf${Date.now().toString(36)}`;
    const nn = makeNationalNumber(new Date(Date.UTC(1983, 2, 9)), 217);
    const c = await closingCase({ lastName, nationalNumber: nn });
    await addInformationItem(c.p1.id, c.dossier.id, {
      category: '11',
      concernsMemberId: '',
      content: `Gesprek met ${lastName}.`,
    });
    // a document brought in at the session: encrypted on disk, its name encrypted in its row (ADR 0040)
    await addAttachment(
      c.p1.id,
      c.dossier.id,
      { place: 'session', category: '11', concernsMemberId: '' },
      { name: `Verslag ${lastName}.pdf`, bytes: new Uint8Array(pdf(lastName)) },
    );
    const { retentionUntil } = await closeDossier(c.coord.id, c.dossier.id, close(c));
    const hmac = lookupHmac(testKeys(), nn);
    expect(await blobResidue(attachmentStore(), [c.dossier.id])).toHaveLength(1);

    // the day before the term ends: nothing is deleted
    expect(
      await purgeExpiredDossiers(ownerDb(), new Date(retentionUntil.getTime() - 86_400_000), undefined, {
        safeHouseId: c.house.id,
      }),
    ).not.toContainEqual(expect.objectContaining({ dossierId: c.dossier.id }));
    expect(await allTablesText()).toContain(lastName);

    const purged = await purgeExpiredDossiers(ownerDb(), new Date(retentionUntil.getTime() + 86_400_000), undefined, {
      safeHouseId: c.house.id,
    });
    expect(purged).toContainEqual(expect.objectContaining({ dossierId: c.dossier.id, reference: c.dossier.reference }));
    const text = await allTablesText();
    expect(text).not.toContain(lastName);
    expect(text).not.toContain(nn);
    expect(text).not.toContain(hmac);
    // the residue check covers the files too: none of the purged dossier is left in the store
    expect(await blobResidue(attachmentStore(), [c.dossier.id])).toEqual([]);
    // what remains: a deletion record and anonymised facts
    expect(await ownerDb().deletionRecord.findUniqueOrThrow({ where: { dossierId: c.dossier.id } })).toMatchObject({
      reference: c.dossier.reference,
      safeHouseId: c.house.id,
    });
    expect(await ownerDb().purgedDossierFact.findFirstOrThrow({ where: { safeHouseId: c.house.id } })).toMatchObject({
      finalStatus: 'CLOSED',
      minorsInvolved: true,
      violenceForms: ['HONOUR_RELATED'],
      referrerKind: 'CAW',
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
    const { retentionUntil } = await closeDossier(c.coord.id, c.dossier.id, close(c));
    await jobs!.boss.send(RETENTION_QUEUE, {
      asOf: new Date(retentionUntil.getTime() + 1000).toISOString(),
      safeHouseId: c.house.id,
    });
    const until = Date.now() + 20_000;
    while (Date.now() < until && (await ownerDb().dossier.count({ where: { id: c.dossier.id } })) > 0) {
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await ownerDb().dossier.count({ where: { id: c.dossier.id } })).toBe(0);
    expect(await ownerDb().deletionRecord.count({ where: { dossierId: c.dossier.id } })).toBe(1);
  });
});
