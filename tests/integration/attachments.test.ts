import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { addAttachment } from '@/lib/attachments/add-attachment';
import { downloadAttachment, downloadName } from '@/lib/attachments/download-attachment';
import { listAttachments } from '@/lib/attachments/list-attachments';
import { attachmentDir, attachmentStore, blobKeyFor, type BlobStore } from '@/lib/attachments/blob-store';
import { openBlob } from '@/lib/attachments/blob-crypto';
import { blobResidue, sweepOrphanBlobs } from '@/lib/attachments/purge-blobs';
import { TYPE_REFUSED } from '@/lib/attachments/limits';
import { checkAdmission } from '@/lib/admission/check-admission';
import { getAccessOverview } from '@/lib/gdpr/access-overview';
import { purgeExpiredDossiers } from '@/lib/retention/purge';
import { parseRetentionTerms } from '@/lib/retention/terms';
import { decryptField, encryptField, parseFieldKeys } from '@/lib/crypto/fields';
import { makeDossier } from '@/prisma/factories';
import { appRoleClient, ownerDb, testKeys } from '../helpers/db';
import { admissionCheck } from '../helpers/forms';
import { docx, exe, jpeg, odt, pdf, plainZip, png, xlsx } from '../helpers/files';
import { buildScenario, closeAsOwner, makeCaseLike, makeSessionWithAgenda, type Scenario } from '../helpers/scenario';
import { asActor } from '../helpers/sql-actor';

/**
 * Issue 13 §3 (ADR 0040): documents attached to a dossier — who adds them (the coordinator at any
 * time, a core partner with its input while the round is open, a participant during an open
 * session), who reads them (as what they are attached to), the type by content, the size limit,
 * encryption at rest with a per-file key, the download in the access log, nothing half-written,
 * and the purge that takes the files with the dossier.
 */
let s: Scenario;
let sessionItem: string;
const meta = (place: string, over: Partial<{ category: string; concernsMemberId: string }> = {}) => ({
  place,
  category: '11',
  concernsMemberId: '',
  ...over,
});
const file = (name: string, bytes: Buffer) => ({ name, bytes: new Uint8Array(bytes) });
const u = (k: keyof Scenario['users']) => s.users[k].id;
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ALLOWED',
    (e: { code?: string }) => e.code ?? 'ERROR',
  );

beforeAll(async () => {
  s = await buildScenario();
  // an open session with trajectoryA on its agenda (art. 13; ADR 0033)
  sessionItem = (await makeSessionWithAgenda(s.dossiers.trajectoryA, u('coordA'))).agendaItem.id;
});

describe('issue 13 §3, art. 15 §1: a document is encrypted at rest with a key of its own', () => {
  it('AES-256-GCM per file, the key wrapped by the field key with its key id; the bytes on disk hold neither the content nor the name', async () => {
    const marker = `Vertrouwelijk-${Date.now()}`;
    const a = await addAttachment(
      u('coordA'),
      s.dossiers.trajectoryA.id,
      meta('dossier'),
      file(`Plan ${marker}.pdf`, pdf(marker)),
    );
    const b = await addAttachment(
      u('coordA'),
      s.dossiers.trajectoryA.id,
      meta('dossier'),
      file('Tweede.pdf', pdf(marker)),
    );
    const row = await ownerDb().attachment.findUniqueOrThrow({ where: { id: a.id } });
    const keys = testKeys();
    expect(row).toMatchObject({
      context: 'COORDINATOR',
      mediaType: 'application/pdf',
      keyId: keys.current,
      blobKey: `${s.dossiers.trajectoryA.id}/${a.id}`,
      category: 11,
    });
    expect(row.wrappedKey.startsWith(`v1.${keys.current}.`)).toBe(true);
    expect(row.fileNameEnc).not.toContain(marker);
    expect(decryptField(keys, row.fileNameEnc)).toBe(`Plan ${marker}.pdf`);
    // each file its own key: the same content under two keys
    const other = await ownerDb().attachment.findUniqueOrThrow({ where: { id: b.id } });
    expect(decryptField(keys, other.wrappedKey)).not.toBe(decryptField(keys, row.wrappedKey));

    const onDisk = fs.readFileSync(path.join(attachmentDir(), s.dossiers.trajectoryA.id, a.id));
    expect(onDisk.includes(Buffer.from(marker))).toBe(false);
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
    expect(onDisk.subarray(0, 4).toString()).toBe('VHB1');
    expect(openBlob(keys, row.blobKey, row.wrappedKey, onDisk).equals(pdf(marker))).toBe(true);
    // a file put in another row's place does not decrypt (the blob key is authenticated)
    expect(() => openBlob(keys, other.blobKey, row.wrappedKey, onDisk)).toThrow();
    // rotation: with a new current key, the old key id still unwraps
    const rotated = parseFieldKeys(
      `${[...keys.keys].map(([id, k]) => `${id}:${k.toString('base64')}`).join(',')},k9:${Buffer.alloc(32, 7).toString('base64')}`,
      'k9',
      keys.hmacKey.toString('base64'),
    );
    expect(openBlob(rotated, row.blobKey, row.wrappedKey, onDisk).equals(pdf(marker))).toBe(true);

    const down = await downloadAttachment(u('coordA'), a.id);
    expect(down.bytes.equals(pdf(marker))).toBe(true);
    expect(down.mediaType).toBe('application/pdf');
  });
});

describe('issue 13 §3: the type is decided by the content (magic bytes), not by the name', () => {
  it('PDF, PNG, JPEG and office files (OOXML, OpenDocument) are accepted as what they are', async () => {
    const cases: [string, Buffer, string][] = [
      ['a.pdf', pdf('x'), 'application/pdf'],
      ['b.png', png(), 'image/png'],
      ['c.jpg', jpeg(), 'image/jpeg'],
      ['d.docx', docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['e.xlsx', xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['f.odt', odt(), 'application/vnd.oasis.opendocument.text'],
      // a Word file named .pdf is still a Word file
      ['g.pdf', docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ];
    for (const [name, bytes, type] of cases) {
      const r = await addAttachment(u('coordA'), s.dossiers.trajectoryA.id, meta('dossier'), file(name, bytes));
      expect(r.mediaType, name).toBe(type);
    }
  });

  it('an executable renamed .pdf, a plain ZIP named .docx and a text file are refused at the file field, and nothing is stored', async () => {
    const before = await attachmentStore().list(s.dossiers.trajectoryA.id);
    const rows = await ownerDb().attachment.count({ where: { dossierId: s.dossiers.trajectoryA.id } });
    for (const [name, bytes] of [
      ['rapport.pdf', exe()],
      ['verslag.docx', plainZip()],
      ['nota.pdf', Buffer.from('gewone tekst, geen pdf')],
    ] as const) {
      const err = await addAttachment(u('coordA'), s.dossiers.trajectoryA.id, meta('dossier'), file(name, bytes)).catch(
        (e) => e,
      );
      expect(err.code, name).toBe('VALIDATION');
      expect(err.fieldErrors.file, name).toBe(TYPE_REFUSED);
    }
    expect(TYPE_REFUSED).toBe(
      'Dit bestandstype is niet toegelaten: enkel PDF, afbeeldingen (PNG, JPEG) en kantoorbestanden.',
    );
    expect(await attachmentStore().list(s.dossiers.trajectoryA.id)).toEqual(before);
    expect(await ownerDb().attachment.count({ where: { dossierId: s.dossiers.trajectoryA.id } })).toBe(rows);
  });

  it('over the size limit (ATTACHMENT_MAX_BYTES) a file is refused with the limit named; the category is required', async () => {
    const old = process.env.ATTACHMENT_MAX_BYTES;
    process.env.ATTACHMENT_MAX_BYTES = '2048';
    try {
      const big = Buffer.concat([pdf('groot'), Buffer.alloc(3000, 32)]);
      const err = await addAttachment(
        u('coordA'),
        s.dossiers.trajectoryA.id,
        meta('dossier'),
        file('groot.pdf', big),
      ).catch((e) => e);
      expect(err.code).toBe('VALIDATION');
      expect(err.fieldErrors.file).toMatch(/te groot: hoogstens 2 kB/);
      const ok = await addAttachment(
        u('coordA'),
        s.dossiers.trajectoryA.id,
        meta('dossier'),
        file('klein.pdf', pdf('k')),
      );
      expect(ok.sizeBytes).toBeLessThan(2048);
    } finally {
      if (old === undefined) delete process.env.ATTACHMENT_MAX_BYTES;
      else process.env.ATTACHMENT_MAX_BYTES = old;
    }
    const noCategory = await addAttachment(
      u('coordA'),
      s.dossiers.trajectoryA.id,
      meta('dossier', { category: '' }),
      file('a.pdf', pdf('a')),
    ).catch((e) => e);
    expect(noCategory.fieldErrors.category).toMatch(/categorie/);
    // a member of another dossier is refused
    const other = await ownerDb().clientMember.findFirstOrThrow({ where: { dossierId: s.dossiers.submittedA.id } });
    const wrongMember = await addAttachment(
      u('coordA'),
      s.dossiers.trajectoryA.id,
      meta('dossier', { concernsMemberId: other.id }),
      file('a.pdf', pdf('a')),
    ).catch((e) => e);
    expect(wrongMember.fieldErrors.concernsMemberId).toBeDefined();
  });
});

describe('issue 13 §3, art. 11, 13: who may attach, per role and session state', () => {
  it('art. 13: a participant attaches during an open session of the case, tied to its agenda item — not outside one', async () => {
    const r = await addAttachment(
      u('participant'),
      s.dossiers.trajectoryA.id,
      meta('session'),
      file('p.pdf', pdf('p')),
    );
    expect(await ownerDb().attachment.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      context: 'SESSION',
      agendaItemId: sessionItem,
      uploadedByUserId: u('participant'),
    });
    // the same participant in a case whose session is only planned
    const planned = await makeCaseLike(s, 'trajectoryA');
    await makeSessionWithAgenda(planned.dossier, u('coordA'), { state: 'PLANNED' });
    const outside = await addAttachment(
      u('participant'),
      planned.dossier.id,
      meta('session'),
      file('p.pdf', pdf('p')),
    ).catch((e) => e);
    expect(outside.code).toBe('CONFLICT');
    expect(outside.message).toMatch(/geopend casusoverleg/);
    expect(await attachmentStore().list(planned.dossier.id)).toEqual([]);
    // not acknowledged the secrecy, or left: no participant at all
    for (const k of ['participantNotAcknowledged', 'participantLeft'] as const)
      expect(
        await codeOf(addAttachment(u(k), s.dossiers.trajectoryA.id, meta('session'), file('p.pdf', pdf('p')))),
      ).toBe('NOT_FOUND');
    // a participant is not the coordinator: no "dossier" attachment
    expect(
      await codeOf(
        addAttachment(u('participant'), s.dossiers.trajectoryA.id, meta('dossier'), file('p.pdf', pdf('p'))),
      ),
    ).toBe('NOT_FOUND');
  });

  it('art. 11: a core partner attaches with its input while the round is open; not to a trajectory, not another role', async () => {
    const r = await addAttachment(u('coreStaffA'), s.dossiers.submittedA.id, meta('input'), file('i.pdf', pdf('i')));
    expect(await ownerDb().attachment.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      context: 'PARTNER_INPUT',
      organisationId: s.users.coreStaffA.organisationId,
    });
    for (const [k, dossier, place] of [
      ['coreStaffA', s.dossiers.trajectoryA.id, 'input'],
      ['coreStaffA', s.dossiers.submittedA.id, 'dossier'],
      ['coreRoleNonCoreOrg', s.dossiers.submittedA.id, 'input'],
      ['referrer', s.dossiers.submittedA.id, 'input'],
      ['mandated', s.dossiers.submittedA.id, 'input'],
      ['coordB', s.dossiers.submittedA.id, 'dossier'],
      ['dpo', s.dossiers.submittedA.id, 'dossier'],
    ] as const)
      expect(await codeOf(addAttachment(u(k), dossier, meta(place), file('x.pdf', pdf('x')))), `${k} ${place}`).toBe(
        'NOT_FOUND',
      );
  });

  it('the coordinator attaches at any time until closure; a closed dossier is read-only', async () => {
    expect(
      await codeOf(addAttachment(u('reprA'), s.dossiers.submittedA.id, meta('dossier'), file('c.pdf', pdf('c')))),
    ).toBe('ALLOWED');
    const closed = await makeCaseLike(s, 'trajectoryA');
    await closeAsOwner(closed.dossier.id);
    expect(await codeOf(addAttachment(u('coordA'), closed.dossier.id, meta('dossier'), file('c.pdf', pdf('c'))))).toBe(
      'CONFLICT',
    );
    expect(await attachmentStore().list(closed.dossier.id)).toEqual([]);
  });
});

describe('issue 13 §3: who may download — as what the document is attached to; "not allowed" is "not found"', () => {
  let coordinatorDoc: string;
  let sessionDoc: string;
  let inputDoc: string;
  let inputDocInTrajectory: string;
  beforeAll(async () => {
    coordinatorDoc = (
      await addAttachment(u('coordA'), s.dossiers.trajectoryA.id, meta('dossier'), file('co.pdf', pdf('co')))
    ).id;
    sessionDoc = (
      await addAttachment(u('participant'), s.dossiers.trajectoryA.id, meta('session'), file('se.pdf', pdf('se')))
    ).id;
    inputDoc = (
      await addAttachment(u('coreStaffA'), s.dossiers.submittedA.id, meta('input'), file('in.pdf', pdf('in')))
    ).id;
    // a core partner's document of the input round of a case now in trajectory (written as the owner)
    const id = crypto.randomUUID();
    inputDocInTrajectory = id;
    await ownerDb().attachment.create({
      data: {
        id,
        dossierId: s.dossiers.trajectoryA.id,
        safeHouseId: s.houseA.id,
        context: 'PARTNER_INPUT',
        organisationId: s.users.coreStaffA.organisationId,
        uploadedByUserId: u('coreStaffA'),
        category: 6,
        fileNameEnc: encryptField(testKeys(), 'Aanvulling politie.pdf'),
        mediaType: 'application/pdf',
        sizeBytes: 1,
        blobKey: blobKeyFor(s.dossiers.trajectoryA.id, id),
        wrappedKey: `v1.${testKeys().current}.x.x.x`,
        keyId: testKeys().current,
      },
    });
  });

  const mayDownload = async (k: keyof Scenario['users'], id: string) => codeOf(downloadAttachment(u(k), id));

  it('the coordinator’s and the session’s documents: the case team (coordinators of the house, participants who acknowledged)', async () => {
    for (const id of [coordinatorDoc, sessionDoc]) {
      for (const k of ['coordA', 'reprA', 'participant'] as const) expect(await mayDownload(k, id), k).toBe('ALLOWED');
      for (const k of [
        'coordB',
        'participantNotAcknowledged',
        'participantLeft',
        'coreStaffA',
        'referrer2',
        'mandated',
        'dpo',
        'admin',
      ] as const)
        expect(await mayDownload(k, id), k).toBe('NOT_FOUND');
    }
  });

  it('art. 11: a core partner’s document only for those who read its input — the partner’s organisation and the coordinators', async () => {
    for (const k of ['coreStaffA', 'coordA', 'reprA'] as const)
      expect(await mayDownload(k, inputDoc), k).toBe('ALLOWED');
    for (const k of ['coreRoleNonCoreOrg', 'referrer', 'mandated', 'coordB', 'participant', 'dpo'] as const)
      expect(await mayDownload(k, inputDoc), k).toBe('NOT_FOUND');
    // in a trajectory, the participants do not read the core partners' input documents
    expect(await mayDownload('participant', inputDocInTrajectory)).toBe('NOT_FOUND');
    const seen = (await listAttachments(u('participant'), s.dossiers.trajectoryA.id)).map((r) => r.id);
    expect(seen).toEqual(expect.arrayContaining([coordinatorDoc, sessionDoc]));
    expect(seen).not.toContain(inputDocInTrajectory);
    expect((await listAttachments(u('coordA'), s.dossiers.trajectoryA.id)).map((r) => r.id)).toContain(
      inputDocInTrajectory,
    );
    // the second wall: as the application role, the participant reads none of them either
    const client: pg.Client = await appRoleClient();
    try {
      const q = `SELECT count(*)::int AS n FROM "Attachment" WHERE "dossierId" = $1 AND "context" = 'PARTNER_INPUT'`;
      expect((await asActor(client, u('participant'), q, [s.dossiers.trajectoryA.id])).rows[0].n).toBe(0);
      expect((await asActor(client, u('coordA'), q, [s.dossiers.trajectoryA.id])).rows[0].n).toBeGreaterThan(0);
      expect((await asActor(client, u('coreStaffA'), q, [s.dossiers.submittedA.id])).rows[0].n).toBeGreaterThan(0);
      expect((await asActor(client, u('coordB'), q, [s.dossiers.submittedA.id])).rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('a download is in the access log; a refused one is logged as denied; a malformed id is "not found"', async () => {
    const allowed = () =>
      ownerDb().auditEvent.count({
        where: {
          actorUserId: u('participant'),
          action: 'attachment.download',
          objectId: coordinatorDoc,
          outcome: 'ALLOWED',
        },
      });
    const denied = () =>
      ownerDb().auditEvent.count({ where: { actorUserId: u('coordB'), objectId: coordinatorDoc, outcome: 'DENIED' } });
    const [allowedBefore, deniedBefore] = [await allowed(), await denied()];
    await downloadAttachment(u('participant'), coordinatorDoc);
    expect(await allowed()).toBe(allowedBefore + 1);
    await downloadAttachment(u('coordB'), coordinatorDoc).catch(() => undefined);
    expect(await denied()).toBe(deniedBefore + 1);
    expect(await mayDownload('coordA', '../../etc/passwd')).toBe('NOT_FOUND');
    expect(await mayDownload('coordA', crypto.randomUUID())).toBe('NOT_FOUND');
  });

  it('the download name is safe for a header and carries the real type’s extension', () => {
    expect(downloadName('Verslag "Peeters"\r\n.exe.pdf', 'application/pdf')).toBe('Verslag _Peeters_.exe.pdf');
    expect(downloadName('Élodie ça.docx', 'application/pdf')).toBe('Elodie ca.pdf');
    expect(downloadName('...', 'image/png')).toBe('bijlage.png');
  });
});

describe('issue 13 §3: nothing half-written', () => {
  it('when the transaction fails after the file was written (the session closed meanwhile), neither the row nor the file remains', async () => {
    const w = await makeCaseLike(s, 'trajectoryA');
    const { session } = await makeSessionWithAgenda(w.dossier, u('coordA'));
    const local = attachmentStore();
    // the coordinator closes the session while the file is being stored
    const racing: BlobStore = {
      put: async (key, bytes) => {
        await local.put(key, bytes);
        expect(await local.list(w.dossier.id)).toHaveLength(1);
        await ownerDb().conferenceSession.update({
          where: { id: session.id },
          data: { state: 'CLOSED', closedAt: new Date(), closedByUserId: u('coordA') },
        });
      },
      get: (k) => local.get(k),
      delete: (k) => local.delete(k),
      list: (p) => local.list(p),
    };
    await expect(
      addAttachment(u('participant'), w.dossier.id, meta('session'), file('r.pdf', pdf('race')), racing),
    ).rejects.toThrow();
    expect(await ownerDb().attachment.count({ where: { dossierId: w.dossier.id } })).toBe(0);
    expect(await local.list(w.dossier.id)).toEqual([]);
  });

  it('the sweep removes files without a row: at once for a purged dossier, for a live one only after the grace period, never for an unknown one', async () => {
    const store = attachmentStore();
    const kept = await addAttachment(u('coordA'), s.dossiers.trajectoryA.id, meta('dossier'), file('b.pdf', pdf('b')));
    const purgedDossier = crypto.randomUUID();
    await ownerDb().deletionRecord.create({
      data: {
        dossierId: purgedDossier,
        reference: `VH-SWEEP-${Date.now()}`,
        safeHouseId: s.houseA.id,
        retentionUntil: new Date(),
        purgedAt: new Date(),
        rowsDeleted: 1,
      },
    });
    const goneKey = blobKeyFor(purgedDossier, crypto.randomUUID());
    const unknownKey = blobKeyFor(crypto.randomUUID(), crypto.randomUUID());
    const freshKey = blobKeyFor(s.dossiers.trajectoryA.id, crypto.randomUUID());
    await store.put(goneKey, Buffer.from('x'));
    await store.put(unknownKey, Buffer.from('z'));
    await store.put(freshKey, Buffer.from('y'));
    const removed = await sweepOrphanBlobs(ownerDb(), store);
    expect(removed).toContain(goneKey);
    expect(removed).not.toContain(freshKey);
    // a dossier this database never knew (another installation's store?): left alone
    expect(removed).not.toContain(unknownKey);
    expect(await store.get(unknownKey)).not.toBeNull();
    const later = await sweepOrphanBlobs(ownerDb(), store, new Date(Date.now() + 2 * 3_600_000));
    expect(later).toContain(freshKey);
    // files with a row are never swept
    expect(await store.get(blobKeyFor(s.dossiers.trajectoryA.id, kept.id))).not.toBeNull();
    expect(later.every((k) => !k.startsWith(s.dossiers.trajectoryA.id) || k === freshKey)).toBe(true);
  });
});

describe('art. 15 §3: the purge deletes a dossier’s files with it, and the residue check finds none', () => {
  it('art. 15 §3: after the term, the rows and the encrypted files of the dossier are gone', async () => {
    const dossier = await makeDossier(ownerDb(), testKeys(), {
      safeHouseId: s.houseA.id,
      referrerUserId: u('referrer'),
      referrerOrganisationId: s.users.referrer.organisationId,
      status: 'SUBMITTED',
      members: [{ memberRole: 'VICTIM', firstName: 'Pia', lastName: 'Purge' }],
    });
    const a = await addAttachment(u('coordA'), dossier.id, meta('dossier'), file('weg.pdf', pdf('weg')));
    await checkAdmission(
      u('coordA'),
      dossier.id,
      admissionCheck({ criterion2Met: 'nee', decisionReasons: 'Geen intersectorale aanpak nodig.' }),
      new Date('2026-06-15T10:00:00Z'),
    );
    const d = await ownerDb().dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    const store = attachmentStore();
    expect(await blobResidue(store, [dossier.id])).toEqual([`${dossier.id}/${a.id}`]);
    const terms = parseRetentionTerms({});
    const purged = await purgeExpiredDossiers(ownerDb(), new Date(d.retentionUntil!.getTime() + 1000), terms, {
      safeHouseId: s.houseA.id,
    });
    expect(purged).toContainEqual(expect.objectContaining({ dossierId: dossier.id }));
    expect(await ownerDb().attachment.count({ where: { dossierId: dossier.id } })).toBe(0);
    expect(await blobResidue(store, [dossier.id])).toEqual([]);
    expect(fs.existsSync(path.join(attachmentDir(), dossier.id))).toBe(false);
  });
});

describe('GDPR art. 15: the access overview of a person lists the documents about them', () => {
  it('GDPR art. 15: a document about a member is in that member’s overview (name, category, organisation), not in another’s', async () => {
    const members = await ownerDb().clientMember.findMany({ where: { dossierId: s.dossiers.trajectoryA.id } });
    const member = members[0]!;
    const a = await addAttachment(
      u('coordA'),
      s.dossiers.trajectoryA.id,
      meta('dossier', { category: '10', concernsMemberId: member.id }),
      file('Medisch attest.pdf', pdf('attest')),
    );
    const overview = await getAccessOverview(u('coordA'), member.id);
    const listed = overview.records.flatMap((r) => r.attachments);
    expect(listed).toContainEqual(
      expect.objectContaining({ id: a.id, fileName: 'Medisch attest.pdf', categoryLabel: 'Gezondheid' }),
    );
    const other = await ownerDb().clientMember.findFirstOrThrow({ where: { dossierId: s.dossiers.submittedA.id } });
    const otherOverview = await getAccessOverview(u('coordA'), other.id);
    expect(otherOverview.records.flatMap((r) => r.attachments).map((x) => x.id)).not.toContain(a.id);
  });
});
