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
const own = (lastSeq: bigint | null, complete = true) =>
  ({ ok: true, checked: 0, lastSeq, lastHash: '0'.repeat(64), complete }) as const;

describe("the DPO page's statement about the chain (issue 11 §4)", () => {
  it('a broken stored result is shown, even when a newer incremental one was good', () => {
    expect(integrityOf({ latest: good(90n, 'incremental'), latestFull: broken, own: own(95n), headSeq: 95n })).toEqual({
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
      headSeq: 20n,
    });
    expect(r).toEqual({ ok: false, brokenAtSeq: '12', problem: 'x', foundAt: null });
  });
  it('rows the page did not get to are pending', () => {
    expect(integrityOf({ latest: null, latestFull: null, own: own(2000n, false), headSeq: 1_000_000n })).toEqual({
      ok: true,
      checked: 2000,
      throughSeq: '2000',
      pending: 998_000,
      lastRunAt: null,
      lastFullRunAt: null,
    });
  });
  it('nothing new since the stored result: through its last row', () => {
    expect(integrityOf({ latest: good(7n), latestFull: good(7n), own: own(null), headSeq: 7n })).toMatchObject({
      ok: true,
      checked: 7,
      throughSeq: '7',
      pending: 0,
      lastFullRunAt: at,
    });
  });
  it('an empty log', () => {
    expect(integrityOf({ latest: null, latestFull: null, own: own(null), headSeq: null })).toMatchObject({
      ok: true,
      checked: 0,
      throughSeq: null,
      pending: 0,
    });
  });
});
