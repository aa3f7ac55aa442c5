/**
 * Checks that hold for every text that comes from a browser (ADR 0019): no NUL bytes or other
 * control characters (a tab and line breaks excepted, for text areas), and real calendar dates.
 * PostgreSQL refuses a NUL in text, and a control character in a log or a PDF hides what was
 * written; both are refused at the field, with a Dutch message, before any use case runs.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const CONTROL_CHARACTER_MESSAGE = 'Deze tekst bevat een onzichtbaar stuurteken. Typ de tekst opnieuw of plak hem als platte tekst.';

export const hasControlCharacters = (value: string) => CONTROL.test(value);

/** Field errors for every form field (by name) that holds a control character. */
export function controlCharacterErrors(fd: FormData): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, value] of fd.entries()) {
    if (key.startsWith('$ACTION')) continue;
    if (typeof value === 'string' && hasControlCharacters(value)) errors[key] = CONTROL_CHARACTER_MESSAGE;
  }
  return errors;
}

/** Field errors for every string (at its path) in a plain value that holds a control character. */
export function controlCharacterErrorsIn(value: unknown, path: string[] = []): Record<string, string> {
  if (typeof value === 'string') return hasControlCharacters(value) ? { [path.join('.') || '_form']: CONTROL_CHARACTER_MESSAGE } : {};
  if (Array.isArray(value)) return Object.assign({}, ...value.map((v, i) => controlCharacterErrorsIn(v, [...path, String(i)])));
  if (value && typeof value === 'object') {
    return Object.assign({}, ...Object.entries(value).map(([k, v]) => controlCharacterErrorsIn(v, [...path, k])));
  }
  return {};
}

/** YYYY-MM-DD that exists in the calendar, between 1900 and 2100 unless told otherwise. */
export function isRealIsoDate(v: string, years: { min: number; max: number } = { min: 1900, max: 2100 }): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const year = Number(v.slice(0, 4));
  if (year < years.min || year > years.max) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Any date that exists in the calendar (a filter; or a date whose range the use case bounds). */
export const isCalendarDate = (v: string) => isRealIsoDate(v, { min: 1, max: 9999 });
