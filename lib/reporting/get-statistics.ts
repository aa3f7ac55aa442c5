import 'server-only';
import { useCase } from '@/lib/use-case/kernel';
import { parseStatisticsFilters } from './schemas';
import { loadStatistics, type StatisticsView } from './queries';

/**
 * Anonymised statistics (art. 8, art. 15 §4) for coordinators (their own safe houses) and the
 * Agency's analysts (every safe house): referrals, decisions by outcome, trajectories, the
 * profile of the client systems and waiting times, for whole months of submission. Every count
 * is masked (lib/reporting/suppression.ts); nothing identifies a dossier or a person.
 */
export async function getStatistics(
  userId: string,
  rawFilters: Record<string, unknown>,
  now = new Date(),
): Promise<StatisticsView> {
  const filters = parseStatisticsFilters(rawFilters, now);
  return useCase(userId, { action: 'statistics.view', purpose: 'statistics' }, async ({ tx, actor, log }) => {
    const view = await loadStatistics(tx, actor, filters);
    await log({
      objectType: 'Statistics',
      objectId: `periode:${filters.van}..${filters.tot}`,
      safeHouseId: view.selected?.id ?? null,
    });
    return view;
  });
}
