import { z } from '@/lib/validation/zod';
import { fieldErrors } from '@/lib/validation/form';

/**
 * The DPO's filters on the access log, as they travel in the URL of /toegangslog and of the CSV
 * export (Dutch parameter names). None of them is personal data of a client: user and
 * organisation ids, a dossier reference, codes, dates.
 */
export const AUDIT_FILTER_KEYS = ['gebruiker', 'organisatie', 'dossier', 'actie', 'doel', 'van', 'tot'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type AuditFilterValues = Record<AuditFilterKey, string>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(v: string): boolean {
  if (!ISO_DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const optionalUuid = (message: string) => z.union([z.literal(''), z.string().uuid(message)]);
const code = (message: string) => z.string().max(100, 'Hoogstens 100 tekens.').regex(/^[A-Za-z0-9_.:-]*$/, message);
const day = z.string().refine((v) => v === '' || isIsoDate(v), 'Geef een geldige datum (dd/mm/jjjj).');

export const auditFilterSchema = z
  .object({
    gebruiker: optionalUuid('Kies een gebruiker uit de lijst.'),
    organisatie: optionalUuid('Kies een organisatie uit de lijst.'),
    dossier: z
      .string()
      .max(60, 'Een dossierreferentie telt hoogstens 60 tekens.')
      .regex(/^[A-Z0-9-]*$/, 'Een dossierreferentie bestaat uit letters, cijfers en streepjes, bv. VH-ANT-2026-0001.'),
    actie: code('Kies een actie uit de lijst.'),
    doel: code('Kies een doel uit de lijst.'),
    van: day,
    tot: day,
  })
  .refine((f) => !f.van || !f.tot || !isIsoDate(f.van) || !isIsoDate(f.tot) || f.van <= f.tot, {
    path: ['tot'],
    message: 'De einddatum ligt vóór de begindatum.',
  });

type RawParams = Record<string, string | string[] | undefined | unknown>;

const first = (v: unknown): string => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : '';
};

/** URL parameters -> trimmed filter values (a reference in capitals), and their errors. */
export function parseAuditFilters(raw: RawParams): { values: AuditFilterValues; errors: Record<string, string>; page: number } {
  const values = Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, first(raw[k]).trim()])) as AuditFilterValues;
  values.dossier = values.dossier.toUpperCase();
  const parsed = auditFilterSchema.safeParse(values);
  const page = Number.parseInt(first(raw.pagina), 10);
  return {
    values,
    errors: parsed.success ? {} : fieldErrors(parsed.error),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The filters that are set, as URL parameters (for pagination links and the export link). */
export function filterQuery(values: AuditFilterValues, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const k of AUDIT_FILTER_KEYS) if (values[k]) p.set(k, values[k]);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

/**
 * What the DPO searched for, for their own audit event: ids, codes, dates and a reference that
 * exists. A value that failed validation or a reference that matched no dossier is not copied
 * (it could be anything typed, even a name), only that the filter was used.
 */
export function describeFilters(
  values: AuditFilterValues,
  opts: { errors?: Record<string, string>; referenceKnown?: boolean; extra?: Record<string, string | number> } = {},
): string {
  const shown = (k: AuditFilterKey) =>
    opts.errors?.[k] ? '(ongeldig)' : k === 'dossier' && opts.referenceKnown === false ? '(onbekend)' : values[k];
  const parts = AUDIT_FILTER_KEYS.filter((k) => values[k]).map((k) => `${k}=${shown(k)}`);
  const extra = opts.extra ?? {};
  for (const [k, v] of Object.entries(extra)) parts.push(`${k}=${v}`);
  return parts.length ? parts.join(';') : 'alles';
}

// ---------------------------------------------------------------- Europe/Brussels days

const brusselsParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Minutes Europe/Brussels is ahead of UTC at `at` (60 in winter, 120 in summer). */
export function brusselsOffsetMinutes(at: Date): number {
  const parts = brusselsParts.formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a calendar day (YYYY-MM-DD) begins in Brussels. */
export function brusselsDayStart(isoDay: string): Date {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d);
  let t = midnightUtc - brusselsOffsetMinutes(new Date(midnightUtc)) * 60_000;
  // the offset at the guessed instant may differ (the day of a DST change): correct once
  t = midnightUtc - brusselsOffsetMinutes(new Date(t)) * 60_000;
  return new Date(t);
}

/** The instant the day after `isoDay` begins in Brussels: the exclusive end of "tot". */
export function brusselsDayEnd(isoDay: string): Date {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return brusselsDayStart(new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10));
}

/** Today's date in Brussels, YYYY-MM-DD. */
export function brusselsToday(now = new Date()): string {
  const parts = brusselsParts.formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** An instant as local Brussels time with its offset, e.g. 2026-11-23T10:15:30.123+01:00. */
export function brusselsIso(at: Date): string {
  const offset = brusselsOffsetMinutes(at);
  const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 23);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
