import crypto from 'node:crypto';

/**
 * Independent check of the access log's hash chain. It recomputes every row's hash in
 * JavaScript from the row's fields (the same canonical form as the SQL function
 * audit_canonical) and reports the first row whose hash or link is wrong. An edited row breaks
 * its own hash; a deleted or inserted row breaks the link of the row after it.
 *
 * Numbers may have gaps (ADR 0028: a transaction that rolled back used one); the chain links each
 * row to the previous row that is there. Rows the worker has not sealed yet (no hash) can only be
 * at the end: a sealed row after an unsealed one is a break.
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
  /** NULL until the sealer links the row (ADR 0028) */
  prevHash: string | null;
  hash: string | null;
}

export type VerifyResult =
  | {
      ok: true;
      checked: number;
      lastSeq: bigint | null;
      /** the hash of the last row checked (or of the start point when none was) */
      lastHash: string;
      /** false when `maxRows` stopped the walk before the end of the log */
      complete: boolean;
      /** rows at the end that the worker has not sealed yet (ADR 0028) */
      unsealed: number;
    }
  | { ok: false; checked: number; brokenAtSeq: bigint; problem: string };

/**
 * Where a walk starts: after a row already verified (its sequence number and hash), so that a
 * check can go on from a stored result instead of from the first row (issue 11 §4).
 */
export interface VerifyFrom {
  afterSeq: bigint;
  prevHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
const NULL = '\u2205';

export function canonical(r: Omit<AuditRow, 'hash' | 'prevHash'> & { prevHash: string }): string {
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

export function rowHash(r: Omit<AuditRow, 'hash' | 'prevHash'> & { prevHash: string }): string {
  return crypto.createHash('sha256').update(canonical(r), 'utf8').digest('hex');
}

/**
 * Walks the log in seq order, in batches, via `fetchBatch(afterSeq, limit)`: from the first row,
 * or on from `from`; at most `maxRows` rows when given (then `complete` says whether it reached
 * the end).
 */
export async function verifyChain(
  fetchBatch: (afterSeq: bigint, limit: number) => Promise<AuditRow[]>,
  batchSize = 1000,
  opts: { from?: VerifyFrom; maxRows?: number } = {},
): Promise<VerifyResult> {
  let lastSeq = opts.from?.afterSeq ?? 0n;
  let after = lastSeq;
  let prevHash = opts.from?.prevHash ?? GENESIS_HASH;
  let checked = 0;
  let unsealed = 0;
  const maxRows = opts.maxRows ?? Infinity;
  let complete = false;
  for (;;) {
    const limit = Math.min(batchSize, maxRows - checked - unsealed);
    if (limit <= 0) break;
    const rows = await fetchBatch(after, limit);
    for (const r of rows) {
      after = r.seq;
      if (r.hash === null || r.prevHash === null) {
        unsealed += 1;
        continue;
      }
      if (unsealed > 0) {
        return {
          ok: false,
          checked,
          brokenAtSeq: r.seq,
          problem: `rij ${r.seq} is verzegeld na een rij zonder zegel`,
        };
      }
      if (r.prevHash !== prevHash) {
        return { ok: false, checked, brokenAtSeq: r.seq, problem: 'verwijzing naar de vorige rij klopt niet' };
      }
      if (rowHash({ ...r, prevHash: r.prevHash }) !== r.hash) {
        return { ok: false, checked, brokenAtSeq: r.seq, problem: 'inhoud van de rij is gewijzigd' };
      }
      prevHash = r.hash;
      lastSeq = r.seq;
      checked += 1;
    }
    if (rows.length < limit) {
      complete = true;
      break;
    }
  }
  return { ok: true, checked, lastSeq: lastSeq > 0n ? lastSeq : null, lastHash: prevHash, complete, unsealed };
}

/**
 * Goes on from a stored good result (issue 11 §4): first checks that the row it ended at is still
 * there with the same hash — an edit of exactly that row would otherwise go unseen until the next
 * full check — then walks the rows after it (at most `maxRows`). Without a start, from the first row.
 */
export async function verifyAfter(
  fetchBatch: (afterSeq: bigint, limit: number) => Promise<AuditRow[]>,
  hashAt: (seq: bigint) => Promise<string | null>,
  start: VerifyFrom | null,
  opts: { maxRows?: number; batchSize?: number } = {},
): Promise<VerifyResult> {
  if (start && start.afterSeq > 0n) {
    const hash = await hashAt(start.afterSeq);
    if (hash === null)
      return {
        ok: false,
        checked: 0,
        brokenAtSeq: start.afterSeq,
        problem: `rij ${start.afterSeq} van de vorige controle ontbreekt`,
      };
    if (hash !== start.prevHash)
      return {
        ok: false,
        checked: 0,
        brokenAtSeq: start.afterSeq,
        problem: `rij ${start.afterSeq} is gewijzigd sinds de vorige controle`,
      };
  }
  return verifyChain(fetchBatch, opts.batchSize ?? 1000, { from: start ?? undefined, maxRows: opts.maxRows });
}
