import 'server-only';
import { conflict, invalid, notFound } from '@/lib/errors';
import { useCase } from '@/lib/use-case/kernel';

/**
 * Deactivates or reactivates an account. Deactivation ends every session of the user in the same
 * transaction (trigger auth_user_change_ends_sessions sets revokedAt with the reason "account
 * gedeactiveerd"); the session check and the login refuse an inactive account anyway. An
 * administrator does not deactivate themselves (the database refuses it too: policy user_update).
 */
export async function setUserActive(userId: string, targetId: string, active: boolean): Promise<void> {
  await useCase(userId, { action: 'users.manage', purpose: 'administration' }, async ({ tx, actor, log }) => {
    if (!active && targetId === actor.userId)
      throw invalid('Je kunt je eigen account niet deactiveren. Laat dat doen door een andere functioneel beheerder.');
    const exists = await tx.user.findUnique({ where: { id: targetId }, select: { id: true } });
    if (!exists) throw notFound();
    const { count } = await tx.user.updateMany({ where: { id: targetId, active: !active }, data: { active } });
    if (count !== 1) throw conflict(active ? 'Deze gebruiker is al actief.' : 'Deze gebruiker is al gedeactiveerd.');
    await log({
      action: active ? 'admin.user.reactivate' : 'admin.user.deactivate',
      objectType: 'User',
      objectId: targetId,
    });
  });
}
