import 'server-only';
import { invalid } from '@/lib/errors';
import { brusselsDayEnd } from '@/lib/time';
import { useCase } from '@/lib/use-case/kernel';
import { parseOrInvalid } from '@/lib/admin/errors';
import { newApiKeySchema, type NewApiKeyValues } from './schemas';

/**
 * The functional administrator makes an API key for a partner organisation (issue 14 §2; ADR 0045).
 * The database makes the organisation's API account the first time, draws the secret and keeps
 * only its HMAC; the whole key comes back this once, to be shown once and never again.
 */
export async function createApiKey(
  userId: string,
  values: NewApiKeyValues,
  now = new Date(),
): Promise<{ id: string; key: string }> {
  const v = parseOrInvalid(newApiKeySchema(now), values);
  return useCase(userId, { action: 'users.manage', purpose: 'administration' }, async ({ tx, log }) => {
    const org = await tx.organisation.findUnique({ where: { id: v.organisationId }, select: { id: true } });
    if (!org) throw invalid('Kies een bestaande organisatie.', { organisationId: 'Kies een bestaande organisatie.' });
    const [row] = await tx.$queryRaw<{ key_id: string; api_key: string }[]>`
      SELECT key_id, api_key FROM api_key_create(${v.organisationId}::uuid, ${v.name}, ${v.scopes}::text[],
        ${brusselsDayEnd(v.expiresOn)}::timestamptz, ${Number(v.rateLimitPerMinute)}::integer)`;
    await log({ action: 'admin.apiKey.create', objectType: 'ApiKey', objectId: row!.key_id });
    return { id: row!.key_id, key: row!.api_key };
  });
}
