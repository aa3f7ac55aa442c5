import 'server-only';
import type { Actor } from '@/lib/access/actor';
import { hasRole } from '@/lib/access/actor';
import { DeniedError, type Tx } from '@/lib/use-case/kernel';
import { periodKey, periodLabel, type StatisticsFilters } from './schemas';
import { THRESHOLD } from './suppression';
import { buildStatisticsAcrossPeriods, type HouseRef, type UnitStatistics } from './tables';

export interface StatisticsView {
  filters: StatisticsFilters;
  /** "eerste kwartaal 2026", "het jaar 2026" */
  period: string;
  threshold: number;
  /** the safe houses in the actor's scope (for the filter) */
  houses: HouseRef[];
  /** the chosen safe house, or null for all in scope */
  selected: HouseRef | null;
  /** one row per safe house in the selection */
  rows: UnitStatistics[];
  /** all safe houses in scope together; null when one safe house is chosen */
  total: UnitStatistics | null;
  /** what the profile tables describe: the chosen safe house or the total */
  selection: UnitStatistics;
}

/**
 * The safe houses whose statistics the actor may see. Mirrors the SQL function
 * statistics_scope (prisma/migrations/20261123090000_statistics): the Agency's analysts every
 * safe house, coordinators and representatives the houses they coordinate.
 */
async function housesInScope(tx: Tx, actor: Actor): Promise<HouseRef[]> {
  const where = hasRole(actor, 'AGENCY_ANALYST') ? {} : { id: { in: actor.coordinatorHouses } };
  return tx.safeHouse.findMany({
    where,
    select: { id: true, name: true, code: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}

/**
 * Reads the anonymised aggregates for the actor's scope and masks them. Only counts per
 * category and a median come out of the database (SECURITY DEFINER functions); no dossier row
 * is read here, and the analyst has no row access anyway. Suppression always runs over the whole
 * scope, then the chosen safe house is picked out (see lib/reporting/tables.ts).
 */
export async function loadStatistics(tx: Tx, actor: Actor, filters: StatisticsFilters): Promise<StatisticsView> {
  const houses = await housesInScope(tx, actor);
  const selected = filters.veiligHuis ? (houses.find((h) => h.id === filters.veiligHuis) ?? null) : null;
  if (filters.veiligHuis && !selected) {
    throw new DeniedError({
      action: 'statistics.view',
      objectType: 'Statistics',
      objectId: `periode:${filters.van}..${filters.tot}`,
      safeHouseId: filters.veiligHuis,
      purpose: 'statistics',
    });
  }
  // The requested period is masked together with its whole year: the year and its four quarters
  // (a year is the sum of its quarters), so no published pair can be subtracted (ADR 0013).
  // statistics_year reads the year's facts once and groups them by quarter and by year in one
  // statement (one snapshot: a referral submitted meanwhile is in both or in neither).
  const facts = await tx.$queryRaw<
    {
      quarter: number | null;
      kind: 'count' | 'wait';
      safe_house_id: string | null;
      metric: string | null;
      category: string | null;
      n: bigint;
      median_days: number | null;
    }[]
  >`SELECT quarter, kind, safe_house_id, metric, category, n, median_days FROM statistics_year(${filters.year}::integer)`;
  const loaded = [null, 1, 2, 3, 4].map((q) => {
    const mine = facts.filter((r) => r.quarter === q);
    const waiting = mine
      .filter((r) => r.kind === 'wait')
      .map((w) => ({
        safeHouseId: w.safe_house_id,
        decided: Number(w.n),
        medianDays: w.median_days === null ? null : Number(w.median_days),
      }));
    // a quarter without any decision has no row of its own: its scope row is 0 decided, no median
    if (!waiting.some((w) => w.safeHouseId === null)) waiting.push({ safeHouseId: null, decided: 0, medianDays: null });
    return {
      key: periodKey(filters.year, q),
      counts: mine
        .filter((r) => r.kind === 'count')
        .map((r) => ({ safeHouseId: r.safe_house_id!, metric: r.metric!, category: r.category!, n: Number(r.n) })),
      waiting,
    };
  });
  const yearKey = periodKey(filters.year, null);
  const all = buildStatisticsAcrossPeriods({
    houses,
    periods: loaded,
    sums: [{ total: yearKey, parts: [1, 2, 3, 4].map((q) => periodKey(filters.year, q)) }],
  });
  const stats = all.get(filters.periode)!;
  const rows = selected ? stats.houses.filter((h) => h.id === selected.id) : stats.houses;
  return {
    filters,
    period: periodLabel(filters),
    threshold: THRESHOLD,
    houses,
    selected,
    rows,
    total: selected ? null : stats.total,
    selection: selected ? rows[0]! : stats.total,
  };
}
