/**
 * The one time layer (issue 10 §5). People in the safe houses read and type dates and hours on
 * the wall clock of Brussels; the database stores instants (UTC). Everything that crosses that
 * line goes through here, whatever the server's own time zone:
 *
 * - validity of what a browser sends: `isIsoDate` (a form date, 1900–2100 unless told otherwise),
 *   `isCalendarDate` (any existing date), `parseIsoDate`/`parseCalendarDate`, `isClockTime`;
 * - Brussels wall clock <-> instant: `brusselsWallClockToInstant`, `instantToBrussels`,
 *   `brusselsDayStart`/`brusselsDayEnd`, `brusselsToday`, `brusselsIso`, `brusselsOffsetMinutes`;
 * - nl-BE text of an instant: `formatDate`, `formatDateTime`, `formatDateTimeLong`,
 *   `formatDateLong`, `formatDateNumeric`, `formatTime`.
 *
 * Built on `Intl` and the time-zone data of Node's ICU: no dependency. A date without time
 * ('YYYY-MM-DD', e.g. a birth date or a due date) is stored as UTC midnight of that day
 * (`parseIsoDate`); formatted in Brussels (UTC+1 or +2) that is still the same day.
 */

export const TIME_ZONE = 'Europe/Brussels';
export const LOCALE = 'nl-BE';

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------- validity

export interface YearRange {
  min: number;
  max: number;
}
/** What a form accepts unless told otherwise: a year mistyped as 0202 or 20226 is refused. */
export const FORM_YEARS: YearRange = { min: 1900, max: 2100 };
/** Every year a 'YYYY-MM-DD' can hold, but year 0. */
export const ANY_YEAR: YearRange = { min: 1, max: 9999 };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_TIME = /^\d{2}:\d{2}$/;

/** 'YYYY-MM-DD' that exists in the calendar and lies in `years` -> UTC midnight of that day; else null. */
export function parseIsoDate(v: string, years: YearRange = FORM_YEARS): Date | null {
  if (!ISO_DATE.test(v)) return null;
  const year = Number(v.slice(0, 4));
  if (year < years.min || year > years.max) return null;
  const d = new Date(`${v}T00:00:00Z`);
  return isValidInstant(d) && d.toISOString().slice(0, 10) === v ? d : null;
}

/** 'YYYY-MM-DD' that exists in the calendar (no 31 April, 29 February only in a leap year), 1900–2100 unless told otherwise. */
export const isIsoDate = (v: string, years: YearRange = FORM_YEARS): boolean => parseIsoDate(v, years) !== null;

/** Any date that exists in the calendar, years 1–9999 (a filter; or a date whose range the use case bounds). */
export const isCalendarDate = (v: string): boolean => parseIsoDate(v, ANY_YEAR) !== null;

/** `parseIsoDate` for any year 1–9999. */
export const parseCalendarDate = (v: string): Date | null => parseIsoDate(v, ANY_YEAR);

/** 'HH:MM' on a 24-hour clock, 00:00 to 23:59. */
export const isClockTime = (v: string): boolean =>
  CLOCK_TIME.test(v) && Number(v.slice(0, 2)) < 24 && Number(v.slice(3, 5)) < 60;

/** A Date that holds an instant (not `new Date('nonsense')`). */
export const isValidInstant = (d: Date): boolean => !Number.isNaN(d.getTime());

/** The calendar day `days` after (or before, if negative) 'YYYY-MM-DD'. */
export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- Brussels wall clock <-> instant

const wallClockParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(at: Date): WallClock {
  const parts = wallClockParts.formatToParts(at);
  const get = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Milliseconds since the epoch of a wall clock read as if it were UTC (years 0–99 included). */
function asIfUtc(w: WallClock): number {
  const d = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second));
  d.setUTCFullYear(w.year);
  return d.getTime();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Minutes Brussels is ahead of UTC at `at` (60 in winter, 120 in summer). */
export function brusselsOffsetMinutes(at: Date): number {
  return Math.round((asIfUtc(wallClock(at)) - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** An instant as the Brussels wall clock: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function instantToBrussels(at: Date): { date: string; time: string } {
  const w = wallClock(at);
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/**
 * Brussels wall clock ('YYYY-MM-DD', 'HH:MM') -> the instant. Summer time is handled by the
 * time-zone data. Twice a year the wall clock is not one instant; the rule is the one of
 * RFC 5545 §3.3.5 (and of java.time and Temporal's 'compatible'), so the calendar invitation
 * and the application agree:
 * - a time that does not exist (the last Sunday of March, 02:00–02:59) is read with the offset
 *   before the gap, i.e. it moves forward by the hour that was skipped: 02:30 -> 03:30 CEST;
 * - a time that exists twice (the last Sunday of October, 02:00–02:59) is the first of the
 *   two, still in summer time: 02:30 -> 02:30 CEST (00:30 UTC), not 02:30 CET.
 */
export function brusselsWallClockToInstant(date: string, time: string): Date {
  if (!isCalendarDate(date) || !isClockTime(time)) throw new RangeError(`geen geldige datum en tijd: ${date} ${time}`);
  const local = new Date(`${date}T${time}:00Z`).getTime();
  // offsets a day before and a day after: around one wall-clock time there is at most one change
  const before = brusselsOffsetMinutes(new Date(local - DAY_MS));
  const after = brusselsOffsetMinutes(new Date(local + DAY_MS));
  const candidates = [...new Set([before, after])]
    .map((offset) => local - offset * 60_000)
    .filter((t) => t + brusselsOffsetMinutes(new Date(t)) * 60_000 === local);
  // both hold: the repeated hour, take the earlier instant; none holds: the skipped hour
  return new Date(candidates.length ? Math.min(...candidates) : local - before * 60_000);
}

/** The instant a calendar day ('YYYY-MM-DD') begins in Brussels. */
export const brusselsDayStart = (isoDay: string): Date => brusselsWallClockToInstant(isoDay, '00:00');

/** The instant the day after `isoDay` begins in Brussels: the exclusive end of that day. */
export const brusselsDayEnd = (isoDay: string): Date => brusselsDayStart(addDays(isoDay, 1));

/** Today's date in Brussels, 'YYYY-MM-DD'. */
export const brusselsToday = (now: Date = new Date()): string => instantToBrussels(now).date;

/** An instant as local Brussels time with its offset, e.g. 2026-11-23T10:15:30.123+01:00. */
export function brusselsIso(at: Date): string {
  const offset = brusselsOffsetMinutes(at);
  const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 23);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// ---------------------------------------------------------------- nl-BE text

/** A formatter: '—' for no date, 'onbekend' for an invalid one, else the Brussels reading. */
export type DateFormatter = (d: Date | null | undefined) => string;

function formatter(options: Intl.DateTimeFormatOptions): DateFormatter {
  const f = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: TIME_ZONE });
  return (d) => (d === null || d === undefined ? '—' : isValidInstant(d) ? f.format(d) : 'onbekend');
}

/** '15 jan 2026' */
export const formatDate = formatter({ dateStyle: 'medium' });
/** '15 jan 2026, 11:05' */
export const formatDateTime = formatter({ dateStyle: 'medium', timeStyle: 'short' });
/** 'donderdag 15 januari 2026 om 11:05' */
export const formatDateTimeLong = formatter({ dateStyle: 'full', timeStyle: 'short' });
/** 'donderdag 15 januari 2026' */
export const formatDateLong = formatter({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
/** '15/01/2026' */
export const formatDateNumeric = formatter({ day: '2-digit', month: '2-digit', year: 'numeric' });
/** '11:05' (24 hours) */
export const formatTime = formatter({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
