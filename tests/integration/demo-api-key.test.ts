import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { unsafeOwnerClient } from '@/scripts/lib/owner';
import { DEMO_API_KEY, seedDemo } from '@/prisma/demo';
import { ownDatabase, testKeys } from '../helpers/db';

/**
 * Issue 14 §2 (ADR 0045): the demo holds one API key with the published demo value (docs/api.md)
 * for Huisartsenpraktijk De Linde; the database accepts it for both scopes, as its API account.
 * Seeded into a fresh database of its own.
 */
let db: PrismaClient;
let app: pg.Client;
let drop: () => Promise<void>;

beforeAll(async () => {
  const own = await ownDatabase('vhd_demo_api');
  drop = own.drop;
  db = unsafeOwnerClient(own.ownerUrl);
  await seedDemo(db, testKeys());
  app = new pg.Client({ connectionString: own.appUrl });
  await app.connect();
}, 120_000);
afterAll(async () => {
  await app?.end();
  await db?.$disconnect();
  await drop();
});

describe('demo data: the partner API', () => {
  it('the demo key works for both scopes as the API account of Huisartsenpraktijk De Linde; a changed one does not', async () => {
    const org = await db.organisation.findUniqueOrThrow({ where: { name: 'Huisartsenpraktijk De Linde' } });
    const begin = async (key: string, scope: string) =>
      (
        await app.query(
          `SELECT outcome, user_id, organisation_id FROM api_key_begin($1, $2, 'GET /api/v1/aanmeldingen', NULL)`,
          [key, scope],
        )
      ).rows[0];
    for (const scope of ['referrals:read', 'referrals:write']) {
      const r = await begin(DEMO_API_KEY, scope);
      expect(r.outcome, scope).toBe('ok');
      expect(r.organisation_id).toBe(org.id);
      const account = await db.user.findUniqueOrThrow({ where: { id: r.user_id }, include: { roles: true } });
      expect(account.roles.map((x) => x.role)).toEqual(['REFERRER']);
    }
    expect((await begin(DEMO_API_KEY.slice(0, -1) + 'X', 'referrals:read')).outcome).toBe('unknown');
    // stored as the HMAC under the database's own key: not the plain SHA-256 of the secret
    const key = await db.apiKey.findFirstOrThrow({ where: { organisationId: org.id } });
    const secret = DEMO_API_KEY.slice(17);
    expect(key.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.secretHash).not.toBe(createHash('sha256').update(`${key.prefix}.${secret}`).digest('hex'));
    expect(key.secretHash).not.toBe(createHash('sha256').update(secret).digest('hex'));
  });
});
