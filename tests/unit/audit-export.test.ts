import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '@/lib/csv';
import { describeFilters, filterQuery, parseAuditFilters } from '@/lib/dpo/filters';
import { brusselsDayEnd, brusselsDayStart, brusselsIso, brusselsToday } from '@/lib/time';

describe('CSV of the access log', () => {
  it('quotes fields with semicolons, quotes, line breaks or edge spaces, and doubles quotes', () => {
    expect(csvField('gewoon')).toBe('gewoon');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvField('twee\nregels')).toBe('"twee\nregels"');
    expect(csvField(' rand')).toBe('" rand"');
    expect(csvField(null)).toBe('');
    expect(csvField(12n)).toBe('12');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+32 3')).toBe("'+32 3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-')).toBe("'-");
  });

  it('starts with a BOM and ends every line with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['1', null],
      ]),
    ).toBe('\uFEFFa;b\r\n1;\r\n');
  });
});

describe('filters of the access log', () => {
  it('Brussels days begin at local midnight, in winter and in summer time', () => {
    expect(brusselsDayStart('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(brusselsDayStart('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    // the days the clock changes
    expect(brusselsDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(brusselsDayEnd('2026-03-29').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(brusselsDayStart('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(brusselsDayEnd('2026-10-25').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(brusselsDayEnd('2026-12-31').toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('writes local time with its offset and knows the local date', () => {
    expect(brusselsIso(new Date('2026-01-15T10:00:00.123Z'))).toBe('2026-01-15T11:00:00.123+01:00');
    expect(brusselsIso(new Date('2026-07-15T22:30:00.000Z'))).toBe('2026-07-16T00:30:00.000+02:00');
    expect(brusselsToday(new Date('2026-07-15T22:30:00Z'))).toBe('2026-07-16');
  });

  it('validates the filters and keeps what was typed', () => {
    const ok = parseAuditFilters({ dossier: ' vh-ant-2026-0001 ', van: '2026-11-01', tot: '2026-11-30', pagina: '3' });
    expect(ok.errors).toEqual({});
    expect(ok.values.dossier).toBe('VH-ANT-2026-0001');
    expect(ok.page).toBe(3);
    const bad = parseAuditFilters({ gebruiker: 'x', van: '2026-02-30', actie: 'a b', pagina: '-1' });
    expect(Object.keys(bad.errors).sort()).toEqual(['actie', 'gebruiker', 'van']);
    expect(bad.page).toBe(1);
    expect(parseAuditFilters({ van: '2026-11-02', tot: '2026-11-01' }).errors.tot).toMatch(/vóór/);
  });

  it('builds links with the filters, and a log line without invalid or unknown values', () => {
    const { values, errors } = parseAuditFilters({ actie: 'dossier.view', dossier: 'PEETERS', gebruiker: 'jan' });
    expect(filterQuery(values, { pagina: '2' })).toBe('gebruiker=jan&dossier=PEETERS&actie=dossier.view&pagina=2');
    expect(describeFilters(values, { errors, referenceKnown: false })).toBe(
      'gebruiker=(ongeldig);dossier=(onbekend);actie=dossier.view',
    );
    expect(describeFilters(parseAuditFilters({}).values)).toBe('alles');
  });
});
