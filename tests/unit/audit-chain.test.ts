import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, rowHash, verifyChain, type AuditRow } from '@/lib/audit/verify';

function chain(n: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
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
    const row = { ...base, hash: rowHash(base) };
    rows.push(row);
    prev = row.hash;
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
    });
  });
  it('reports an edited field at its row', async () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, purpose: 'anders' };
    expect(await verifyChain(fetcher(rows))).toMatchObject({ ok: false, brokenAtSeq: 3n });
  });
  it('reports a removed row', async () => {
    const rows = chain(5).filter((r) => r.seq !== 4n);
    expect(await verifyChain(fetcher(rows))).toMatchObject({ ok: false, brokenAtSeq: 4n });
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
    const from = { afterSeq: 5n, prevHash: rows[4]!.hash };
    expect(await verifyChain(fetcher(rows), 2, { from })).toEqual({
      ok: true,
      checked: 4,
      lastSeq: 9n,
      lastHash: rows[8]!.hash,
      complete: true,
    });
  });
  it('a start point whose hash is not the row before breaks at the first row after it', async () => {
    const rows = chain(6);
    const from = { afterSeq: 3n, prevHash: rows[1]!.hash };
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
    });
    // exactly at the end: the next (empty) batch shows that it is complete
    expect(await verifyChain(fetcher(rows), 3, { maxRows: 11 })).toMatchObject({ checked: 10, complete: true });
    expect(await verifyChain(fetcher([]), 3)).toEqual({
      ok: true,
      checked: 0,
      lastSeq: null,
      lastHash: GENESIS_HASH,
      complete: true,
    });
  });
});
