import 'server-only';
import { useCase } from '@/lib/use-case/kernel';
import type { ApiScope } from './schemas';

export type ApiKeyState = 'active' | 'revoked' | 'expired';

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  organisationId: string;
  organisationName: string;
  scopes: ApiScope[];
  rateLimitPerMinute: number;
  createdAt: Date;
  createdByName: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  state: ApiKeyState;
}

/**
 * The API keys of every partner organisation, for the functional administrator (issue 14 §2;
 * ADR 0045): name, prefix, organisation, scopes, limit, term and last use — never the secret (the
 * app role cannot read its hash), never any dossier content. The organisations to choose from.
 */
export async function listApiKeys(userId: string, now = new Date()) {
  return useCase(userId, { action: 'users.manage', purpose: 'administration' }, async ({ tx, log }) => {
    const keys = await tx.apiKey.findMany({
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: 500,
      select: {
        id: true,
        name: true,
        prefix: true,
        organisationId: true,
        scopes: true,
        rateLimitPerMinute: true,
        createdAt: true,
        createdByUserId: true,
        expiresAt: true,
        revokedAt: true,
        lastUsedAt: true,
      },
    });
    const organisations = await tx.organisation.findMany({
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    });
    const creators = await tx.user.findMany({
      where: { id: { in: [...new Set(keys.map((k) => k.createdByUserId))] } },
      select: { id: true, name: true },
    });
    const orgName = new Map(organisations.map((o) => [o.id, o.name]));
    const creatorName = new Map(creators.map((u) => [u.id, u.name]));
    await log({ action: 'users.manage', objectType: 'ApiKeyList' });
    const rows: ApiKeyRow[] = keys.map((k) => ({
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      organisationId: k.organisationId,
      organisationName: orgName.get(k.organisationId) ?? '—',
      scopes: k.scopes as ApiScope[],
      rateLimitPerMinute: k.rateLimitPerMinute,
      createdAt: k.createdAt,
      createdByName: creatorName.get(k.createdByUserId) ?? '—',
      expiresAt: k.expiresAt,
      revokedAt: k.revokedAt,
      lastUsedAt: k.lastUsedAt,
      state: k.revokedAt ? 'revoked' : k.expiresAt <= now ? 'expired' : 'active',
    }));
    return { keys: rows, organisations };
  });
}
