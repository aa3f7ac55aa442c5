import { z } from '@/lib/validation/zod';

/**
 * Filters of the statistics page and export (GET parameters): `van` and `tot` (YYYY-MM-DD) and
 * `veiligHuis` (a safe-house id, or '' for every safe house in scope). Anything malformed falls
 * back to the default: the current calendar year (Europe/Brussels), all safe houses.
 *
 * Periods are whole months of submission: `van` is moved to the first day of its month and
 * `tot` to the last day of its month (the anonymised facts of purged dossiers keep months only,
 * and day-level periods would make differences between two queries point at single referrals).
 */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100;
  });

export const statisticsFilters = z.object({
  van: z.union([isoDate, z.literal('')]).catch(''),
  tot: z.union([isoDate, z.literal('')]).catch(''),
  veiligHuis: z.union([z.string().uuid(), z.literal('')]).catch(''),
});

export interface StatisticsFilters {
  /** first day of the first month, YYYY-MM-DD */
  van: string;
  /** last day of the last month, YYYY-MM-DD */
  tot: string;
  /** a safe-house id, or '' for all safe houses in scope */
  veiligHuis: string;
}

const yearIn = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric' }).format(now);

export const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;

export function monthEnd(iso: string): string {
  const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Parses raw GET parameters into whole-month filters (see above). */
export function parseStatisticsFilters(raw: Record<string, unknown>, now = new Date()): StatisticsFilters {
  const pick = (k: string) => (typeof raw[k] === 'string' ? raw[k] : Array.isArray(raw[k]) ? raw[k][0] : undefined);
  const f = statisticsFilters.parse({ van: pick('van') ?? '', tot: pick('tot') ?? '', veiligHuis: pick('veiligHuis') ?? '' });
  const year = yearIn(now);
  let van = f.van || `${year}-01-01`;
  let tot = f.tot || `${year}-12-31`;
  if (van > tot) [van, tot] = [tot, van];
  return { van: monthStart(van), tot: monthEnd(tot), veiligHuis: f.veiligHuis.toLowerCase() };
}

const monthFmt = new Intl.DateTimeFormat('nl-BE', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "januari 2026 tot en met december 2026" */
export function periodLabel(f: Pick<StatisticsFilters, 'van' | 'tot'>): string {
  const from = monthFmt.format(new Date(`${f.van}T00:00:00Z`));
  const to = monthFmt.format(new Date(`${f.tot}T00:00:00Z`));
  return from === to ? from : `${from} tot en met ${to}`;
}
