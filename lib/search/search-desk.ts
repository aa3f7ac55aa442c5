import 'server-only';
import { useCase } from '@/lib/use-case/kernel';

/**
 * The search page (/zoeken) before a search: only for coordinators and their representatives
 * ('dossier.search'); tells them in which safe house(s) it looks. No client data, so no log row —
 * each search itself is logged (lib/search/search-dossiers.ts).
 */
export async function getSearchDesk(userId: string) {
  return useCase(
    userId,
    { action: 'dossier.search', purpose: 'caseWork', referenceDataOnly: true },
    async ({ tx, actor }) => {
      const houses = await tx.safeHouse.findMany({
        where: { id: { in: actor.coordinatorHouses } },
        select: { name: true },
        orderBy: { name: 'asc' },
      });
      return { safeHouses: houses.map((h) => h.name) };
    },
  );
}
