import { beforeAll, describe, expect, it } from 'vitest';
import { addAttachment } from '@/lib/attachments/add-attachment';
import { openArchive } from '@/lib/dossier-export/archive';
import { exportDossier } from '@/lib/dossier-export/export-dossier';
import { ownerDb } from '../helpers/db';
import { pdf } from '../helpers/files';
import { buildScenario, type Scenario } from '../helpers/scenario';

/**
 * Issue 14 §4 (ADR 0047): the dossier as one encrypted archive — for the coordinator of the
 * holding house only, everything of the case and nothing else, the purpose in the access log.
 */
let s: Scenario;
const PASS = 'lange wachtzin voor de overdracht 2026';
const request = { purpose: 'transfer', passphrase: PASS, passphraseRepeat: PASS } as const;
const u = (k: keyof Scenario['users']) => s.users[k].id;
const logRows = (dossierId: string, action: string) =>
  ownerDb().auditEvent.findMany({ where: { dossierId, action }, orderBy: { seq: 'asc' } });

beforeAll(async () => {
  s = await buildScenario();
});

describe('issue 14 §4: export of one dossier as an encrypted archive', () => {
  it('the coordinator gets the whole case: members with decrypted national number, decisions, plan, attachments byte-identical', async () => {
    const marker = `Export-${Date.now()}`;
    const bytes = pdf(marker);
    await addAttachment(
      u('coordA'),
      s.dossiers.trajectoryA.id,
      { place: 'dossier', category: '11', concernsMemberId: '' },
      { name: `Verslag ${marker}.pdf`, bytes: new Uint8Array(bytes) },
    );
    const out = await exportDossier(u('coordA'), s.dossiers.trajectoryA.id, request);
    expect(out.fileName).toBe(`${s.dossiers.trajectoryA.reference}.vhdx`);
    // encrypted: neither the member's name nor the attachment's content is in the file
    const member = await ownerDb().clientMember.findFirstOrThrow({ where: { dossierId: s.dossiers.trajectoryA.id } });
    expect(out.bytes.includes(Buffer.from(member.lastName))).toBe(false);
    expect(out.bytes.includes(Buffer.from(marker))).toBe(false);

    const { data, files } = await openArchive(out.bytes, PASS);
    expect(data.source.reference).toBe(s.dossiers.trajectoryA.reference);
    expect(data.dossier.status).toBe('IN_TRAJECTORY');
    expect(data.members.map((m) => [m.firstName, m.lastName])).toEqual([[member.firstName, member.lastName]]);
    expect(data.attachments).toHaveLength(1);
    expect(data.attachments[0]!.fileName).toBe(`Verslag ${marker}.pdf`);
    expect(Buffer.from(files[data.attachments[0]!.path]!).equals(bytes)).toBe(true);
    // nothing of another case: the other dossiers' labels are absent from the JSON
    const json = JSON.stringify(data);
    for (const other of [s.dossiers.submittedA, s.dossiers.submittedB]) expect(json).not.toContain(other.reference);
    expect(json).not.toMatch(/hash|wrappedKey|blobKey|keyId/);

    const rows = await logRows(s.dossiers.trajectoryA.id, 'dossier.export');
    expect(rows.at(-1)).toMatchObject({ outcome: 'ALLOWED', purpose: 'transfer', actorUserId: u('coordA') });
    expect(rows.at(-1)!.reason).toMatch(/overdracht buiten deze installatie/);
  });

  it("for an access request the purpose in the log is the data subject's right (GDPR art. 15)", async () => {
    await exportDossier(u('coordA'), s.dossiers.trajectoryA.id, { ...request, purpose: 'accessRequest' });
    const rows = await logRows(s.dossiers.trajectoryA.id, 'dossier.export');
    expect(rows.at(-1)).toMatchObject({ outcome: 'ALLOWED', purpose: 'dataSubjectRights' });
  });

  it('the coordinator of another house, a referrer and a core partner get "not found", logged as denied', async () => {
    for (const who of ['coordB', 'referrer2', 'coreStaffA', 'participant'] as const) {
      await expect(exportDossier(u(who), s.dossiers.trajectoryA.id, request)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      // a denied attempt names the dossier as its object (the actor may not know it exists)
      const denied = await ownerDb().auditEvent.findMany({
        where: { objectId: s.dossiers.trajectoryA.id, action: 'dossier.export', actorUserId: u(who) },
      });
      expect(denied.map((r) => r.outcome)).toEqual(['DENIED']);
    }
  });

  it('a short passphrase or two different ones are refused at the field, and nothing is logged as an export', async () => {
    const before = (await logRows(s.dossiers.trajectoryA.id, 'dossier.export')).length;
    await expect(
      exportDossier(u('coordA'), s.dossiers.trajectoryA.id, {
        ...request,
        passphraseRepeat: 'iets anders dan de eerste',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { passphraseRepeat: 'De twee wachtzinnen zijn niet gelijk.' },
    });
    await expect(
      exportDossier(u('coordA'), s.dossiers.trajectoryA.id, {
        ...request,
        passphrase: 'kort',
        passphraseRepeat: 'kort',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { passphrase: expect.stringMatching(/minstens 12/) } });
    expect((await logRows(s.dossiers.trajectoryA.id, 'dossier.export')).length).toBe(before);
  });
});
