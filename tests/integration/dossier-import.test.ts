import { beforeAll, describe, expect, it } from 'vitest';
import { addAttachment } from '@/lib/attachments/add-attachment';
import { attachmentStore } from '@/lib/attachments/blob-store';
import { openBlob } from '@/lib/attachments/blob-crypto';
import { verifyAuditLog } from '@/lib/audit/verify-db';
import { decryptField } from '@/lib/crypto/fields';
import { fieldKeys } from '@/lib/crypto/keys';
import { exportDossier } from '@/lib/dossier-export/export-dossier';
import { importDossier } from '@/lib/dossier-export/import-dossier';
import { ownerDb, ownerPgClient } from '../helpers/db';
import { pdf } from '../helpers/files';
import { buildScenario, type Scenario } from '../helpers/scenario';

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

/** What must survive the round trip, without ids, keys or ciphertext. */
async function projection(dossierId: string) {
  const keys = fieldKeys();
  const db = ownerDb();
  const d = await db.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    include: { referral: true, members: { orderBy: { createdAt: 'asc' } } },
  });
  const atts = await db.attachment.findMany({ where: { dossierId }, orderBy: { createdAt: 'asc' } });
  const store = attachmentStore();
  const r = d.referral;
  return {
    label: d.clientSystemLabel,
    members: d.members.map((m) => ({
      role: m.memberRole,
      name: [m.firstName, m.lastName],
      born: m.dateOfBirth?.toISOString() ?? null,
      minor: m.isMinor,
      nn: m.nationalNumberEnc ? decryptField(keys, m.nationalNumberEnc) : null,
      nnHmac: m.nationalNumberHmac,
      contact: m.contactEnc ? decryptField(keys, m.contactEnc) : null,
      safeAddress: m.safeAddress,
    })),
    referral: r && {
      forms: r.violenceForms,
      types: r.violenceTypes,
      situation: r.situation,
      answers: r.riskAnswers,
      score: r.riskScore,
      judgement: r.riskJudgement,
    },
    attachments: await Promise.all(
      atts.map(async (a) => ({
        name: decryptField(keys, a.fileNameEnc),
        type: a.mediaType,
        category: a.category,
        sha: (await import('node:crypto'))
          .createHash('sha256')
          .update(openBlob(keys, a.blobKey, a.wrappedKey, (await store.get(a.blobKey))!))
          .digest('hex'),
      })),
    ),
  };
}

beforeAll(async () => {
  s = await buildScenario();
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
  it('round trip: the coordinator of another house gets the same members, referral (with its risk screening) and attachments (byte-identical) under a new reference; provenance and the log chain hold', async () => {
    const out = await importDossier(u('coordB'), { passphrase: PASS, file: archive });
    expect(out.sourceReference).toBe(s.dossiers.trajectoryA.reference);
    expect(out.reference).not.toBe(s.dossiers.trajectoryA.reference);
    const imported = await ownerDb().dossier.findUniqueOrThrow({ where: { id: out.dossierId } });
    expect(imported).toMatchObject({ safeHouseId: s.houseB.id, status: 'SUBMITTED', reference: out.reference });

    const original = await projection(s.dossiers.trajectoryA.id);
    expect(original.members.length).toBeGreaterThan(0);
    expect(original.attachments.length).toBeGreaterThan(0);
    expect(await projection(out.dossierId)).toEqual(original);

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
});
