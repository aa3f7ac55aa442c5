import 'server-only';
import { searchAuditEvents } from './search-events';

/**
 * @deprecated The DPO's page uses `searchAuditEvents` (lib/audit/search-events.ts), which adds
 * filters and dossier references. Kept for callers of the unfiltered, paged list.
 */
export async function listAuditEvents(userId: string, raw: { page?: unknown }) {
  return searchAuditEvents(userId, { pagina: raw.page === undefined ? undefined : String(raw.page) });
}
