import { z } from '@/lib/validation/zod';
import { fieldErrors } from '@/lib/validation/form';
import { isCalendarDate } from '@/lib/time';

/**
 * The DPO's filters on the access log, as they travel in the URL of /toegangslog and of the CSV
 * export (Dutch parameter names). None of them is personal data of a client: user and
 * organisation ids, a dossier reference, codes, dates.
 */
export const AUDIT_FILTER_KEYS = ['gebruiker', 'organisatie', 'dossier', 'actie', 'doel', 'van', 'tot'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type AuditFilterValues = Record<AuditFilterKey, string>;

const optionalUuid = (message: string) => z.union([z.literal(''), z.string().uuid(message)]);
const code = (message: string) =>
  z
    .string()
    .max(100, 'Hoogstens 100 tekens.')
    .regex(/^[A-Za-z0-9_.:-]*$/, message);
const day = z.string().refine((v) => v === '' || isCalendarDate(v), 'Geef een geldige datum (dd/mm/jjjj).');

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
  .refine((f) => !f.van || !f.tot || !isCalendarDate(f.van) || !isCalendarDate(f.tot) || f.van <= f.tot, {
    path: ['tot'],
    message: 'De einddatum ligt vóór de begindatum.',
  });

type RawParams = Record<string, string | string[] | undefined | unknown>;

const first = (v: unknown): string => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : '';
};

/** URL parameters -> trimmed filter values (a reference in capitals), and their errors. */
export function parseAuditFilters(raw: RawParams): {
  values: AuditFilterValues;
  errors: Record<string, string>;
  page: number;
} {
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

/**
 * The Brussels days of `van`/`tot` and the CSV's timestamps come from lib/time.ts (issue 10 §5).
 * This re-export only serves lib/dpo/query-events.ts and lib/dpo/export-events.ts until they
 * import them from '@/lib/time'.
 */
export { brusselsDayEnd, brusselsDayStart, brusselsIso } from '@/lib/time';
