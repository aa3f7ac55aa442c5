import Holidays from 'date-holidays';
import { addDays, instantToBrussels, isCalendarDate } from '@/lib/time';

/**
 * Working days in Belgium (issue 12 §5; seed 004: the plan of a case conference is sent within
 * 14 working days; ADR 0036). A working day is a Monday to Friday in Brussels that is not one of
 * the ten national public holidays (date-holidays, country 'BE', type 'public' only): New Year,
 * Easter Monday, 1 May, Ascension, Whit Monday, 21 July, 15 August, 1 November, 11 November and
 * Christmas. Regional and community days (11 July, 27 September …) and observances (Easter
 * Sunday is a Sunday anyway, 2 November, 15 November …) are working days. When a public holiday
 * falls on a weekend, no replacement day is given: it simply is not counted twice.
 *
 * Days are 'YYYY-MM-DD' calendar days in Brussels; an instant is first read on the Brussels
 * wall clock (a session that ends at 23:30 UTC on a Sunday ended on Monday in Brussels).
 */

const holidays = new Holidays('BE');
const perYear = new Map<number, ReadonlySet<string>>();

/** The national public holidays of one year, as 'YYYY-MM-DD'. */
export function belgianPublicHolidays(year: number): ReadonlySet<string> {
  let set = perYear.get(year);
  if (!set) {
    set = new Set(
      holidays
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    perYear.set(year, set);
  }
  return set;
}

const toDay = (d: Date | string): string => {
  if (typeof d === 'string') {
    if (!isCalendarDate(d)) throw new RangeError(`geen geldige datum: ${d}`);
    return d;
  }
  return instantToBrussels(d).date;
};

/** Monday to Friday and not a Belgian national public holiday. */
export function isWorkingDay(day: Date | string): boolean {
  const iso = toDay(day);
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !belgianPublicHolidays(Number(iso.slice(0, 4))).has(iso);
}

/**
 * The `n`th working day after `from` (its Brussels day; `from` itself is never counted, like a
 * legal term that starts the day after the event). n = 0 is `from`'s own day.
 */
export function addWorkingDays(from: Date | string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n moet een natuurlijk getal zijn');
  let day = toDay(from);
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/**
 * Working days from `from` up to and including `to` (both Brussels days): 0 when `to` is `from`
 * or a non-working day right after it, negative when `to` lies before `from` (the working days
 * from `to` to `from`, negated) — e.g. how many working days are left until a deadline.
 */
export function workingDaysBetween(from: Date | string, to: Date | string): number {
  const a = toDay(from);
  const b = toDay(to);
  if (a === b) return 0;
  const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
  // arithmetic, not a walk day by day: "Mijn werk" and the conference list ask this of sessions
  // years back, and the walk cost a millisecond per year per line (docs/performance.md)
  const first = epochDay(lo) + 1;
  const last = epochDay(hi);
  const span = last - first + 1;
  let count = Math.floor(span / 7) * 5;
  for (let d = first + Math.floor(span / 7) * 7; d <= last; d++) if (isWeekday(d)) count++;
  for (let year = Number(lo.slice(0, 4)); year <= Number(hi.slice(0, 4)); year++)
    for (const h of belgianPublicHolidays(year)) if (h > lo && h <= hi && isWeekday(epochDay(h))) count--;
  return sign * count;
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a 'YYYY-MM-DD' day. */
const epochDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
/** 1970-01-01 was a Thursday: day 0 is weekday 4 (Sunday 0 … Saturday 6). */
const isWeekday = (epoch: number): boolean => {
  const w = (((epoch + 4) % 7) + 7) % 7;
  return w !== 0 && w !== 6;
};
