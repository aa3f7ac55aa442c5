/**
 * Small-number suppression for the anonymised statistics (art. 8, art. 15 §4: no information
 * from which anyone's identity can be derived, directly or indirectly). Pure functions.
 *
 * - Primary suppression: a count from 1 to THRESHOLD − 1 is not shown (SUPPRESSED, "<5").
 *   0 is shown as 0.
 * - Complementary (secondary) suppression: numbers are published together with totals, so a
 *   hidden count could be recomputed by subtraction. Every additive relation `total = Σ parts`
 *   that holds between published cells is given; whenever exactly one cell of a relation is
 *   hidden, the smallest other non-zero cell of that relation is hidden too. This repeats until
 *   no relation has exactly one hidden cell (a cell can be in several relations: per safe house
 *   and across safe houses). Such a cell always holds 5 or more (every smaller non-zero count is
 *   already hidden), so it is marked COMPLEMENTARY ("x"), not "< 5", which would be untrue; the
 *   mark tells no more than the sum already does.
 * - A median is shown only when at least THRESHOLD values are behind it.
 */
export const THRESHOLD = 5;

/** How a suppressed count is exported (CSV). */
export const SUPPRESSED = '<5' as const;
/** How a suppressed count is shown on screen. */
export const SUPPRESSED_DISPLAY = '< 5';

/** A count of 5 or more hidden so that a small count cannot be derived from a total. */
export const COMPLEMENTARY = 'x' as const;
export const COMPLEMENTARY_DISPLAY = 'x';

export type Masked = number | typeof SUPPRESSED | typeof COMPLEMENTARY;

/** An additive relation between published cells: the value of `total` is the sum of `parts`. */
export interface Relation {
  total: string;
  parts: readonly string[];
}

/** True for a count that must not be shown on its own (1 … threshold − 1). */
export function isSmallCount(n: number, threshold = THRESHOLD): boolean {
  return n > 0 && n < threshold;
}

/**
 * Masks a table of counts. `cells` holds every published count by key; `relations` the sums that
 * hold between them. Returns every cell: its count, SUPPRESSED (a small count) or COMPLEMENTARY.
 */
export function suppressCounts(
  cells: Readonly<Record<string, number>>,
  relations: readonly Relation[] = [],
  threshold = THRESHOLD,
): Record<string, Masked> {
  for (const [key, n] of Object.entries(cells)) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`Ongeldige telling voor ${key}: ${n}`);
  }
  const value = (key: string): number => {
    const n = cells[key];
    if (n === undefined) throw new Error(`Onbekende cel in een relatie: ${key}`);
    return n;
  };
  for (const r of relations) {
    const sum = r.parts.reduce((acc, p) => acc + value(p), 0);
    if (sum !== value(r.total)) throw new Error(`Relatie klopt niet: ${r.total} ≠ som van ${r.parts.join(', ')}`);
  }

  const small = new Set(Object.keys(cells).filter((k) => isSmallCount(cells[k]!, threshold)));
  const hidden = new Set(small);
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of relations) {
      // parts first, then the total: on equal values a part is hidden rather than the total
      const members = [...new Set([...r.parts, r.total])];
      if (members.filter((k) => hidden.has(k)).length !== 1) continue;
      const visible = members.filter((k) => !hidden.has(k));
      const byValue = (a: string, b: string) => value(a) - value(b);
      // a zero hides nothing (it is shown as 0 everywhere else); prefer the smallest non-zero cell
      const pick = [...visible.filter((k) => value(k) > 0)].sort(byValue)[0] ?? [...visible].sort(byValue)[0];
      if (pick !== undefined) {
        hidden.add(pick);
        changed = true;
      }
    }
  }
  return Object.fromEntries(
    Object.entries(cells).map(([k, n]): [string, Masked] => [
      k,
      small.has(k) ? SUPPRESSED : hidden.has(k) ? COMPLEMENTARY : n,
    ]),
  );
}

/**
 * The simplest case: one group of counts whose sum is published. Returns the masked counts in
 * the same order, and the masked total.
 */
export function suppressGroup(counts: readonly number[], threshold = THRESHOLD): { counts: Masked[]; total: Masked } {
  const cells: Record<string, number> = { total: counts.reduce((a, b) => a + b, 0) };
  counts.forEach((n, i) => (cells[`c${i}`] = n));
  const masked = suppressCounts(cells, [{ total: 'total', parts: counts.map((_, i) => `c${i}`) }], threshold);
  return { counts: counts.map((_, i) => masked[`c${i}`]!), total: masked.total! };
}

/** A median, or null when fewer than `threshold` values are behind it (or there is none). */
export function maskMedian(median: number | null, count: number, threshold = THRESHOLD): number | null {
  if (median === null || count < threshold) return null;
  return median;
}

/** True for a count that is not shown (small, or hidden to protect a small one). */
export const isSuppressed = (m: Masked): m is typeof SUPPRESSED | typeof COMPLEMENTARY =>
  m === SUPPRESSED || m === COMPLEMENTARY;

const intFmt = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 0 });
const decFmt = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 });

/** On screen: "< 5" for a small count, "x" for a complementary one, else the number (nl-BE). */
export function displayCount(m: Masked): string {
  if (m === SUPPRESSED) return SUPPRESSED_DISPLAY;
  if (m === COMPLEMENTARY) return COMPLEMENTARY_DISPLAY;
  return intFmt.format(m);
}

/** What a screen reader says for a count. */
export function spokenCount(m: Masked): string {
  if (m === SUPPRESSED) return 'minder dan 5';
  if (m === COMPLEMENTARY) return 'afgeschermd';
  return intFmt.format(m);
}

/** A number of days with at most one decimal, nl-BE ("4,5"). */
export function formatDays(days: number): string {
  return decFmt.format(days);
}
