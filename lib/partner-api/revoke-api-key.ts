import 'server-only';
import { conflict, notFound } from '@/lib/errors';
import { useCase } from '@/lib/use-case/kernel';
import { z } from '@/lib/validation/zod';

/**
 * The functional administrator revokes an API key (issue 14 §2; ADR 0045): from the next call on
 * it is refused with 401. A revoked key stays listed (who made and revoked it, when).
 */
export async function revokeApiKey(userId: string, keyId: string): Promise<void> {
  if (!z.uuid().safeParse(keyId).success) throw notFound();
  return useCase(userId, { action: 'users.manage', purpose: 'administration' }, async ({ tx, log }) => {
    const key = await tx.apiKey.findUnique({ where: { id: keyId }, select: { id: true } });
    if (!key) throw notFound();
    const [row] = await tx.$queryRaw<{ revoked: boolean }[]>`SELECT api_key_revoke(${keyId}::uuid) AS revoked`;
    if (!row?.revoked) throw conflict('Deze sleutel was al ingetrokken.');
    await log({ action: 'admin.apiKey.revoke', objectType: 'ApiKey', objectId: keyId });
  });
}
