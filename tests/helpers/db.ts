import { inject } from 'vitest';
import pg from 'pg';
import { unsafeOwnerClient } from '@/scripts/lib/owner';
import { parseFieldKeys } from '@/lib/crypto/fields';
import { sealAuditLog } from '@/lib/audit/verify-db';
import { prepareDatabase } from '@/scripts/lib/database';
import { dropDatabase } from '@/scripts/lib/bootstrap';
import type { PrismaClient } from '@/lib/generated/prisma/client';

let owner: PrismaClient | undefined;
let override:
  | {
      db: { ownerUrl: string; appUrl: string };
      secrets: { FIELD_ENCRYPTION_KEYS: string; FIELD_ENCRYPTION_KEY_ID: string; LOOKUP_HMAC_KEY: string };
    }
  | undefined;

/** For a test that runs its own PostgreSQL (tests/resilience): the helpers use that one. */
export function useDatabase(o: NonNullable<typeof override>) {
  override = o;
  owner = undefined;
}
const dbInfo = () => override?.db ?? inject('db');

/** The owner's client (no RLS): for test set-up and for checking what really is in the tables. */
export function ownerDb(): PrismaClient {
  owner ??= unsafeOwnerClient(dbInfo().ownerUrl);
  return owner;
}

export function testKeys() {
  const s = override?.secrets ?? inject('secrets');
  return parseFieldKeys(s.FIELD_ENCRYPTION_KEYS, s.FIELD_ENCRYPTION_KEY_ID, s.LOOKUP_HMAC_KEY);
}

/** A raw connection as the application role, for queries that deliberately skip the app's code. */
export async function appRoleClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: dbInfo().appUrl });
  await client.connect();
  return client;
}

export async function ownerPgClient(url = dbInfo().ownerUrl): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * A fresh, migrated database of its own on the test server (for tests that tamper with or count
 * what only they write), with the app role's login; `drop` removes it again.
 */
export async function ownDatabase(
  name: string,
): Promise<{ ownerUrl: string; appUrl: string; drop: () => Promise<void> }> {
  const prepared = await prepareDatabase(inject('db').serverUrl, {
    database: `${name}_${process.pid}`,
    fresh: true,
    appPassword: inject('secrets').APP_DB_PASSWORD,
    quiet: true,
  });
  return { ...prepared, drop: () => dropDatabase(prepared.ownerUrl) };
}

/**
 * Seals the access log (ADR 0028) until every row visible now is in the chain. Another test
 * file's transaction may still hold a lower number; the sealer then waits for it to end, so this
 * polls (the condition, not a time) and gives up only after `timeoutMs`.
 */
export async function sealThroughNow(url = dbInfo().ownerUrl, timeoutMs = 25_000): Promise<bigint> {
  const client = await ownerPgClient(url);
  try {
    const { rows } = await client.query(`SELECT coalesce(max("seq"), 0)::text AS seq FROM "AuditEvent"`);
    const target = BigInt(rows[0].seq);
    const until = Date.now() + timeoutMs;
    for (;;) {
      await sealAuditLog(client);
      const state = await client.query(`SELECT "sealedSeq"::text AS seq FROM "AuditSeal"`);
      if (BigInt(state.rows[0].seq) >= target) return target;
      if (Date.now() > until) throw new Error(`sealThroughNow: row ${target} not sealed after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await client.end();
  }
}

/** Every row of every table as JSON text: to prove that a purged person left no trace anywhere. */
export async function allTablesText(): Promise<string> {
  const tables = await ownerDb().$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  let text = '';
  for (const { table_name } of tables) {
    const rows = await ownerDb().$queryRawUnsafe<{ t: string }[]>(
      `SELECT row_to_json(x)::text AS t FROM "${table_name}" x`,
    );
    text += rows.map((r) => r.t).join('\n');
  }
  return text;
}
