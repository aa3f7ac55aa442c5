import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readForm } from '@/lib/forms/form-action';
import { NOTICES, noticeText, noticeUrl } from '@/lib/forms/notices';
import { errorResponse } from '@/lib/http/error-response';
import { conflict, invalid, notFound, AppError } from '@/lib/errors';
import { AUDIT_ACTION_LABEL, PURPOSE_LABEL, actionLabel, objectLabel, purposeLabel } from '@/lib/audit/vocabulary';
import { PERMISSIONS } from '@/lib/access/policy';
import { proposalSchema } from '@/lib/disclosures/schemas';
import { respondSchema } from '@/lib/conferences/schemas';
import { yesNo } from '@/lib/validation/yes-no';

/** Issue 10 §2: one form pipeline typed by the zod schema; §1: the access log's vocabulary. */
describe('the form pipeline', () => {
  it('reads exactly the schema’s fields: lists for array fields, empty strings for missing ones, nothing else', () => {
    const fd = new FormData();
    fd.append('kind', 'CLIENT_MEMBER');
    fd.append('itemIds', 'a');
    fd.append('itemIds', 'b');
    fd.append('$ACTION_ID_x', 'ignored');
    fd.append('smuggled', 'ignored');
    const v = readForm(proposalSchema, fd);
    expect(v).toEqual({
      kind: 'CLIENT_MEMBER',
      memberId: '',
      recipient: '',
      itemIds: ['a', 'b'],
      sharerUserId: '',
      ground: '',
      goalId: '',
      necessity: '',
      minorObjection: '',
      minorObjectionNote: '',
    });
  });

  it('reads every branch of a discriminated union (accept or decline an invitation)', () => {
    const fd = new FormData();
    fd.append('answer', 'decline');
    fd.append('declineNote', 'geen tijd');
    expect(readForm(respondSchema, fd)).toEqual({
      answer: 'decline',
      attendeeUserId: '',
      attendance: '',
      declineNote: 'geen tijd',
    });
  });

  it("parses 'ja'/'nee' to a boolean at the edge and refuses anything else at the field", () => {
    expect(yesNo('ja', 'show')).toBe(true);
    expect(yesNo('nee', 'show')).toBe(false);
    expect(() => yesNo('true', 'show')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', fieldErrors: { show: 'Kies ja of nee.' } }),
    );
  });

  it('a notice travels as its key only, and a page shows only its own notices', () => {
    expect(noticeUrl('conference', '/dossiers/x/casusoverleg', 'gestemd', 'voorstel-1')).toBe(
      '/dossiers/x/casusoverleg?melding=gestemd#voorstel-1',
    );
    expect(noticeText('conference', 'gestemd')).toBe(NOTICES.conference.gestemd);
    expect(noticeText('dossier', 'gestemd')).toBeUndefined();
    expect(noticeText('home', 'verlaten')).toMatch(/casus verlaten/);
    expect(noticeText('home', 'toString')).toBeUndefined();
    expect(noticeText('home', ['verlaten'])).toBeUndefined();
  });
});

describe('one error response for route handlers', () => {
  it('answers from the same status table as the forms; not allowed looks like not found', async () => {
    expect(errorResponse(notFound()).status).toBe(404);
    expect(errorResponse(new AppError('FORBIDDEN_ACTION', 'x')).status).toBe(404);
    expect(errorResponse(conflict('Al beslist.')).status).toBe(409);
    const validation = errorResponse(invalid('Niet volledig.', { reason: 'Geef een reden.' }));
    expect(validation.status).toBe(422);
    expect(await validation.text()).toBe('Niet volledig.\nGeef een reden.');
  });

  it('an unexpected error is a 500 with an id, never its message', async () => {
    const res = errorResponse(new Error('relation "Secret" does not exist'));
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).toMatch(/foutcode [0-9a-f]{8}/);
    expect(body).not.toMatch(/Secret/);
  });
});

describe('art. 15 (memorandum): the access log speaks Dutch', () => {
  it('every policy action and every system event has a Dutch label', () => {
    for (const action of Object.keys(PERMISSIONS)) expect(AUDIT_ACTION_LABEL).toHaveProperty([action]);
    for (const label of Object.values(AUDIT_ACTION_LABEL)) expect(label).toMatch(/^[A-Z]/);
  });

  it('every action and purpose the purge job writes in SQL has a label', () => {
    const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../lib/retention/purge.ts'), 'utf8');
    const calls = [...source.matchAll(/audit_append\(([^`]*)\)/g)].map((m) => m[1]!);
    expect(calls.length).toBeGreaterThan(0);
    const literals = calls.flatMap((c) => [...c.matchAll(/'([a-zA-Z.]+)'/g)].map((m) => m[1]!));
    for (const code of literals.filter((l) => l.includes('.'))) expect(actionLabel(code), code).not.toBe(code);
    for (const purpose of ['retentionPurge', 'retentionPurgeGrace', 'draftExpiry']) {
      expect(source).toContain(`'${purpose}'`);
      expect(PURPOSE_LABEL).toHaveProperty([purpose]);
    }
  });

  it('a purpose reads as a legal purpose, not a function name', () => {
    expect(purposeLabel('disclosure')).toMatch(/art\. 14 § 2/);
    expect(purposeLabel('getDossier')).toBe('getDossier');
  });

  it('names objects without content: the reference of a dossier, a short id otherwise', () => {
    const id = '3f0c1a9e-5b7d-4c2a-9e1f-0a1b2c3d4e5f';
    expect(objectLabel('Dossier', id, 'VH-2026-0001')).toBe('Dossier VH-2026-0001');
    expect(objectLabel('InformationItem', id, 'VH-2026-0001')).toBe('Ingebrachte informatie #3f0c1a9e');
    expect(objectLabel('ClientMember.nationalNumber', id, null)).toBe('Rijksregisternummer van een lid #3f0c1a9e');
    expect(objectLabel('AuditLog', 'dossier=VH-1;pagina=2', null)).toBe('Toegangslog (dossier=VH-1;pagina=2)');
  });
});
