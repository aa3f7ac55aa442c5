import { describe, expect, it } from 'vitest';
import {
  COMPLEMENTARY,
  SUPPRESSED,
  displayCount,
  isSmallCount,
  maskMedian,
  suppressCounts,
  suppressGroup,
  type Relation,
} from '@/lib/reporting/suppression';
import { buildStatistics, buildStatisticsAcrossPeriods, type CountRow } from '@/lib/reporting/tables';
import { statisticsCsv, statisticsFilename } from '@/lib/reporting/to-csv';
import { csvField, toCsv } from '@/lib/csv';
import { parseStatisticsFilters, periodLabel, type StatisticsFilters } from '@/lib/reporting/schemas';

const YEAR_2026: StatisticsFilters = {
  periode: '2026',
  year: 2026,
  quarter: null,
  van: '2026-01-01',
  tot: '2026-12-31',
  veiligHuis: '',
};

/** No relation may have exactly one hidden cell: it could be recomputed by subtraction. */
function expectNoSingleHidden(masked: Record<string, unknown>, relations: readonly Relation[]) {
  for (const r of relations) {
    const hidden = [r.total, ...r.parts].filter((k) => masked[k] === SUPPRESSED || masked[k] === COMPLEMENTARY);
    expect(hidden.length, `${r.total} = ${r.parts.join(' + ')}`).not.toBe(1);
  }
}

describe('art. 15 §4: primary suppression (threshold 5)', () => {
  it('counts 1 to 4 are small; 0 and 5 or more are not', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 100].map((n) => isSmallCount(n))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('a suppressed count is shown as "< 5" and exported as "<5"; 0 stays 0', () => {
    expect(suppressCounts({ a: 0, b: 1, c: 4, d: 5 })).toEqual({ a: 0, b: '<5', c: '<5', d: 5 });
    expect(displayCount(SUPPRESSED)).toBe('< 5');
    expect(displayCount(0)).toBe('0');
    expect(displayCount(1234)).toBe('1.234');
  });

  it('a median is withheld when fewer than 5 values are behind it', () => {
    expect(maskMedian(12, 4)).toBeNull();
    expect(maskMedian(12, 5)).toBe(12);
    expect(maskMedian(null, 10)).toBeNull();
  });
});

describe('art. 15 §4: complementary suppression', () => {
  it('one hidden cell in a group with a published total: the next smallest cell is hidden too (as "x": it is not < 5)', () => {
    expect(suppressGroup([3, 20, 30])).toEqual({ counts: ['<5', 'x', 30], total: 53 });
    expect(displayCount(COMPLEMENTARY)).toBe('x');
  });

  it('the second cell is never a zero, which would hide nothing', () => {
    expect(suppressGroup([3, 0, 20, 40])).toEqual({ counts: ['<5', 0, 'x', 40], total: 63 });
  });

  it('two small cells protect each other; nothing more is hidden', () => {
    expect(suppressGroup([2, 3, 40])).toEqual({ counts: ['<5', '<5', 40], total: 45 });
    expect(suppressGroup([10, 20, 30])).toEqual({ counts: [10, 20, 30], total: 60 });
  });

  it('a small total is hidden with its only part', () => {
    expect(suppressGroup([4, 0])).toEqual({ counts: ['<5', 0], total: '<5' });
  });

  it('hiding spreads through related totals until no sum gives a hidden cell away', () => {
    const cells = { referrals: 43, pending: 3, decided: 40, refer: 10, attach: 12, notAdmissible: 18, admitted: 0 };
    const relations: Relation[] = [
      { total: 'referrals', parts: ['pending', 'decided'] },
      { total: 'decided', parts: ['refer', 'attach', 'notAdmissible', 'admitted'] },
    ];
    const masked = suppressCounts(cells, relations);
    // pending is small -> decided (40) hidden -> in the decisions, the smallest non-zero (refer, 10)
    expect(masked).toEqual({
      referrals: 43,
      pending: '<5',
      decided: 'x',
      refer: 'x',
      attach: 12,
      notAdmissible: 18,
      admitted: 0,
    });
    expectNoSingleHidden(masked, relations);
  });

  it('holds for random tables with totals per row and per column', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 200; round++) {
      const rows = 1 + rnd(4);
      const cols = 1 + rnd(5);
      const cells: Record<string, number> = {};
      const relations: Relation[] = [];
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) cells[`${r}:${c}`] = [0, 1, 2, 4, 5, 8, 20][rnd(7)]!;
      for (let r = 0; r < rows; r++) {
        cells[`${r}:T`] = Array.from({ length: cols }, (_, c) => cells[`${r}:${c}`]!).reduce((a, b) => a + b, 0);
        relations.push({ total: `${r}:T`, parts: Array.from({ length: cols }, (_, c) => `${r}:${c}`) });
      }
      for (const c of [...Array.from({ length: cols }, (_, i) => String(i)), 'T']) {
        cells[`T:${c}`] = Array.from({ length: rows }, (_, r) => cells[`${r}:${c}`]!).reduce((a, b) => a + b, 0);
        relations.push({ total: `T:${c}`, parts: Array.from({ length: rows }, (_, r) => `${r}:${c}`) });
      }
      const masked = suppressCounts(cells, relations);
      for (const [k, n] of Object.entries(cells)) if (n > 0 && n < 5) expect(masked[k]).toBe(SUPPRESSED);
      for (const [k, m] of Object.entries(masked)) {
        if (m === COMPLEMENTARY) expect(cells[k]).toBeGreaterThanOrEqual(5);
        else if (m !== SUPPRESSED) expect(m).toBe(cells[k]);
      }
      expectNoSingleHidden(masked, relations);
    }
  });

  it('refuses relations that do not add up (a programming error, not data to publish)', () => {
    expect(() => suppressCounts({ t: 5, a: 1 }, [{ total: 't', parts: ['a'] }])).toThrow(/klopt niet/);
    expect(() => suppressCounts({ t: 5 }, [{ total: 't', parts: ['x'] }])).toThrow(/Onbekende cel/);
  });
});

describe('art. 15 §4: statistics tables', () => {
  const houses = [
    { id: 'h1', name: 'Veilig Huis Een', code: 'VH-1' },
    { id: 'h2', name: 'Veilig Huis Twee', code: 'VH-2' },
  ];
  const state = (h: string, category: string, n: number): CountRow => ({
    safeHouseId: h,
    metric: 'state',
    category,
    n,
  });
  const rows: CountRow[] = [
    state('h1', 'PENDING', 3),
    state('h1', 'NOT_ADMISSIBLE', 20),
    state('h2', 'PENDING', 30),
    state('h2', 'NOT_ADMISSIBLE', 6),
    { safeHouseId: 'h1', metric: 'minors', category: 'NO', n: 23 },
    { safeHouseId: 'h2', metric: 'minors', category: 'NO', n: 36 },
    { safeHouseId: 'h1', metric: 'referrer_kind', category: 'POLICE', n: 23 },
    { safeHouseId: 'h2', metric: 'referrer_kind', category: 'CAW', n: 36 },
    { safeHouseId: 'h1', metric: 'violence_form', category: 'PARTNER_VIOLENCE', n: 23 },
    { safeHouseId: 'h2', metric: 'violence_form', category: 'not a code', n: 2 },
  ];
  const stats = buildStatistics({
    houses,
    counts: rows,
    waiting: [
      { safeHouseId: 'h1', decided: 20, medianDays: 4.25 },
      { safeHouseId: 'h2', decided: 4, medianDays: 9 },
    ],
  });
  const [h1, h2] = stats.houses;

  it('derives referrals, decisions and trajectories from the states, and masks them per house and in total', () => {
    expect(h1!.pending).toBe('<5');
    // referrals(h1) = pending + decided: decided would give pending away
    expect(h1!.decided).toBe('x');
    // pending in total = 3 + 30 = 33: with h1 hidden, h2's pending is hidden as well
    expect(h2!.pending).toBe('x');
    expect(stats.total.pending).toBe(33);
    expect(stats.total.referrals).toBe(59);
  });

  it('unknown violence forms are counted as "other", never passed on as text', () => {
    expect(h2!.violenceForms.find((v) => v.code === 'OTHER')!.n).toBe('<5');
    expect(JSON.stringify(stats)).not.toContain('not a code');
  });

  it('in the CSV, small counts are "<5" and the counts hidden to protect them "x", each with a remark', () => {
    const csv = statisticsCsv({ filters: YEAR_2026, rows: stats.houses, total: stats.total });
    expect(csv).toContain(
      '2026-01-01;2026-12-31;Veilig Huis Een;Aanmeldingen;Wacht op beslissing;<5;kleiner dan 5, niet getoond\r\n',
    );
    expect(csv).toContain(
      '2026-01-01;2026-12-31;Veilig Huis Een;Beslissingen;Totaal beslist;x;afgeschermd: anders is een klein aantal af te leiden\r\n',
    );
    expect(csv).toContain('2026-01-01;2026-12-31;Totaal;Aanmeldingen;Wacht op beslissing;33;\r\n');
  });

  it('medians: rounded to one decimal, withheld under 5 decisions', () => {
    expect(h1!.waiting).toEqual({ medianDays: 4.3, medianWithheld: false });
    expect(h2!.waiting).toEqual({ medianDays: null, medianWithheld: true });
  });
});

describe('art. 8: CSV export', () => {
  it('uses a BOM, semicolons, CRLF and quotes where needed', () => {
    const csv = toCsv([
      ['a', 'b;c', 'd"e'],
      ['regel\nnieuw', 3, null],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFFa;"b;c";"d""e"\r\n"regel\nnieuw";3;\r\n');
  });

  it('keeps spreadsheets from running text as a formula, and writes "<5" as is', () => {
    expect(csvField('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvField('+32 3 123')).toBe("'+32 3 123");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(' spatie')).toBe('" spatie"');
    expect(csvField('<5')).toBe('<5');
  });

  it('the statistics CSV has one row per measure, suppressed counts as "<5", and a clean file name', () => {
    const houses = [{ id: 'h1', name: 'Veilig Huis "Een"; test', code: 'VH-1' }];
    const counts: CountRow[] = [
      { safeHouseId: 'h1', metric: 'state', category: 'PENDING', n: 2 },
      { safeHouseId: 'h1', metric: 'minors', category: 'YES', n: 2 },
      { safeHouseId: 'h1', metric: 'referrer_kind', category: 'CLB', n: 2 },
    ];
    const stats = buildStatistics({ houses, counts, waiting: [] });
    const filters = YEAR_2026;
    const csv = statisticsCsv({ filters, rows: stats.houses, total: stats.total });
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Periode van;Periode tot;Veilig Huis;Onderdeel;Categorie;Waarde;Opmerking');
    expect(lines[1]).toBe(
      '2026-01-01;2026-12-31;"Veilig Huis ""Een""; test";Aanmeldingen;Totaal ingediend;<5;kleiner dan 5, niet getoond',
    );
    expect(lines.at(-1)).toBe(
      '2026-01-01;2026-12-31;"Veilig Huis ""Een""; test";Wachttijd tot beslissing;Mediaan (dagen);;geen beslissingen',
    );
    // only the one house: no separate total rows
    expect(lines.filter((l) => l.split(';')[2] === 'Totaal')).toEqual([]);
    // with two houses, each house and then the total
    const two = buildStatistics({
      houses: [
        { id: 'h1', name: 'Een', code: 'VH-1' },
        { id: 'h2', name: 'Twee', code: 'VH-2' },
      ],
      counts,
      waiting: [],
    });
    const both = statisticsCsv({ filters, rows: two.houses, total: two.total }).slice(1).trimEnd().split('\r\n');
    expect([...new Set(both.slice(1).map((l) => l.split(';')[2]))]).toEqual(['Een', 'Twee', 'Totaal']);
    // h1's small referral count would follow from the total minus h2 (0): the total is small itself
    expect(both).toContain('2026-01-01;2026-12-31;Totaal;Aanmeldingen;Totaal ingediend;<5;kleiner dan 5, niet getoond');
    expect(statisticsFilename({ filters, selected: { id: 'h1', name: 'x', code: 'VH-1"; x' } })).toBe(
      'statistieken-VH-1x-2026.csv',
    );
  });
});

describe('statistics filters: fixed periods only (art. 15 §4)', () => {
  const now = new Date('2026-06-15T10:00:00Z');
  it('art. 15 §4: default to the last complete quarter and all safe houses', () => {
    expect(parseStatisticsFilters({}, now)).toEqual({
      periode: '2026-K1',
      year: 2026,
      quarter: 1,
      van: '2026-01-01',
      tot: '2026-03-31',
      veiligHuis: '',
    });
    expect(parseStatisticsFilters({}, new Date('2026-02-01T10:00:00Z'))).toMatchObject({
      periode: '2025-K4',
      van: '2025-10-01',
      tot: '2025-12-31',
    });
  });
  it('art. 15 §4: a quarter or a whole year, nothing in between', () => {
    expect(parseStatisticsFilters({ periode: '2024-Q1' }, now)).toMatchObject({
      periode: '2024-K1',
      van: '2024-01-01',
      tot: '2024-03-31',
    });
    expect(parseStatisticsFilters({ periode: '2024-k4' }, now)).toMatchObject({ van: '2024-10-01', tot: '2024-12-31' });
    expect(parseStatisticsFilters({ periode: '2024', veiligHuis: 'x' }, now)).toEqual({
      periode: '2024',
      year: 2024,
      quarter: null,
      van: '2024-01-01',
      tot: '2024-12-31',
      veiligHuis: '',
    });
    expect(() => parseStatisticsFilters({ periode: '2024-02' }, now)).toThrow(/kwartaal/);
    expect(() => parseStatisticsFilters({ van: '2026-02-01', tot: '2026-03-31' }, now)).toThrow(/vrije periode/);
    expect(periodLabel({ year: 2026, quarter: null })).toBe('het jaar 2026');
    expect(periodLabel({ year: 2026, quarter: 2 })).toBe('tweede kwartaal 2026');
  });
  it('art. 15 §4: a hidden quarter is not the year minus the other quarters', () => {
    const houses = [{ id: 'h1', name: 'Een', code: 'VH-1' }];
    const q = (n: number) => [
      { safeHouseId: 'h1', metric: 'state', category: 'NOT_ADMISSIBLE', n },
      { safeHouseId: 'h1', metric: 'minors', category: 'NO', n },
      { safeHouseId: 'h1', metric: 'referrer_kind', category: 'POLICE', n },
    ];
    const all = buildStatisticsAcrossPeriods({
      houses,
      periods: [
        { key: 'Y', counts: q(12), waiting: [] },
        { key: 'K1', counts: q(10), waiting: [] },
        { key: 'K2', counts: q(2), waiting: [] },
        { key: 'K3', counts: [], waiting: [] },
        { key: 'K4', counts: [], waiting: [] },
      ],
      sums: [{ total: 'Y', parts: ['K1', 'K2', 'K3', 'K4'] }],
    });
    const outcome = (k: string) => all.get(k)!.houses[0]!.outcomes.find((o) => o.code === 'NOT_ADMISSIBLE')!.n;
    expect(outcome('K2')).toBe('<5');
    // the year (12) minus the first quarter (10) would give the 2 away: one of them is hidden
    expect([outcome('Y'), outcome('K1')]).toContain('x');
  });
});
