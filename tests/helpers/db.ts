import { inject } from 'vitest';
import pg from 'pg';
import { unsafeOwnerClient } from '@/lib/db/owner';
import { parseFieldKeys } from '@/lib/crypto/fields';
import type { PrismaClient } from '@/lib/generated/prisma/client';

let owner: PrismaClient | undefined;
/** The owner's client (no RLS): for test set-up and for checking what really is in the tables. */
export function ownerDb(): PrismaClient {
  owner ??= unsafeOwnerClient(inject('db').ownerUrl);
  return owner;
}

export function testKeys() {
  const s = inject('secrets');
  return parseFieldKeys(s.FIELD_ENCRYPTION_KEYS, s.FIELD_ENCRYPTION_KEY_ID, s.LOOKUP_HMAC_KEY);
}

/** A raw connection as the application role, for queries that deliberately skip the app's code. */
export async function appRoleClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: inject('db').appUrl });
  await client.connect();
  return client;
}

export async function ownerPgClient(url = inject('db').ownerUrl): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}
