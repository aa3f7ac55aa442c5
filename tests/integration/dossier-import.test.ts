import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropDatabase, withDatabase } from '@/scripts/lib/bootstrap';
import { openArchive, sealArchive, sha256 } from '@/lib/dossier-export/archive';
import { getImportHistory } from '@/lib/dossier-export/import-history';
import { addAttachment } from '@/lib/attachments/add-attachment';
import { attachmentStore } from '@/lib/attachments/blob-store';
import { verifyAuditLog } from '@/lib/audit/verify-db';
import { encryptField, lookupHmac } from '@/lib/crypto/fields';
import { exportDossier } from '@/lib/dossier-export/export-dossier';
import { importDossier } from '@/lib/dossier-export/import-dossier';
import { ownerDb, ownerPgClient, testKeys } from '../helpers/db';
import { dossierContent } from '../helpers/dossier-content';
import { pdf } from '../helpers/files';
import { buildScenario, makeSessionWithAgenda, type Scenario } from '../helpers/scenario';

/**
 * Issue 14 §4 (ADR 0047): an exported dossier read back by the coordinator of another house —
 * the same content under a new reference, re-encrypted, provenance and access log written; a
 * wrong passphrase, a changed file or a non-coordinator writes nothing.
 */
let s: Scenario;
let archive: Buffer;
const PASS = 'lange wachtzin voor de overdracht 2026';
const u = (k: keyof Scenario['users']) => s.users[k].id;
/** Rows in this file's two houses (other test files write their own houses at the same time). */
const counts = async () => {
  const houses = { in: [s.houseA.id, s.houseB.id] };
  return {
    dossiers: await ownerDb().dossier.count({ where: { safeHouseId: houses } }),
    members: await ownerDb().clientMember.count({ where: { dossier: { safeHouseId: houses } } }),
    attachments: await ownerDb().attachment.count({ where: { safeHouseId: houses } }),
    imports: await ownerDb().dossierImport.count({ where: { safeHouseId: houses } }),
  };
};

/** What must survive the round trip (tests/helpers/dossier-content.ts), read with this installation's keys. */
const content = (dossierId: string) => dossierContent(ownerDb(), testKeys(), attachmentStore(), dossierId);
const NATIONAL_NUMBER = '85073003328';
const DAY = 86_400_000;

beforeAll(async () => {
  s = await buildScenario();
  // the dossier as it stands after months of follow-up: a second member with a national number
  // and contact data, two risk assessments, the minutes and a decision of a finalised session,
  // and a plan with an open and a finished action (written as the owner, in the past)
  const db = ownerDb();
  const keys = testKeys();
  const d = s.dossiers.trajectoryA;
  const house = { dossierId: d.id, safeHouseId: s.houseA.id };
  await db.clientMember.create({
    data: {
      dossierId: d.id,
      memberRole: 'VICTIM',
      firstName: 'Lore',
      lastName: 'Import',
      sex: 'FEMALE',
      isMinor: false,
      dateOfBirth: new Date('1985-07-30T00:00:00Z'),
      nationalNumberEnc: encryptField(keys, NATIONAL_NUMBER),
      nationalNumberHmac: lookupHmac(keys, NATIONAL_NUMBER),
      contactEnc: encryptField(keys, 'Kerkstraat 1, 2000 Antwerpen'),
      safeAddress: true,
    },
  });
  for (const [i, level] of (['ELEVATED', 'HIGH'] as const).entries())
    await db.riskAssessment.create({
      data: {
        ...house,
        assessorUserId: u('coordA'),
        riskAnswers: { weapons: 'YES', escalation: i ? 'YES' : 'NO' },
        riskScore: i + 1,
        riskLevel: level,
        reasoningEnc: encryptField(keys, `Inschatting ${i + 1}: de dreiging neemt toe.`),
        assessedAt: new Date(Date.now() - (30 - i * 10) * DAY),
      },
    });
  const { agendaItem } = await makeSessionWithAgenda(d, u('coordA'), {
    startsAt: new Date(Date.now() - 20 * DAY),
    state: 'CLOSED',
    location: 'Zaal Schelde',
  });
  await db.agendaItem.update({
    where: { id: agendaItem.id },
    data: {
      minutes: 'Het gezin is besproken.\n\nDe school wordt betrokken.',
      finalisedAt: new Date(Date.now() - 19 * DAY),
      finalisedByUserId: u('coordA'),
    },
  });
  await db.conferenceDecision.create({
    data: {
      ...house,
      agendaItemId: agendaItem.id,
      text: 'Veiligheidsplan opstellen met de moeder.',
      recordedByUserId: u('coordA'),
    },
  });
  const goal = await db.goal.create({ data: { ...house, title: 'Veiligheid thuis', createdByUserId: u('coordA') } });
  await db.planAction.create({
    data: {
      ...house,
      goalId: goal.id,
      description: 'Huisbezoek',
      ownerOrganisationId: s.users.participant.organisationId,
      dueDate: new Date('2027-01-15T00:00:00Z'),
      agendaItemId: agendaItem.id,
    },
  });
  await db.planAction.create({
    data: {
      ...house,
      goalId: goal.id,
      description: 'Contact met de school',
      ownerOrganisationId: s.users.participant.organisationId,
      status: 'DONE',
      doneAt: new Date(Date.now() - 2 * DAY),
      doneByUserId: u('coordA'),
      doneNote: 'Gesprek met de directie gehad.',
    },
  });
  await addAttachment(
    u('coordA'),
    s.dossiers.trajectoryA.id,
    { place: 'dossier', category: '11', concernsMemberId: '' },
    { name: 'Verslag import.pdf', bytes: new Uint8Array(pdf(`Import-${Date.now()}`)) },
  );
  archive = (
    await exportDossier(u('coordA'), s.dossiers.trajectoryA.id, {
      purpose: 'transfer',
      passphrase: PASS,
      passphraseRepeat: PASS,
    })
  ).bytes;
});

describe('issue 14 §4: import of an exported dossier', () => {
  it('round trip: the coordinator of another house gets the same members, referral (with its risk screening), attachments (byte-identical) and history (risk over time, minutes, decisions, plan) under a new reference; provenance and the log chain hold', async () => {
    const out = await importDossier(u('coordB'), { passphrase: PASS, file: archive });
    expect(out.sourceReference).toBe(s.dossiers.trajectoryA.reference);
    expect(out.reference).not.toBe(s.dossiers.trajectoryA.reference);
    const imported = await ownerDb().dossier.findUniqueOrThrow({ where: { id: out.dossierId } });
    expect(imported).toMatchObject({ safeHouseId: s.houseB.id, status: 'SUBMITTED', reference: out.reference });

    const original = await content(s.dossiers.trajectoryA.id);
    // not vacuous: every part of the dossier is there to compare
    expect(original.members).toHaveLength(2);
    expect(original.attachments.length).toBeGreaterThan(0);
    expect(original.history.riskAssessments).toHaveLength(2);
    expect(original.history.minutes[0]?.text).toMatch(/school wordt betrokken/);
    expect(original.history.decisions).toHaveLength(1);
    expect(original.history.plan[0]?.actions).toHaveLength(2);
    expect(await content(out.dossierId)).toEqual(original);

    expect(await ownerDb().dossierImport.findUniqueOrThrow({ where: { dossierId: out.dossierId } })).toMatchObject({
      sourceReference: s.dossiers.trajectoryA.reference,
      sourceStatus: 'IN_TRAJECTORY',
      formatVersion: 1,
      importedByUserId: u('coordB'),
    });
    const log = await ownerDb().auditEvent.findMany({ where: { dossierId: out.dossierId, action: 'dossier.import' } });
    expect(log).toMatchObject([{ outcome: 'ALLOWED', actorUserId: u('coordB') }]);
    const c = await ownerPgClient();
    try {
      expect(await verifyAuditLog(c)).toMatchObject({ ok: true });
    } finally {
      await c.end();
    }
  });

  it('a wrong passphrase, a changed byte or a non-coordinator: a clear message and nothing written', async () => {
    const before = await counts();
    await expect(
      importDossier(u('coordB'), { passphrase: 'een verkeerde wachtzin', file: archive }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/wachtzin is onjuist of het bestand is gewijzigd/),
    });
    const tampered = Buffer.from(archive);
    tampered[tampered.length - 40]! ^= 1;
    await expect(importDossier(u('coordB'), { passphrase: PASS, file: tampered })).rejects.toMatchObject({
      message: expect.stringMatching(/wachtzin is onjuist of het bestand is gewijzigd/),
    });
    await expect(importDossier(u('coordB'), { passphrase: PASS, file: Buffer.from('geen archief') })).rejects.toThrow(
      /geen exportbestand/,
    );
    for (const who of ['referrer2', 'coreStaffA'] as const) {
      await expect(importDossier(u(who), { passphrase: PASS, file: archive })).rejects.toMatchObject({
        code: 'FORBIDDEN_ACTION',
      });
    }
    expect(await counts()).toEqual(before);
  });

  it('an attachment of a type not allowed here (an executable called .pdf) refuses the whole archive before any write', async () => {
    const before = await counts();
    const { data, files } = await openArchive(archive, PASS);
    const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(2048)]);
    const forged = await sealArchive(
      {
        data: {
          ...data,
          attachments: [
            ...data.attachments,
            {
              ...data.attachments[0]!,
              ref: 'x1',
              path: 'attachments/x1',
              fileName: 'factuur.pdf',
              sha256: sha256(exe),
              sizeBytes: exe.length,
            },
          ],
        },
        files: { ...files, 'attachments/x1': exe },
      },
      PASS,
      { name: 'scrypt', N: 2 ** 14, r: 8, p: 1, keyLength: 32 },
    );
    await expect(importDossier(u('coordB'), { passphrase: PASS, file: forged })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/"factuur\.pdf" is van een bestandstype dat hier niet toegelaten is/),
    });
    expect(await counts()).toEqual(before);
  });

  it('the app role cannot write provenance for another house, nor change or remove it', async () => {
    const row = await ownerDb().dossierImport.findFirstOrThrow();
    const { appRoleClient } = await import('../helpers/db');
    const c = await appRoleClient();
    try {
      await expect(
        c.query(`UPDATE "DossierImport" SET "sourceReference" = 'x' WHERE id = $1`, [row.id]),
      ).rejects.toThrow(/permission denied/);
      await expect(c.query(`DELETE FROM "DossierImport" WHERE id = $1`, [row.id])).rejects.toThrow(/permission denied/);
      await expect(
        c.query(
          `INSERT INTO "DossierImport" ("dossierId","safeHouseId","sourceInstallation","sourceSafeHouseCode","sourceReference","sourceStatus","formatVersion","exportedAt","importedByUserId")
           VALUES ($1,$2,'x','x','x','x',1,now(),$3)`,
          [s.dossiers.submittedA.id, s.houseA.id, u('coordA')],
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await c.end();
    }
  });

  it('the archive carries the minutes, decisions and plan as a PDF listed with its checksum, watermarked for the exporter', async () => {
    const { data, files } = await openArchive(archive, PASS);
    expect(data.minutes).toEqual([
      expect.objectContaining({ location: 'Zaal Schelde', finalisedAt: expect.any(String) }),
    ]);
    expect(data.documents).toEqual([
      expect.objectContaining({ path: 'documents/verslag-en-plan.pdf', mediaType: 'application/pdf' }),
    ]);
    const bytes = files['documents/verslag-en-plan.pdf']!;
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(`Verslag casusoverleg ${s.dossiers.trajectoryA.reference}`);
    const text = doc
      .getPages()
      .map((page) => {
        const c = page.node.Contents();
        const streams = c instanceof PDFArray ? c.asArray().map((r) => doc.context.lookup(r)) : [c];
        return streams
          .map((x) => (x instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(x).decode()).toString('latin1') : ''))
          .join('\n');
      })
      .join('\n');
    // pdf-lib writes standard-font text as upper-case hex of the WinAnsi codes
    const hex = (t: string) => Buffer.from(t, 'latin1').toString('hex').toUpperCase();
    for (const phrase of ['Huisbezoek', 'Veiligheid thuis', 'De school wordt betrokken', 'Vertrouwelijk'])
      expect(text, phrase).toContain(hex(phrase));
    expect(text).toContain(hex(s.users.coordA.name));
  });

  it('the coordinator of the receiving house reads the source history (read-only, logged); the others get nothing', async () => {
    const out = await importDossier(u('coordB'), { passphrase: PASS, file: archive });
    const view = await getImportHistory(u('coordB'), out.dossierId);
    expect(view).toMatchObject({
      sourceReference: s.dossiers.trajectoryA.reference,
      sourceStatus: 'IN_TRAJECTORY',
      importedBy: s.users.coordB.name,
    });
    expect(view!.history!.decisions.map((d) => d.text)).toEqual(['Veiligheidsplan opstellen met de moeder.']);
    expect(view!.history!.riskAssessments.map((r) => r.riskLevel)).toEqual(['ELEVATED', 'HIGH']);
    expect(
      await ownerDb().auditEvent.count({
        where: { dossierId: out.dossierId, action: 'dossier.importHistory', actorUserId: u('coordB') },
      }),
    ).toBe(1);
    // a dossier held here from the start has no import history
    expect(await getImportHistory(u('coordA'), s.dossiers.trajectoryA.id)).toBeNull();
    // the coordinator of the source house does not see the imported dossier at all
    await expect(getImportHistory(u('coordA'), out.dossierId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // the history is field-encrypted at rest: nothing of it is readable in the column
    const row = await ownerDb().dossierImport.findUniqueOrThrow({ where: { dossierId: out.dossierId } });
    expect(row.historyEnc).toMatch(/^v1\./);
    expect(row.historyEnc).not.toMatch(/Veiligheidsplan|Huisbezoek/);
  });
});

describe('issue 14 §4: the round trip into another installation (own database, own field and HMAC keys, own blob store)', () => {
  const second = `vhd_second_install_${process.pid}`;
  const blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vhd-second-blobs-'));
  afterAll(async () => {
    await dropDatabase(withDatabase(inject('db').serverUrl, second));
    fs.rmSync(blobDir, { recursive: true, force: true });
  });

  it("export here → import there (a separate process) → the same dossier under the other installation's keys; its chain verifies", async () => {
    const file = path.join(blobDir, 'dossier.vhdx');
    fs.writeFileSync(file, archive);
    const key = randomBytes(32).toString('base64');
    const hmacKey = randomBytes(32).toString('base64');
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        'npx',
        ['tsx', '--conditions=react-server', 'tests/helpers/second-installation.ts', file],
        {
          cwd: path.resolve(import.meta.dirname, '../..'),
          maxBuffer: 16 * 1024 * 1024,
          env: {
            ...process.env,
            SECOND_SERVER_URL: inject('db').serverUrl,
            SECOND_DATABASE: second,
            ARCHIVE_PASSPHRASE: PASS,
            APP_DB_PASSWORD: inject('secrets').APP_DB_PASSWORD,
            NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
            FIELD_ENCRYPTION_KEYS: `tweede:${key}`,
            FIELD_ENCRYPTION_KEY_ID: 'tweede',
            LOOKUP_HMAC_KEY: hmacKey,
            ATTACHMENT_DIR: path.join(blobDir, 'store'),
          },
        },
        (err, stdout, stderr) =>
          resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
      ),
    );
    expect(run.stderr + run.stdout).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    const there = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    // identical content, read there with the other installation's keys
    expect(there.content).toEqual(await content(s.dossiers.trajectoryA.id));
    expect(there).toMatchObject({
      status: 'SUBMITTED',
      provenance: { sourceReference: s.dossiers.trajectoryA.reference, sourceStatus: 'IN_TRAJECTORY' },
      chain: { ok: true },
      importEvents: 1,
    });
    expect(there.reference).toMatch(/GNT/);
    // re-encrypted, not copied: the lookup HMAC is the other key's, and it finds the number there
    const here = await ownerDb().clientMember.findFirstOrThrow({
      where: { dossierId: s.dossiers.trajectoryA.id, nationalNumberHmac: { not: null } },
    });
    expect(there.lookups).toEqual([{ hmac: expect.stringMatching(/^[0-9a-f]{64}$/), matchesOwnKey: true }]);
    expect(there.lookups[0].hmac).not.toBe(here.nationalNumberHmac);
    // the other installation's blob store holds only ciphertext: no attachment or name in clear
    const stored = fs
      .readdirSync(path.join(blobDir, 'store'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => fs.readFileSync(path.join(e.parentPath, e.name)));
    expect(stored.length).toBeGreaterThan(0);
    for (const b of stored) expect(b.includes(Buffer.from('%PDF'))).toBe(false);
  }, 180_000);
});
