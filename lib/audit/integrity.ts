import type { VerifyResult } from './verify';

/**
 * What the DPO's page says about the access log's chain (issue 11 §4, ADR 0026): the newest
 * stored check by the worker, plus the page's own check of the rows after it (bounded, so that a
 * view never walks a log of millions of rows).
 */
export interface StoredCheck {
  verifiedAt: Date;
  scope: string;
  toSeq: bigint;
  ok: boolean;
  brokenAtSeq: bigint | null;
  problem: string | null;
}

export type LogIntegrity =
  | {
      ok: true;
      /** the newest row known good: up to the worker's result plus the page's own check (null: none yet) */
      throughSeq: string | null;
      /** newer sealed rows the page did not get to (the worker checks them within ten minutes) */
      pending: number;
      /** the newest rows, not yet linked into the chain by the worker's sealer (ADR 0028) */
      unsealed: number;
      lastRunAt: Date | null;
      lastFullRunAt: Date | null;
    }
  | { ok: false; brokenAtSeq: string; problem: string; foundAt: Date | null };

/** At most this many rows are checked by one view of the page. */
export const PAGE_VERIFY_MAX_ROWS = 2000;

export function integrityOf(input: {
  latest: StoredCheck | null;
  latestFull: StoredCheck | null;
  /** the page's check after `latest` (only when `latest` is good or absent) */
  own: VerifyResult | null;
  /** when the page's check did not reach the end: how many rows come after the newest row it found good */
  after: number;
}): LogIntegrity {
  const { latest, latestFull, own, after } = input;
  for (const stored of [latest, latestFull]) {
    if (stored && !stored.ok)
      return {
        ok: false,
        brokenAtSeq: (stored.brokenAtSeq ?? 0n).toString(),
        problem: stored.problem ?? 'onbekende fout',
        foundAt: stored.verifiedAt,
      };
  }
  if (!own) throw new Error('integrityOf: no own check while the stored one is good');
  if (!own.ok) return { ok: false, brokenAtSeq: own.brokenAtSeq.toString(), problem: own.problem, foundAt: null };
  const through = own.lastSeq ?? latest?.toSeq ?? null;
  const throughSeq = through && through > 0n ? through : null;
  return {
    ok: true,
    throughSeq: throughSeq?.toString() ?? null,
    pending: own.complete ? 0 : Math.max(after - own.unsealed, 0),
    unsealed: own.unsealed,
    lastRunAt: latest?.verifiedAt ?? null,
    lastFullRunAt: latestFull?.verifiedAt ?? null,
  };
}
