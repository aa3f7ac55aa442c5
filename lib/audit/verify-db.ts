import type pg from 'pg';
import { GENESIS_HASH, verifyAfter, verifyChain, type AuditRow, type VerifyFrom, type VerifyResult } from './verify';

type Client = pg.Client | pg.PoolClient;

const fetchBatchOf = (client: Client) => async (afterSeq: bigint, limit: number) => {
  const { rows } = await client.query(
    `SELECT "seq"::text AS seq, "occurredAt", "actorUserId", "actorOrganisationId", "actorRoles", "safeHouseId",
            "action", "objectType", "objectId", "dossierId", "purpose", "reason", "outcome"::text AS outcome,
            "prevHash", "hash"
       FROM "AuditEvent" e WHERE e."seq" > $1 ORDER BY e."seq" LIMIT $2`,
    [afterSeq.toString(), limit],
  );
  return rows.map((r): AuditRow => ({ ...r, seq: BigInt(r.seq) }));
};

/** How many rows one call of audit_seal links at most (one short statement each). */
const SEAL_BATCH = 10_000;

/**
 * Seals the rows appended since the last run (ADR 0028): links them to the chain in sequence
 * order, batch after batch, up to a number that a running transaction may still hold. Owner only.
 * Returns how many rows it sealed.
 */
export async function sealAuditLog(client: Client): Promise<number> {
  let total = 0;
  for (;;) {
    const { rows } = await client.query(`SELECT audit_seal($1) AS n`, [SEAL_BATCH]);
    const n = Number(rows[0].n);
    total += n;
    if (n < SEAL_BATCH) return total;
  }
}

/** Verifies the chain through a plain pg connection (the owner's, or any that may read the log). */
export async function verifyAuditLog(client: Client): Promise<VerifyResult> {
  return verifyChain(fetchBatchOf(client));
}

export type VerificationScope = 'full' | 'incremental';

export interface StoredVerification {
  scope: VerificationScope;
  fromSeq: bigint;
  toSeq: bigint;
  checked: bigint;
  ok: boolean;
  brokenAtSeq: bigint | null;
  problem: string | null;
}

/**
 * The worker's chain check (issue 11 §4, ADR 0026), stored in "AuditVerification" for the DPO's
 * page. 'incremental' goes on from the newest stored result when that one was good (else it runs
 * in full, so a break stays reported); 'full' walks the whole log. Connects as the owner.
 */
export async function runAuditVerification(client: Client, scope: VerificationScope): Promise<StoredVerification> {
  let start: VerifyFrom | null = null;
  let effective: VerificationScope = 'full';
  if (scope === 'incremental') {
    const { rows } = await client.query(
      `SELECT "toSeq"::text AS "toSeq", "toHash", "ok" FROM "AuditVerification" ORDER BY "id" DESC LIMIT 1`,
    );
    const last = rows[0] as { toSeq: string; toHash: string; ok: boolean } | undefined;
    if (last?.ok) {
      start = { afterSeq: BigInt(last.toSeq), prevHash: last.toHash };
      effective = 'incremental';
    }
  }
  const hashAt = async (seq: bigint) => {
    const { rows } = await client.query(`SELECT "hash" FROM "AuditEvent" WHERE "seq" = $1`, [seq.toString()]);
    return (rows[0]?.hash as string | undefined) ?? null;
  };
  // the worker seals before it checks, so the check covers what was appended until now
  await sealAuditLog(client);
  const result = await verifyAfter(fetchBatchOf(client), hashAt, start);
  const fromSeq = start?.afterSeq ?? 0n;
  const stored: StoredVerification = result.ok
    ? {
        scope: effective,
        fromSeq,
        toSeq: result.lastSeq ?? fromSeq,
        checked: BigInt(result.checked),
        ok: true,
        brokenAtSeq: null,
        problem: null,
      }
    : {
        scope: effective,
        fromSeq,
        toSeq: fromSeq,
        checked: BigInt(result.checked),
        ok: false,
        brokenAtSeq: result.brokenAtSeq,
        problem: result.problem,
      };
  const toHash = result.ok ? result.lastHash : (start?.prevHash ?? GENESIS_HASH);
  await client.query(
    `INSERT INTO "AuditVerification" ("scope", "fromSeq", "toSeq", "toHash", "checked", "ok", "brokenAtSeq", "problem")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      stored.scope,
      stored.fromSeq.toString(),
      stored.toSeq.toString(),
      toHash,
      stored.checked.toString(),
      stored.ok,
      stored.brokenAtSeq?.toString() ?? null,
      stored.problem,
    ],
  );
  return stored;
}
