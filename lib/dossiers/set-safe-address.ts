import 'server-only';
import { dossierUseCase, DeniedError } from '@/lib/use-case/kernel';

/**
 * The coordinator marks (or unmarks) a member's address as a "veilig adres" — e.g. a victim in a
 * shelter: from then on nobody but the coordinator of the holding safe house sees that member's
 * address and phone, not even with a reason (ADR 0017). Logged.
 */
export async function setSafeAddress(userId: string, dossierId: string, memberId: string, safe: boolean) {
  const need = {
    action: 'member.setSafeAddress',
    purpose: 'protection',
    dossierId,
    objectType: 'ClientMember',
    objectId: memberId,
  } as const;
  return dossierUseCase(userId, need, async ({ tx, log }) => {
    const updated = await tx.clientMember.updateMany({
      where: { id: memberId, dossierId },
      data: { safeAddress: safe },
    });
    if (updated.count !== 1)
      throw new DeniedError({
        action: need.action,
        objectType: 'ClientMember',
        objectId: memberId,
        purpose: need.purpose,
      });
    await log({
      objectType: 'ClientMember',
      objectId: memberId,
      reason: safe ? 'veilig adres ingesteld' : 'veilig adres opgeheven',
    });
  });
}
