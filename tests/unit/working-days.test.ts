import { describe, expect, it } from 'vitest';
import { addWorkingDays, belgianPublicHolidays, isWorkingDay, workingDaysBetween } from '@/lib/working-days';
import { addDays, brusselsWallClockToInstant } from '@/lib/time';

describe('seed 004: plan within 14 working days (Belgian public holidays not counted)', () => {
  it('seed 004: plan within 14 working days — a plain fortnight skips only the weekends', () => {
    // Monday 2 March 2026: no holiday in sight, 14 working days = two calendar weeks and … the Friday
    expect(addWorkingDays('2026-03-02', 14)).toBe('2026-03-20');
  });

  it('seed 004: plan within 14 working days — across Easter Monday', () => {
    // Monday 30 March 2026; Easter Monday 6 April is not counted
    expect(addWorkingDays('2026-03-30', 14)).toBe('2026-04-20');
  });

  it('seed 004: plan within 14 working days — across 1 May and Ascension', () => {
    // Thursday 30 April 2026; Friday 1 May and Thursday 14 May (Ascension) are not counted
    expect(addWorkingDays('2026-04-30', 14)).toBe('2026-05-22');
  });

  it('seed 004: plan within 14 working days — across 21 July', () => {
    // Monday 13 July 2026; Tuesday 21 July (national holiday) is not counted
    expect(addWorkingDays('2026-07-13', 14)).toBe('2026-08-03');
  });

  it('seed 004: plan within 14 working days — across Christmas and the year end', () => {
    // Friday 18 December 2026; 25 December and 1 January are not counted
    expect(addWorkingDays('2026-12-18', 14)).toBe('2027-01-11');
  });

  it('seed 004: plan within 14 working days — the session day is read in Brussels', () => {
    // 23:30 UTC on Sunday 29 March 2026 is 01:30 on Monday 30 March in Brussels (summer time)
    const lateSunday = new Date('2026-03-29T23:30:00Z');
    expect(addWorkingDays(lateSunday, 14)).toBe('2026-04-20');
    expect(addWorkingDays(brusselsWallClockToInstant('2026-03-30', '14:00'), 14)).toBe('2026-04-20');
  });

  it('only the ten national public holidays: not 11 July (Flemish community), not 2 November', () => {
    expect(belgianPublicHolidays(2026).size).toBe(10);
    expect(isWorkingDay('2025-07-11')).toBe(true); // a Friday, Flemish community day
    expect(isWorkingDay('2026-11-02')).toBe(true); // All Souls: an observance
    expect(isWorkingDay('2026-11-11')).toBe(false);
    expect(isWorkingDay('2026-07-21')).toBe(false);
    expect(isWorkingDay('2026-12-05')).toBe(false); // a Saturday
    expect(isWorkingDay('2026-12-04')).toBe(true);
  });

  it('a holiday on a weekend is not counted twice (15 August 2027 is a Sunday)', () => {
    // Friday 13 August 2027 + 1 working day = Monday 16 August
    expect(addWorkingDays('2027-08-13', 1)).toBe('2027-08-16');
  });

  it('counts working days between two days, forward and backward', () => {
    expect(workingDaysBetween('2026-03-30', '2026-04-20')).toBe(14);
    expect(workingDaysBetween('2026-04-20', '2026-03-30')).toBe(-14);
    expect(workingDaysBetween('2026-12-04', '2026-12-04')).toBe(0);
    expect(workingDaysBetween('2026-12-04', '2026-12-06')).toBe(0);
    expect(workingDaysBetween('2026-12-04', '2026-12-07')).toBe(1);
  });

  it('refuses a negative or fractional count and a date that does not exist', () => {
    expect(() => addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
  });
  it('counts working days between far-apart days as a walk day by day would (the count is arithmetic)', () => {
    const walk = (from: string, to: string) => {
      let n = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
      return n;
    };
    let checked = 0;
    for (let start = '2019-12-23'; start < '2031-01-01'; start = addDays(start, 37)) {
      for (const span of [1, 2, 5, 6, 7, 8, 13, 30, 59, 200, 365, 366, 730, 1500]) {
        const end = addDays(start, span);
        const expected = walk(start, end);
        expect(workingDaysBetween(start, end), `${start} → ${end}`).toBe(expected);
        expect(workingDaysBetween(end, start), `${end} → ${start}`).toBe(-expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // a session four years back: 2022-03-01 → 2026-03-02 is 1044 weekdays less 40 weekday holidays
    expect(workingDaysBetween('2022-03-01', '2026-03-02')).toBe(walk('2022-03-01', '2026-03-02'));
  });
});
