import { z } from '@/lib/validation/zod';
import { invalid } from '@/lib/errors';
import { instantToBrussels } from '@/lib/time';

/**
 * Filters of the statistics page and export (GET parameters): `periode` — a whole calendar
 * quarter (`2026-K1` … `2026-K4`, also written `2026-Q1`) or a whole year (`2026`) of submission —
 * and `veiligHuis` (a safe-house id, or '' for every safe house in scope).
 *
 * Only fixed periods exist (ADR 0013): with free month ranges, Jan–Jun minus Feb–Jun gave away a
 * small count of January. A quarter and its year are masked together (lib/reporting/tables.ts), so
 * the year minus three quarters gives nothing away either. The old `van`/`tot` parameters are
 * refused; the default is the last complete quarter (Europe/Brussels).
 */
export const PERIOD_PATTERN = /^(\d{4})(?:-[KQ]([1-4]))?$/i;

export const statisticsFilters = z.object({
  periode: z
    .string()
    .trim()
    .regex(PERIOD_PATTERN, 'Kies een kwartaal (bv. 2026-K1) of een heel jaar (bv. 2026).')
    .or(z.literal('')),
  veiligHuis: z.union([z.string().uuid(), z.literal('')]).catch(''),
});

export interface StatisticsFilters {
  /** the period as shown and linked: "2026" or "2026-K1" */
  periode: string;
  year: number;
  /** 1–4, or null for the whole year */
  quarter: number | null;
  /** first day of the period, YYYY-MM-DD */
  van: string;
  /** last day of the period, YYYY-MM-DD */
  tot: string;
  /** a safe-house id, or '' for all safe houses in scope */
  veiligHuis: string;
}

/** The year and month (1–12) of an instant in Brussels. */
const brussels = (now: Date) => {
  const date = instantToBrussels(now).date;
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day of a quarter, or of the year when quarter is null. */
export function periodBounds(year: number, quarter: number | null): { van: string; tot: string } {
  if (quarter === null) return { van: `${year}-01-01`, tot: `${year}-12-31` };
  const first = (quarter - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  return { van: `${year}-${pad(first)}-01`, tot: `${year}-${pad(first + 2)}-${pad(last)}` };
}

export const periodKey = (year: number, quarter: number | null) =>
  quarter === null ? String(year) : `${year}-K${quarter}`;

/** The last quarter that has ended (Europe/Brussels). */
export function lastCompleteQuarter(now = new Date()): { year: number; quarter: number } {
  const { year, month } = brussels(now);
  const current = Math.ceil(month / 3);
  return current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current - 1 };
}

/** Parses raw GET parameters (see above). A free date range or a malformed period is refused in Dutch. */
export function parseStatisticsFilters(raw: Record<string, unknown>, now = new Date()): StatisticsFilters {
  const pick = (k: string) => (typeof raw[k] === 'string' ? raw[k] : Array.isArray(raw[k]) ? raw[k][0] : undefined);
  if (pick('van') !== undefined || pick('tot') !== undefined) {
    throw invalid('Statistieken bestaan enkel per kwartaal of per jaar, niet voor een vrije periode.', {
      periode: 'Kies een kwartaal of een heel jaar.',
    });
  }
  const parsed = statisticsFilters.safeParse({ periode: pick('periode') ?? '', veiligHuis: pick('veiligHuis') ?? '' });
  if (!parsed.success)
    throw invalid('Kies een kwartaal of een heel jaar.', { periode: parsed.error.issues[0]!.message });
  const f = parsed.data;
  let year: number;
  let quarter: number | null;
  const m = f.periode.match(PERIOD_PATTERN);
  if (m) {
    year = Number(m[1]);
    quarter = m[2] ? Number(m[2]) : null;
    if (year < 2000 || year > 2100)
      throw invalid('Kies een kwartaal of een heel jaar.', { periode: 'Dat jaar valt buiten de gegevens.' });
  } else {
    ({ year, quarter } = lastCompleteQuarter(now));
  }
  return {
    periode: periodKey(year, quarter),
    year,
    quarter,
    ...periodBounds(year, quarter),
    veiligHuis: f.veiligHuis.toLowerCase(),
  };
}

/** "eerste kwartaal 2026", "2026" */
export function periodLabel(f: Pick<StatisticsFilters, 'year' | 'quarter'>): string {
  const names = ['eerste', 'tweede', 'derde', 'vierde'];
  return f.quarter === null ? `het jaar ${f.year}` : `${names[f.quarter - 1]} kwartaal ${f.year}`;
}

/** The periods offered in the filter: every year from `from` to now and its quarters, newest first. */
export function periodOptions(now = new Date(), from = 2020): { value: string; label: string }[] {
  const { year } = brussels(now);
  const out: { value: string; label: string }[] = [];
  for (let y = year; y >= from; y--) {
    out.push({ value: periodKey(y, null), label: `${y} (heel jaar)` });
    for (let q = 4; q >= 1; q--)
      out.push({ value: periodKey(y, q), label: `${y}, ${['eerste', 'tweede', 'derde', 'vierde'][q - 1]} kwartaal` });
  }
  return out;
}
