import type pg from 'pg';
import { verifyChain, type AuditRow, type VerifyResult } from './verify';

/** Verifies the chain through a plain pg connection (the owner's, or any that may read the log). */
export async function verifyAuditLog(client: pg.Client | pg.PoolClient): Promise<VerifyResult> {
  return verifyChain(async (afterSeq, limit) => {
    const { rows } = await client.query(
      `SELECT "seq"::text AS seq, "occurredAt", "actorUserId", "actorOrganisationId", "actorRoles", "safeHouseId",
              "action", "objectType", "objectId", "dossierId", "purpose", "reason", "outcome"::text AS outcome,
              "prevHash", "hash"
         FROM "AuditEvent" e WHERE e."seq" > $1 ORDER BY e."seq" LIMIT $2`,
      [afterSeq.toString(), limit],
    );
    return rows.map((r): AuditRow => ({ ...r, seq: BigInt(r.seq) }));
  });
}
