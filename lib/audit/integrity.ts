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
      /** rows known good: up to the worker's result plus the page's own check */
      checked: number;
      /** the newest row known good (null: the log is empty) */
      throughSeq: string | null;
      /** newer rows the page did not get to (the worker checks them within ten minutes) */
      pending: number;
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
  headSeq: bigint | null;
}): LogIntegrity {
  const { latest, latestFull, own, headSeq } = input;
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
  const pending = headSeq && throughSeq && headSeq > throughSeq ? Number(headSeq - throughSeq) : 0;
  return {
    ok: true,
    checked: Number(throughSeq ?? 0n),
    throughSeq: throughSeq?.toString() ?? null,
    pending: own.complete ? 0 : pending,
    lastRunAt: latest?.verifiedAt ?? null,
    lastFullRunAt: latestFull?.verifiedAt ?? null,
  };
}
