import 'server-only';
import { withActor } from '@/lib/db/scoped';
import { can } from '@/lib/access/policy';
import { AppError } from '@/lib/errors';

/**
 * The start of the GDPR desk (/inzage): only for coordinators and their representatives
 * ('gdpr.accessOverview'); tells them in which safe house(s) a search looks. No client data.
 */
export async function getGdprDesk(userId: string) {
  return withActor(userId, async (tx, actor) => {
    if (!can(actor, 'gdpr.accessOverview')) throw new AppError('FORBIDDEN_ACTION', 'Je rol laat geen inzage toe.');
    const houses = await tx.safeHouse.findMany({ where: { id: { in: actor.coordinatorHouses } }, select: { name: true }, orderBy: { name: 'asc' } });
    return { safeHouses: houses.map((h) => h.name) };
  });
}
