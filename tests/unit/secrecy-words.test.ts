import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIDENTIAL_NOTICE } from '@/lib/pdf/watermark';
import { AUDIT_ACTION_LABEL } from '@/lib/audit/vocabulary';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return rel === path.join('lib', 'generated') ? [] : sources(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}

/**
 * ADR 0029: what binds the participants of a case conference is the secrecy duty of art. 458ter
 * §2 Sw. ("De deelnemers zijn tot geheimhouding verplicht"), not "gedeeld beroepsgeheim" — a
 * different legal ground (seeds 001, 002; DOMAIN.md §2.12).
 */
describe('art. 458ter §2 Sw.: the words for the secrecy of the case conference', () => {
  it('no screen, e-mail or notice calls it "gedeeld beroepsgeheim" or the conference\'s "beroepsgeheim"', () => {
    const offending = ['app', 'components', 'lib'].flatMap(sources).filter((f) => {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      return /gedeelde? beroepsgeheim|beroepsgeheim (van het casusoverleg|bevestig)|Beroepsgeheim bevestig/i.test(text);
    });
    expect(offending).toEqual([]);
  });
  it('the PDF watermark and the access log name the secrecy duty of art. 458ter §2', () => {
    expect(CONFIDENTIAL_NOTICE).toBe('Vertrouwelijk – geheimhoudingsplicht art. 458ter §2 Sw.');
    expect(AUDIT_ACTION_LABEL['secrecy.acknowledge']).toBe('Geheimhoudingsplicht bevestigd');
  });
  it('the acknowledgement asks to know and keep the secrecy duty of art. 458ter §2', () => {
    const page = fs.readFileSync(path.join(ROOT, 'app/(app)/uitnodigingen/page.tsx'), 'utf8');
    expect(page).toContain('valt onder de geheimhoudingsplicht van art. 458ter §2 Sw.');
    expect(page).toContain('Ik ken de geheimhoudingsplicht van art. 458ter §2 Sw. en leef ze na voor deze casus.');
  });
});
