import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, rowHash, verifyChain, type AuditRow } from '@/lib/audit/verify';

/** A sealed chain of the given numbers (default 1..n; ADR 0028 allows gaps). */
function chain(n: number, numbers: number[] = Array.from({ length: n }, (_, k) => k + 1)): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = GENESIS_HASH;
  for (const i of numbers) {
    const base = {
      seq: BigInt(i),
      occurredAt: new Date(Date.UTC(2026, 10, 23, 5, 0, i)),
      actorUserId: null,
      actorOrganisationId: null,
      actorRoles: 'DPO',
      safeHouseId: null,
      action: 'x',
      objectType: 'T',
      objectId: `o${i}`,
      dossierId: null,
      purpose: 'p',
      reason: null,
      outcome: 'ALLOWED',
      prevHash: prev,
    };
    const hash = rowHash(base);
    rows.push({ ...base, hash });
    prev = hash;
  }
  return rows;
}
const fetcher = (rows: AuditRow[]) => async (after: bigint, limit: number) =>
  rows.filter((r) => r.seq > after).slice(0, limit);

describe('audit chain verification (pure)', () => {
  it('accepts an intact chain across batches', async () => {
    expect(await verifyChain(fetcher(chain(7)), 3)).toEqual({
      ok: true,
      checked: 7,
      lastSeq: 7n,
      lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      complete: true,
      unsealed: 0,
    });
  });
  it('ADR 0028: numbers a rolled-back transaction used are gaps, and the chain links across them', async () => {
    expect(await verifyChain(fetcher(chain(0, [1, 2, 5, 6, 9])), 2)).toMatchObject({
      ok: true,
      checked: 5,
      lastSeq: 9n,
      complete: true,
    });
  });
  it('ADR 0028: rows not sealed yet are counted at the end, and a sealed row after one is a break', async () => {
    const rows = chain(6);
    const open = rows.map((r, k) => (k >= 4 ? { ...r, prevHash: null, hash: null } : r));
    expect(await verifyChain(fetcher(open), 4)).toEqual({
      ok: true,
      checked: 4,
      lastSeq: 4n,
      lastHash: rows[3]!.hash,
      complete: true,
      unsealed: 2,
    });
    const hole = rows.map((r, k) => (k === 2 ? { ...r, prevHash: null, hash: null } : r));
    expect(await verifyChain(fetcher(hole))).toMatchObject({ ok: false, brokenAtSeq: 4n });
  });
  it('reports an edited field at its row', async () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, purpose: 'anders' };
    expect(await verifyChain(fetcher(rows))).toMatchObject({ ok: false, brokenAtSeq: 3n });
  });
  it('reports a removed row at the row after it (its link no longer matches)', async () => {
    const rows = chain(5).filter((r) => r.seq !== 4n);
    expect(await verifyChain(fetcher(rows))).toMatchObject({
      ok: false,
      brokenAtSeq: 5n,
      problem: 'verwijzing naar de vorige rij klopt niet',
    });
  });
  it('treats null and the string "∅"-free empty values distinctly from each other', async () => {
    const rows = chain(2);
    rows[0] = { ...rows[0]!, reason: '' };
    expect(await verifyChain(fetcher(rows))).toMatchObject({ ok: false, brokenAtSeq: 1n });
  });

  it('goes on from a verified row, and only checks what follows it', async () => {
    const rows = chain(9);
    // an edit before the start point is not this walk's business (the full check finds it)
    rows[1] = { ...rows[1]!, purpose: 'anders' };
    const from = { afterSeq: 5n, prevHash: rows[4]!.hash! };
    expect(await verifyChain(fetcher(rows), 2, { from })).toEqual({
      ok: true,
      checked: 4,
      lastSeq: 9n,
      lastHash: rows[8]!.hash,
      complete: true,
      unsealed: 0,
    });
  });
  it('a start point whose hash is not the row before breaks at the first row after it', async () => {
    const rows = chain(6);
    const from = { afterSeq: 3n, prevHash: rows[1]!.hash! };
    expect(await verifyChain(fetcher(rows), 10, { from })).toMatchObject({ ok: false, brokenAtSeq: 4n });
  });
  it('stops after maxRows and says the walk is not complete', async () => {
    const rows = chain(10);
    expect(await verifyChain(fetcher(rows), 3, { maxRows: 7 })).toEqual({
      ok: true,
      checked: 7,
      lastSeq: 7n,
      lastHash: rows[6]!.hash,
      complete: false,
      unsealed: 0,
    });
    // exactly at the end: the next (empty) batch shows that it is complete
    expect(await verifyChain(fetcher(rows), 3, { maxRows: 11 })).toMatchObject({ checked: 10, complete: true });
    expect(await verifyChain(fetcher([]), 3)).toEqual({
      ok: true,
      checked: 0,
      lastSeq: null,
      lastHash: GENESIS_HASH,
      complete: true,
      unsealed: 0,
    });
  });
});
