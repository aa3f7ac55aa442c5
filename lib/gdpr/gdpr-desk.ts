import 'server-only';
import { useCase } from '@/lib/use-case/kernel';

/**
 * The start of the GDPR desk (/inzage): only for coordinators and their representatives
 * ('gdpr.accessOverview'); tells them in which safe house(s) a search looks. No client data.
 */
export async function getGdprDesk(userId: string) {
  return useCase(
    userId,
    { action: 'gdpr.accessOverview', purpose: 'dataSubjectRights', referenceDataOnly: true },
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
