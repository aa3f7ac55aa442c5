import crypto from 'node:crypto';

/**
 * Independent check of the access log's hash chain. It recomputes every row's hash in
 * JavaScript from the row's fields (the same canonical form as the SQL function
 * audit_canonical) and reports the first row whose hash, link or sequence number is wrong.
 * An edited row breaks its own hash; a deleted or inserted row breaks the sequence and the link.
 */
export interface AuditRow {
  seq: bigint;
  occurredAt: Date;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  actorRoles: string;
  safeHouseId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  dossierId: string | null;
  purpose: string;
  reason: string | null;
  outcome: string;
  prevHash: string;
  hash: string;
}

export type VerifyResult =
  | { ok: true; checked: number; lastSeq: bigint | null }
  | { ok: false; checked: number; brokenAtSeq: bigint; problem: string };

export const GENESIS_HASH = '0'.repeat(64);
const NULL = '\u2205';

export function canonical(r: Omit<AuditRow, 'hash'>): string {
  return [
    r.seq.toString(),
    r.occurredAt.toISOString(),
    r.actorUserId ?? NULL,
    r.actorOrganisationId ?? NULL,
    r.actorRoles,
    r.safeHouseId ?? NULL,
    r.action,
    r.objectType,
    r.objectId ?? NULL,
    r.dossierId ?? NULL,
    r.purpose,
    r.reason ?? NULL,
    r.outcome,
    r.prevHash,
  ].join('\u001f');
}

export function rowHash(r: Omit<AuditRow, 'hash'>): string {
  return crypto.createHash('sha256').update(canonical(r), 'utf8').digest('hex');
}

/** Walks the log in seq order, in batches, via `fetchBatch(afterSeq, limit)`. */
export async function verifyChain(
  fetchBatch: (afterSeq: bigint, limit: number) => Promise<AuditRow[]>,
  batchSize = 1000,
): Promise<VerifyResult> {
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await fetchBatch(expectedSeq - 1n, batchSize);
    for (const r of rows) {
      if (r.seq !== expectedSeq) {
        return { ok: false, checked, brokenAtSeq: expectedSeq, problem: `rij ${expectedSeq} ontbreekt (volgende is ${r.seq})` };
      }
      if (r.prevHash !== prevHash) {
        return { ok: false, checked, brokenAtSeq: r.seq, problem: 'verwijzing naar de vorige rij klopt niet' };
      }
      if (rowHash(r) !== r.hash) {
        return { ok: false, checked, brokenAtSeq: r.seq, problem: 'inhoud van de rij is gewijzigd' };
      }
      prevHash = r.hash;
      expectedSeq += 1n;
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }
  return { ok: true, checked, lastSeq: checked ? expectedSeq - 1n : null };
}
