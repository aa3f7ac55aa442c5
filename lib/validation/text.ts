/**
 * Checks that hold for every text that comes from a browser (ADR 0019): no NUL bytes or other
 * control characters (a tab and line breaks excepted, for text areas). Dates: lib/time.ts.
 * PostgreSQL refuses a NUL in text, and a control character in a log or a PDF hides what was
 * written; both are refused at the field, with a Dutch message, before any use case runs.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const CONTROL_CHARACTER_MESSAGE =
  'Deze tekst bevat een onzichtbaar stuurteken. Typ de tekst opnieuw of plak hem als platte tekst.';

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
  if (typeof value === 'string')
    return hasControlCharacters(value) ? { [path.join('.') || '_form']: CONTROL_CHARACTER_MESSAGE } : {};
  if (Array.isArray(value))
    return Object.assign({}, ...value.map((v, i) => controlCharacterErrorsIn(v, [...path, String(i)])));
  if (value && typeof value === 'object') {
    return Object.assign({}, ...Object.entries(value).map(([k, v]) => controlCharacterErrorsIn(v, [...path, k])));
  }
  return {};
}

/**
 * Date validity lives in lib/time.ts (issue 10 §5). This re-export only serves
 * lib/admission/list-inbox.ts until it imports `isCalendarDate` from '@/lib/time'.
 */
export { isCalendarDate } from '@/lib/time';
