import 'server-only';
import { useCase } from '@/lib/use-case/kernel';
import { parseStatisticsFilters } from './schemas';
import { loadStatistics } from './queries';
import { statisticsCsv, statisticsFilename } from './to-csv';

/** The same masked statistics as the page, as a CSV file for Belgian Excel; the export is logged. */
export async function exportStatistics(userId: string, rawFilters: Record<string, unknown>, now = new Date()) {
  const filters = parseStatisticsFilters(rawFilters, now);
  return useCase(userId, { action: 'statistics.view', purpose: 'statistics' }, async ({ tx, actor, log }) => {
    const view = await loadStatistics(tx, actor, filters);
    await log({
      objectType: 'Statistics',
      objectId: `periode:${filters.van}..${filters.tot}:csv`,
      safeHouseId: view.selected?.id ?? null,
    });
    return { csv: statisticsCsv(view), filename: statisticsFilename(view) };
  });
}
