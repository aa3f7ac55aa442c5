import type { StatisticsView } from './queries';
import type { UnitStatistics } from './tables';
import { COMPLEMENTARY, SUPPRESSED, formatDays, type Masked } from './suppression';
import { toCsv, type CsvCell } from '@/lib/csv';
import { MINORS_LABEL, ORGANISATION_KIND_LABEL, OUTCOME_LABEL, REPORTING_VIOLENCE_FORM_LABEL } from './labels';

/**
 * The statistics as CSV (lib/csv.ts does the format). Pure. Small counts are written as "<5",
 * counts hidden to protect them as "x".
 */
export const CSV_HEADER = [
  'Periode van',
  'Periode tot',
  'Veilig Huis',
  'Onderdeel',
  'Categorie',
  'Waarde',
  'Opmerking',
] as const;

const count = (m: Masked): [CsvCell, CsvCell] =>
  m === SUPPRESSED
    ? [m, 'kleiner dan 5, niet getoond']
    : m === COMPLEMENTARY
      ? [m, 'afgeschermd: anders is een klein aantal af te leiden']
      : [m, null];

function unitRows(u: UnitStatistics): [string, string, CsvCell, CsvCell][] {
  const rows: [string, string, CsvCell, CsvCell][] = [];
  const push = (part: string, category: string, m: Masked) => rows.push([part, category, ...count(m)]);
  push('Aanmeldingen', 'Totaal ingediend', u.referrals);
  push('Aanmeldingen', 'Wacht op beslissing', u.pending);
  push('Beslissingen', 'Totaal beslist', u.decided);
  for (const o of u.outcomes) push('Beslissingen', OUTCOME_LABEL[o.code] ?? o.code, o.n);
  push('Trajecten', 'Lopend', u.trajectories.open);
  push('Trajecten', 'Afgesloten', u.trajectories.closed);
  for (const f of u.violenceForms) push('Vormen van geweld', REPORTING_VIOLENCE_FORM_LABEL[f.code] ?? f.code, f.n);
  for (const m of u.minors) push('Minderjarigen betrokken', MINORS_LABEL[m.code], m.n);
  for (const k of u.referrerKinds) push('Aanmeldende sector', ORGANISATION_KIND_LABEL[k.code], k.n);
  const w = u.waiting;
  rows.push([
    'Wachttijd tot beslissing',
    'Mediaan (dagen)',
    w.medianDays === null ? null : formatDays(w.medianDays),
    w.medianWithheld ? 'minder dan 5 beslissingen, niet getoond' : w.medianDays === null ? 'geen beslissingen' : null,
  ]);
  return rows;
}

/** The masked statistics of the selection (each safe house, then the total) as CSV. */
export function statisticsCsv(view: Pick<StatisticsView, 'filters' | 'rows' | 'total'>): string {
  const units = view.total && view.rows.length !== 1 ? [...view.rows, view.total] : view.rows;
  const rows: CsvCell[][] = [[...CSV_HEADER]];
  for (const u of units) {
    for (const r of unitRows(u)) rows.push([view.filters.van, view.filters.tot, u.name, ...r]);
  }
  return toCsv(rows);
}

export function statisticsFilename(view: Pick<StatisticsView, 'filters' | 'selected'>): string {
  const house = view.selected ? `-${view.selected.code.replace(/[^A-Za-z0-9-]/g, '')}` : '';
  return `statistieken${house}-${view.filters.periode}.csv`;
}
