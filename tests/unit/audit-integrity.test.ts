import { describe, expect, it } from 'vitest';
import { integrityOf, type StoredCheck } from '@/lib/audit/integrity';

const at = new Date('2026-12-03T02:30:00Z');
const good = (toSeq: bigint, scope = 'full'): StoredCheck => ({
  verifiedAt: at,
  scope,
  toSeq,
  ok: true,
  brokenAtSeq: null,
  problem: null,
});
const broken: StoredCheck = { ...good(0n), ok: false, brokenAtSeq: 42n, problem: 'inhoud van de rij is gewijzigd' };
const own = (lastSeq: bigint | null, complete = true, unsealed = 0) =>
  ({ ok: true, checked: 0, lastSeq, lastHash: '0'.repeat(64), complete, unsealed }) as const;

describe("the DPO page's statement about the chain (issue 11 §4)", () => {
  it('a broken stored result is shown, even when a newer incremental one was good', () => {
    expect(integrityOf({ latest: good(90n, 'incremental'), latestFull: broken, own: own(95n), after: 0 })).toEqual({
      ok: false,
      brokenAtSeq: '42',
      problem: 'inhoud van de rij is gewijzigd',
      foundAt: at,
    });
  });
  it("the page's own break is shown without a time", () => {
    const r = integrityOf({
      latest: good(10n),
      latestFull: good(10n),
      own: { ok: false, checked: 1, brokenAtSeq: 12n, problem: 'x' },
      after: 0,
    });
    expect(r).toEqual({ ok: false, brokenAtSeq: '12', problem: 'x', foundAt: null });
  });
  it('rows the page did not get to are pending', () => {
    expect(integrityOf({ latest: null, latestFull: null, own: own(2000n, false), after: 998_000 })).toEqual({
      ok: true,
      throughSeq: '2000',
      pending: 998_000,
      unsealed: 0,
      lastRunAt: null,
      lastFullRunAt: null,
    });
  });
  it('ADR 0028: rows waiting for the sealer are named apart from rows not checked yet', () => {
    expect(integrityOf({ latest: good(7n), latestFull: good(7n), own: own(9n, true, 3), after: 0 })).toMatchObject({
      ok: true,
      throughSeq: '9',
      pending: 0,
      unsealed: 3,
    });
  });
  it('nothing new since the stored result: through its last row', () => {
    expect(integrityOf({ latest: good(7n), latestFull: good(7n), own: own(null), after: 0 })).toMatchObject({
      ok: true,
      throughSeq: '7',
      pending: 0,
      lastFullRunAt: at,
    });
  });
  it('an empty log', () => {
    expect(integrityOf({ latest: null, latestFull: null, own: own(null), after: 0 })).toMatchObject({
      ok: true,
      throughSeq: null,
      pending: 0,
    });
  });
});
