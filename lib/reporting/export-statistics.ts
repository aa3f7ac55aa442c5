import 'server-only';
import { withActor } from '@/lib/db/scoped';
import { recordAudit } from '@/lib/audit/log';
import { parseStatisticsFilters } from './schemas';
import { loadStatistics } from './queries';
import { statisticsCsv, statisticsFilename } from './to-csv';

/** The same masked statistics as the page, as a CSV file for Belgian Excel; the export is logged. */
export async function exportStatistics(userId: string, rawFilters: Record<string, unknown>, now = new Date()) {
  const filters = parseStatisticsFilters(rawFilters, now);
  return withActor(userId, async (tx, actor) => {
    const view = await loadStatistics(tx, actor, filters, 'exportStatistics');
    await recordAudit(tx, actor, {
      action: 'statistics.view',
      objectType: 'Statistics',
      objectId: `periode:${filters.van}..${filters.tot}:csv`,
      safeHouseId: view.selected?.id ?? null,
      purpose: 'exportStatistics',
      outcome: 'ALLOWED',
    });
    return { csv: statisticsCsv(view), filename: statisticsFilename(view) };
  });
}
