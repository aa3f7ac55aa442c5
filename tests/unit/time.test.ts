import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  brusselsDayEnd,
  brusselsDayStart,
  brusselsIso,
  brusselsOffsetMinutes,
  brusselsToday,
  brusselsWallClockToInstant,
  formatDate,
  formatDateLong,
  formatDateNumeric,
  formatDateTime,
  formatDateTimeLong,
  formatTime,
  instantToBrussels,
  isCalendarDate,
  isClockTime,
  isIsoDate,
  parseCalendarDate,
  parseIsoDate,
} from '@/lib/time';

vi.setConfig({ testTimeout: 120_000 });

const at = (iso: string) => new Date(iso);
const utc = (d: Date) => d.toISOString();

describe('Brussels wall clock -> instant (lib/time.ts)', () => {
  it('reads winter time as UTC+1 and summer time as UTC+2', () => {
    expect(utc(brusselsWallClockToInstant('2026-01-15', '10:00'))).toBe('2026-01-15T09:00:00.000Z');
    expect(utc(brusselsWallClockToInstant('2026-07-15', '10:00'))).toBe('2026-07-15T08:00:00.000Z');
    expect(utc(brusselsWallClockToInstant('2026-12-31', '23:59'))).toBe('2026-12-31T22:59:00.000Z');
  });

  it('last Sunday of March 2026: 02:00–02:59 does not exist and moves forward an hour (RFC 5545 §3.3.5)', () => {
    expect(utc(brusselsWallClockToInstant('2026-03-29', '01:00'))).toBe('2026-03-29T00:00:00.000Z');
    expect(utc(brusselsWallClockToInstant('2026-03-29', '01:59'))).toBe('2026-03-29T00:59:00.000Z');
    // the skipped 02:30 is read with the winter offset: 01:30 UTC, which the clock shows as 03:30
    expect(utc(brusselsWallClockToInstant('2026-03-29', '02:30'))).toBe('2026-03-29T01:30:00.000Z');
    expect(instantToBrussels(brusselsWallClockToInstant('2026-03-29', '02:30'))).toEqual({
      date: '2026-03-29',
      time: '03:30',
    });
    expect(utc(brusselsWallClockToInstant('2026-03-29', '02:00'))).toBe('2026-03-29T01:00:00.000Z');
    expect(utc(brusselsWallClockToInstant('2026-03-29', '03:00'))).toBe('2026-03-29T01:00:00.000Z');
    expect(utc(brusselsWallClockToInstant('2026-03-29', '03:30'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('last Sunday of October 2026: 02:00–02:59 happens twice and means the first (summer time)', () => {
    expect(utc(brusselsWallClockToInstant('2026-10-25', '01:00'))).toBe('2026-10-24T23:00:00.000Z');
    expect(utc(brusselsWallClockToInstant('2026-10-25', '01:59'))).toBe('2026-10-24T23:59:00.000Z');
    // the ambiguous 02:30: 00:30 UTC (02:30 CEST), not 01:30 UTC (02:30 CET)
    expect(utc(brusselsWallClockToInstant('2026-10-25', '02:30'))).toBe('2026-10-25T00:30:00.000Z');
    expect(instantToBrussels(at('2026-10-25T00:30:00Z'))).toEqual({ date: '2026-10-25', time: '02:30' });
    expect(instantToBrussels(at('2026-10-25T01:30:00Z'))).toEqual({ date: '2026-10-25', time: '02:30' });
    expect(utc(brusselsWallClockToInstant('2026-10-25', '02:00'))).toBe('2026-10-25T00:00:00.000Z');
    expect(utc(brusselsWallClockToInstant('2026-10-25', '03:00'))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('knows the offset on both sides of each change', () => {
    expect(brusselsOffsetMinutes(at('2026-03-29T00:59:59Z'))).toBe(60);
    expect(brusselsOffsetMinutes(at('2026-03-29T01:00:00Z'))).toBe(120);
    expect(brusselsOffsetMinutes(at('2026-10-25T00:59:59Z'))).toBe(120);
    expect(brusselsOffsetMinutes(at('2026-10-25T01:00:00Z'))).toBe(60);
  });

  it('refuses a date or time that is no date or time', () => {
    expect(() => brusselsWallClockToInstant('2026-02-30', '10:00')).toThrow(RangeError);
    expect(() => brusselsWallClockToInstant('2026-02-03', '24:00')).toThrow(RangeError);
    expect(() => brusselsWallClockToInstant('2026-02-03', '1000')).toThrow(RangeError);
  });
});

describe('instant -> Brussels', () => {
  it('gives the local date and time, across midnight and the year end', () => {
    expect(instantToBrussels(at('2026-07-15T22:30:00Z'))).toEqual({ date: '2026-07-16', time: '00:30' });
    expect(instantToBrussels(at('2026-12-31T23:30:00Z'))).toEqual({ date: '2027-01-01', time: '00:30' });
    expect(instantToBrussels(at('2026-01-15T10:05:59.999Z'))).toEqual({ date: '2026-01-15', time: '11:05' });
  });

  it('today in Brussels, which is not the UTC date around midnight', () => {
    expect(brusselsToday(at('2026-07-15T22:30:00Z'))).toBe('2026-07-16');
    expect(brusselsToday(at('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
    expect(brusselsToday(at('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
  });

  it('an ISO 8601 timestamp with the Brussels offset', () => {
    expect(brusselsIso(at('2026-01-15T10:00:00.123Z'))).toBe('2026-01-15T11:00:00.123+01:00');
    expect(brusselsIso(at('2026-07-15T22:30:00.000Z'))).toBe('2026-07-16T00:30:00.000+02:00');
    expect(brusselsIso(at('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00.000+02:00');
    expect(brusselsIso(at('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00.000+01:00');
  });
});

describe('Brussels day bounds', () => {
  it('a day starts at local midnight: 23:00 UTC in winter, 22:00 UTC in summer', () => {
    expect(utc(brusselsDayStart('2026-01-15'))).toBe('2026-01-14T23:00:00.000Z');
    expect(utc(brusselsDayEnd('2026-01-15'))).toBe('2026-01-15T23:00:00.000Z');
    expect(utc(brusselsDayStart('2026-07-15'))).toBe('2026-07-14T22:00:00.000Z');
    expect(utc(brusselsDayEnd('2026-12-31'))).toBe('2026-12-31T23:00:00.000Z');
  });

  it('the day summer time starts lasts 23 hours, the day it ends 25', () => {
    expect(utc(brusselsDayStart('2026-03-29'))).toBe('2026-03-28T23:00:00.000Z');
    expect(utc(brusselsDayEnd('2026-03-29'))).toBe('2026-03-29T22:00:00.000Z');
    expect(utc(brusselsDayStart('2026-10-25'))).toBe('2026-10-24T22:00:00.000Z');
    expect(utc(brusselsDayEnd('2026-10-25'))).toBe('2026-10-25T23:00:00.000Z');
  });

  it('the next day of a month end and of a leap day', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(utc(brusselsDayEnd('2028-02-28'))).toBe('2028-02-28T23:00:00.000Z');
  });
});

describe('date and time validity', () => {
  it('29 February only in a leap year', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isCalendarDate('2400-02-29')).toBe(true);
  });

  it('no 31 April, no month 13, no day 0', () => {
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-04-30')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-01-00')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
  });

  it('only YYYY-MM-DD, nothing around it', () => {
    for (const v of [
      '',
      '2026-1-01',
      '26-01-01',
      ' 2026-01-01',
      '2026-01-01 ',
      '2026-01-01T00:00',
      '01/02/2026',
      'abcd-ef-gh',
    ]) {
      expect(isIsoDate(v)).toBe(false);
      expect(isCalendarDate(v)).toBe(false);
    }
  });

  it('a form date lies in 1900–2100 unless told otherwise; a calendar date in 1–9999', () => {
    expect(isIsoDate('1899-12-31')).toBe(false);
    expect(isIsoDate('1900-01-01')).toBe(true);
    expect(isIsoDate('2100-12-31')).toBe(true);
    expect(isIsoDate('2101-01-01')).toBe(false);
    expect(isIsoDate('1850-06-01', { min: 1800, max: 1900 })).toBe(true);
    expect(isCalendarDate('0001-01-01')).toBe(true);
    expect(isCalendarDate('9999-12-31')).toBe(true);
    expect(isCalendarDate('0000-01-01')).toBe(false);
  });

  it('parses to UTC midnight of the day', () => {
    expect(parseIsoDate('2026-04-30')?.toISOString()).toBe('2026-04-30T00:00:00.000Z');
    expect(parseIsoDate('2026-04-31')).toBeNull();
    expect(parseIsoDate('1850-01-01')).toBeNull();
    expect(parseCalendarDate('1850-01-01')?.toISOString()).toBe('1850-01-01T00:00:00.000Z');
  });

  it('a clock time is HH:MM from 00:00 to 23:59', () => {
    for (const v of ['00:00', '09:05', '23:59']) expect(isClockTime(v)).toBe(true);
    for (const v of ['24:00', '12:60', '9:05', '09:5', '09:05:00', 'ab:cd', '']) expect(isClockTime(v)).toBe(false);
  });
});

describe('nl-BE formatters (Europe/Brussels)', () => {
  const winter = at('2026-01-15T10:05:00Z');
  const summer = at('2026-09-01T07:00:00Z');
  const newYear = at('2026-12-31T23:30:00Z');

  it('formatDate: medium date', () => {
    expect(formatDate(winter)).toBe('15 jan 2026');
    expect(formatDate(summer)).toBe('1 sep 2026');
    expect(formatDate(newYear)).toBe('1 jan 2027');
    // a date column (UTC midnight) stays its own day
    expect(formatDate(parseIsoDate('2026-03-29'))).toBe('29 mrt 2026');
    expect(formatDate(parseIsoDate('2026-10-25'))).toBe('25 okt 2026');
  });

  it('formatDateTime: medium date, short time', () => {
    expect(formatDateTime(winter)).toBe('15 jan 2026, 11:05');
    expect(formatDateTime(summer)).toBe('1 sep 2026, 09:00');
    expect(formatDateTime(newYear)).toBe('1 jan 2027, 00:30');
  });

  it('formatDateTimeLong: full date, short time (PDF)', () => {
    expect(formatDateTimeLong(winter)).toBe('donderdag 15 januari 2026 om 11:05');
    expect(formatDateTimeLong(summer)).toBe('dinsdag 1 september 2026 om 09:00');
  });

  it('formatDateLong, formatDateNumeric, formatTime (invitation mail)', () => {
    expect(formatDateLong(winter)).toBe('donderdag 15 januari 2026');
    expect(formatDateLong(newYear)).toBe('vrijdag 1 januari 2027');
    expect(formatDateNumeric(summer)).toBe('01/09/2026');
    expect(formatDateNumeric(newYear)).toBe('01/01/2027');
    expect(formatTime(summer)).toBe('09:00');
    expect(formatTime(at('2026-05-09T22:59:00Z'))).toBe('00:59');
  });

  it('the two 02:30s of the last Sunday of October read the same', () => {
    expect(formatDateTime(at('2026-10-25T00:30:00Z'))).toBe('25 okt 2026, 02:30');
    expect(formatDateTime(at('2026-10-25T01:30:00Z'))).toBe('25 okt 2026, 02:30');
  });

  it('— for no date, onbekend for an invalid one', () => {
    for (const f of [formatDate, formatDateTime, formatDateTimeLong, formatDateLong, formatDateNumeric, formatTime]) {
      expect(f(null)).toBe('—');
      expect(f(undefined)).toBe('—');
      expect(f(new Date('not a date'))).toBe('onbekend');
    }
  });
});

// ---------------------------------------------------------------- properties, against an independent model

/** EU rule (since 1996): summer time from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC. */
const lastSunday = (year: number, month: number) => {
  const last = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, last.getUTCDate() - last.getUTCDay(), 1);
};
const modelOffset = (t: number) => {
  const year = new Date(t).getUTCFullYear();
  return t >= lastSunday(year, 3) && t < lastSunday(year, 10) ? 120 : 60;
};
const daysIn = (y: number, m: number) =>
  [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
const p2 = (n: number) => String(n).padStart(2, '0');

const RUNS = 1_000;
const instantArb = fc
  .integer({ min: Date.UTC(1997, 0, 1) / 60_000, max: Date.UTC(2037, 11, 31) / 60_000 })
  .map((m) => m * 60_000);
const wallArb = fc
  .record({
    y: fc.integer({ min: 1997, max: 2037 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
    hh: fc.integer({ min: 0, max: 23 }),
    mm: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ y, m, d, hh, mm }) => ({
    date: `${y}-${p2(m)}-${p2(Math.min(d, daysIn(y, m)))}`,
    time: `${p2(hh)}:${p2(mm)}`,
  }));

describe('properties of the time layer', () => {
  it('the offset is the EU summer-time rule', () => {
    fc.assert(
      fc.property(instantArb, (t) => brusselsOffsetMinutes(new Date(t)) === modelOffset(t)),
      { numRuns: RUNS },
    );
  });

  it('wall clock -> instant: the first instant showing that wall clock, or (skipped hour) the winter reading', () => {
    fc.assert(
      fc.property(wallArb, ({ date, time }) => {
        const local = Date.parse(`${date}T${time}:00Z`);
        const fits = [60, 120].map((o) => local - o * 60_000).filter((t) => modelOffset(t) * 60_000 + t === local);
        const expected = fits.length ? Math.min(...fits) : local - 60 * 60_000;
        expect(brusselsWallClockToInstant(date, time).getTime()).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('instant -> wall clock -> instant gives the instant back, but for the second pass of the repeated hour', () => {
    fc.assert(
      fc.property(instantArb, (t) => {
        const { date, time } = instantToBrussels(new Date(t));
        const back = brusselsWallClockToInstant(date, time).getTime();
        const repeated = modelOffset(t) === 60 && modelOffset(t - 3_600_000) === 120;
        expect(back).toBe(repeated ? t - 3_600_000 : t);
      }),
      { numRuns: RUNS },
    );
  });

  it('a day runs from local midnight to the next, 23, 24 or 25 hours, and holds its instants', () => {
    fc.assert(
      fc.property(instantArb, (t) => {
        const day = brusselsToday(new Date(t));
        const start = brusselsDayStart(day).getTime();
        const end = brusselsDayEnd(day).getTime();
        expect(instantToBrussels(new Date(start))).toEqual({ date: day, time: '00:00' });
        expect(instantToBrussels(new Date(end))).toEqual({ date: addDays(day, 1), time: '00:00' });
        expect([23, 24, 25]).toContain((end - start) / 3_600_000);
        expect(start <= t && t < end).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('a date is valid exactly when its day exists in its month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const v = `${String(y).padStart(4, '0')}-${p2(m)}-${p2(d)}`;
          const exists = m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
          expect(isCalendarDate(v)).toBe(exists);
          expect(isIsoDate(v)).toBe(exists && y >= 1900 && y <= 2100);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
