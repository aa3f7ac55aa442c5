import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_ARCHIVE_BYTES, openArchive, sealArchive, sha256 } from '@/lib/dossier-export/archive';
import { dossierExportJsonSchema, type DossierExportInput } from '@/lib/dossier-export/schema';

// small scrypt parameters for speed; the header carries them, openArchive accepts 2^14..2^17
const FAST = { name: 'scrypt', N: 2 ** 14, r: 8, p: 1, keyLength: 32 } as const;
const PASS = 'correct paard batterij nietje';
const file = new Uint8Array([37, 80, 68, 70, 45, 1, 2, 3, 255, 0]);

function example(): DossierExportInput {
  return {
    format: 'vhd.dossier-export',
    version: 1,
    exportedAt: '2026-12-04T10:00:00.000Z',
    purpose: 'transfer',
    source: { installation: 'Test', safeHouseCode: 'ANT', reference: 'VH-ANT-2026-0001' },
    dossier: {
      status: 'IN_TRAJECTORY',
      clientSystemLabel: 'Gezin Peeters',
      createdAt: '2026-01-01T08:00:00.000Z',
      submittedAt: '2026-01-02T08:00:00.000Z',
      decidedAt: null,
      closedAt: null,
      decisionReasons: null,
      closureReasons: null,
    },
    members: [
      {
        ref: 'm1',
        memberRole: 'VICTIM',
        firstName: 'Lore',
        lastName: 'Peeters',
        dateOfBirth: '1990-05-01',
        isMinor: false,
        sex: 'FEMALE',
        nationalNumber: '90050112345',
        contact: null,
        safeAddress: true,
      },
    ],
    referral: null,
    riskAssessments: [],
    decisions: [{ createdAt: '2026-02-01T10:00:00.000Z', text: 'Opname in traject.' }],
    minutes: [
      {
        sessionStartsAt: '2026-02-01T09:00:00.000Z',
        location: 'Zaal 1',
        text: 'Verslag van het overleg.',
        finalisedAt: null,
      },
    ],
    plan: [],
    attachments: [
      {
        ref: 'a1',
        path: 'attachments/a1',
        fileName: 'verslag.pdf',
        mediaType: 'application/pdf',
        sizeBytes: file.length,
        sha256: sha256(file),
        category: 11,
        context: 'COORDINATOR',
        concernsMemberRef: 'm1',
      },
    ],
  };
}

describe('dossier export archive (ADR 0047)', () => {
  it('round-trips the JSON and the files byte for byte', async () => {
    const sealed = await sealArchive({ data: example(), files: { 'attachments/a1': file } }, PASS, FAST);
    const opened = await openArchive(sealed, PASS);
    expect(opened.data).toEqual({ ...example(), documents: [] });
    expect(Buffer.from(opened.files['attachments/a1']!).equals(Buffer.from(file))).toBe(true);
    // nothing of the content is readable in the file
    expect(sealed.includes(Buffer.from('Peeters'))).toBe(false);
  });

  it('a file of the first version 1 writers (no minutes, no documents) still opens, with both empty', async () => {
    const { minutes: _m, ...old } = example();
    const sealed = await sealArchive({ data: old, files: { 'attachments/a1': file } }, PASS, FAST);
    const opened = await openArchive(sealed, PASS);
    expect(opened.data.minutes).toEqual([]);
    expect(opened.data.documents).toEqual([]);
  });

  it('a listed document (the minutes and plan PDF) must be present with its checksum', async () => {
    const pdfBytes = strToU8('%PDF-1.7 verslag');
    const doc = {
      path: 'documents/verslag-en-plan.pdf',
      title: 'Verslag',
      mediaType: 'application/pdf' as const,
      sizeBytes: pdfBytes.length,
      sha256: sha256(pdfBytes),
    };
    const good = await sealArchive(
      { data: { ...example(), documents: [doc] }, files: { 'attachments/a1': file, [doc.path]: pdfBytes } },
      PASS,
      FAST,
    );
    expect((await openArchive(good, PASS)).data.documents).toEqual([doc]);
    const missing = await sealArchive(
      { data: { ...example(), documents: [doc] }, files: { 'attachments/a1': file } },
      PASS,
      FAST,
    );
    await expect(openArchive(missing, PASS)).rejects.toMatchObject({ message: /ontbreekt of klopt niet/ });
  });

  it('a wrong passphrase is refused with one clear Dutch message', async () => {
    const sealed = await sealArchive({ data: example(), files: { 'attachments/a1': file } }, PASS, FAST);
    await expect(openArchive(sealed, 'een andere wachtzin')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/wachtzin is onjuist/),
    });
  });

  it('a changed byte in the ciphertext or in the header fails GCM', async () => {
    const sealed = await sealArchive({ data: example(), files: { 'attachments/a1': file } }, PASS, FAST);
    const body = Buffer.from(sealed);
    body[body.length - 40]! ^= 1;
    await expect(openArchive(body, PASS)).rejects.toMatchObject({ message: expect.stringMatching(/gewijzigd/) });
    // the header is authenticated too: change the IV's last base64 character
    const text = sealed.toString('latin1');
    const at = text.indexOf('"iv":"') + 8;
    const header = Buffer.from(sealed);
    header[at] = header[at] === 0x41 ? 0x42 : 0x41;
    await expect(openArchive(header, PASS)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('weak or memory-exhausting KDF parameters are refused before deriving', async () => {
    const weak = await sealArchive({ data: example(), files: { 'attachments/a1': file } }, PASS, {
      ...FAST,
      N: 2 ** 10,
    });
    await expect(openArchive(weak, PASS)).rejects.toMatchObject({ message: /geen exportbestand/ });
  });

  it('a JSON that does not match the schema is refused', async () => {
    const bad = { ...example(), version: 2 } as unknown as DossierExportInput;
    // sealArchive itself validates; build a sealed archive around invalid JSON the way a forger would
    await expect(sealArchive({ data: bad, files: {} }, PASS, FAST)).rejects.toThrow();
    const { createCipheriv, randomBytes, scryptSync } = await import('node:crypto');
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const magic = Buffer.from('VHDX1\n');
    const header = Buffer.from(
      JSON.stringify({
        cipher: 'aes-256-gcm',
        kdf: { name: 'scrypt', N: FAST.N, r: 8, p: 1 },
        salt: salt.toString('base64'),
        iv: iv.toString('base64'),
      }),
    );
    const len = Buffer.alloc(4);
    len.writeUInt32BE(header.length);
    const key = scryptSync(PASS, salt, 32, { N: FAST.N, r: 8, p: 1 });
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(Buffer.concat([magic, len, header]));
    const plain = zipSync({ 'dossier.json': strToU8(JSON.stringify(bad)) });
    const forged = Buffer.concat([magic, len, header, c.update(plain), c.final(), c.getAuthTag()]);
    await expect(openArchive(forged, PASS)).rejects.toMatchObject({ message: /voldoet niet aan het schema/ });
  });

  it('refuses a file that is too large or not an archive, and a short passphrase', async () => {
    await expect(openArchive(new Uint8Array(MAX_ARCHIVE_BYTES + 1), PASS)).rejects.toMatchObject({
      message: /te groot/,
    });
    await expect(openArchive(strToU8('%PDF-1.7 geen archief'), PASS)).rejects.toMatchObject({
      message: /geen exportbestand/,
    });
    await expect(sealArchive({ data: example(), files: {} }, 'kort', FAST)).rejects.toMatchObject({
      message: /minstens 12 tekens/,
    });
  });

  it('the published JSON Schema equals the one generated from zod, and validates an export', () => {
    const published = JSON.parse(readFileSync('docs/schemas/dossier-export-v1.schema.json', 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(dossierExportJsonSchema())));
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(published);
    expect(validate(example())).toBe(true);
    expect(validate({ ...example(), members: [{ ref: 'm1' }] })).toBe(false);
  });
});
