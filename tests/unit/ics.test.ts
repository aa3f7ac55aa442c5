import { describe, expect, it } from 'vitest';
import { buildInvitationIcs, escapeIcsText, fold, type InvitationIcsInput } from '@/lib/mail/ics';

const base: InvitationIcsInput = {
  uid: 'casusoverleg-0b6f2c1e@veiligehuizen.invalid',
  start: new Date('2026-11-25T13:00:00Z'),
  end: new Date('2026-11-25T14:30:00Z'),
  summary: 'Casusoverleg Veilig Huis Antwerpen',
  location: 'Vergaderzaal 2',
  url: 'https://dossier.veiligehuizen.invalid/casusoverleg/uitnodiging/abc123',
  organizerEmail: 'no-reply@veiligehuizen.invalid',
  dtstamp: new Date('2026-11-01T08:09:10.123Z'),
};

/** Undoes folding (RFC 5545 §3.1) and returns the logical content lines. */
function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter((l) => l !== '');
}

function prop(ics: string, name: string): string | undefined {
  const line = unfold(ics).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  return line?.slice(line.indexOf(':') + 1);
}

describe('buildInvitationIcs', () => {
  it('uses CRLF line endings only and ends with CRLF', () => {
    const ics = buildInvitationIcs(base);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has the required calendar and event properties, in one VEVENT', () => {
    const ics = buildInvitationIcs(base);
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(prop(ics, 'PRODID')).toMatch(/^-\/\/.+\/\/.+\/\/NL$/);
    expect(prop(ics, 'VERSION')).toBe('2.0');
    expect(prop(ics, 'CALSCALE')).toBe('GREGORIAN');
    expect(prop(ics, 'METHOD')).toBe('REQUEST');
    expect(prop(ics, 'UID')).toBe(base.uid);
    expect(prop(ics, 'SUMMARY')).toBe('Casusoverleg Veilig Huis Antwerpen');
    expect(prop(ics, 'LOCATION')).toBe('Vergaderzaal 2');
    expect(prop(ics, 'URL')).toBe(base.url);
    expect(prop(ics, 'DESCRIPTION')).toContain('458ter');
    expect(prop(ics, 'ORGANIZER')).toBe('mailto:no-reply@veiligehuizen.invalid');
    expect(prop(ics, 'SEQUENCE')).toBe('0');
    expect(prop(ics, 'STATUS')).toBe('CONFIRMED');
  });

  it('writes DTSTAMP, DTSTART and DTEND in UTC as YYYYMMDDTHHMMSSZ', () => {
    const ics = buildInvitationIcs(base);
    expect(prop(ics, 'DTSTAMP')).toBe('20261101T080910Z');
    expect(prop(ics, 'DTSTART')).toBe('20261125T130000Z');
    expect(prop(ics, 'DTEND')).toBe('20261125T143000Z');
    // without a pinned stamp it is "now", in the same form
    expect(prop(buildInvitationIcs({ ...base, dtstamp: undefined }), 'DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('escapes backslash, semicolon, comma and newlines in text values', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    const ics = buildInvitationIcs({ ...base, location: 'Zaal 1; gebouw B, verdieping 2\nIngang\\achterkant' });
    expect(prop(ics, 'LOCATION')).toBe('Zaal 1\\; gebouw B\\, verdieping 2\\nIngang\\\\achterkant');
    // the raw newline never reaches the file as a line break
    expect(unfold(ics).some((l) => l.startsWith('Ingang'))).toBe(false);
  });

  it('folds lines at 75 octets without splitting multi-byte characters', () => {
    const summary = `Casusoverleg ${'Veilig Huis Oost-Vlaanderen – coördinatie 🏠 ë '.repeat(6)}`.trim();
    const ics = buildInvitationIcs({ ...base, summary, location: 'ë'.repeat(120) });
    const physical = ics.split('\r\n').filter((l) => l !== '');
    for (const line of physical) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      // a split UTF-8 sequence would decode to U+FFFD; a split surrogate pair leaves a lone half
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(physical.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(3);
    expect(prop(ics, 'SUMMARY')).toBe(escapeIcsText(summary));
    expect(prop(ics, 'LOCATION')).toBe('ë'.repeat(120));
  });

  it('folds exactly at the limit: 75 octets stay on one line, 76 do not', () => {
    expect(fold('X'.repeat(75))).toBe('X'.repeat(75));
    expect(fold('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
    // continuation lines hold 74 octets plus the leading space
    expect(
      fold('X'.repeat(75 + 74 + 1))
        .split('\r\n')
        .map((l) => l.length),
    ).toEqual([75, 75, 2]);
    // a 2-octet "ë" that would straddle octet 75 moves to the next line whole
    expect(fold(`${'X'.repeat(74)}ë`).split('\r\n')).toEqual(['X'.repeat(74), ' ë']);
  });

  it('builds a cancellation with METHOD:CANCEL, STATUS:CANCELLED and the same UID', () => {
    const ics = buildInvitationIcs({ ...base, method: 'CANCEL', sequence: 2 });
    expect(prop(ics, 'METHOD')).toBe('CANCEL');
    expect(prop(ics, 'STATUS')).toBe('CANCELLED');
    expect(prop(ics, 'SEQUENCE')).toBe('2');
    expect(prop(ics, 'UID')).toBe(base.uid);
    expect(prop(ics, 'DESCRIPTION')).toContain('geannuleerd');
  });

  it('adds the attendee when given, without asking the calendar for an RSVP', () => {
    const ics = buildInvitationIcs({ ...base, attendeeEmail: 'hulpverlener@example.org' });
    expect(unfold(ics)).toContain(
      'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:hulpverlener@example.org',
    );
  });

  it('refuses input that could break the file', () => {
    expect(() => buildInvitationIcs({ ...base, url: 'javascript:alert(1)' })).toThrow();
    expect(() => buildInvitationIcs({ ...base, organizerEmail: 'x@y\r\nX-EVIL:1' })).toThrow();
    expect(() => buildInvitationIcs({ ...base, end: base.start })).toThrow();
    expect(() => buildInvitationIcs({ ...base, start: new Date('ongeldig') })).toThrow();
    expect(() => buildInvitationIcs({ ...base, sequence: -1 })).toThrow();
  });
});
