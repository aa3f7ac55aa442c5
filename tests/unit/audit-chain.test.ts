import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, rowHash, verifyChain, type AuditRow } from '@/lib/audit/verify';

function chain(n: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const base = {
      seq: BigInt(i), occurredAt: new Date(Date.UTC(2026, 10, 23, 5, 0, i)), actorUserId: null, actorOrganisationId: null,
      actorRoles: 'DPO', safeHouseId: null, action: 'x', objectType: 'T', objectId: `o${i}`, dossierId: null,
      purpose: 'p', reason: null, outcome: 'ALLOWED', prevHash: prev,
    };
    const row = { ...base, hash: rowHash(base) };
    rows.push(row);
    prev = row.hash;
  }
  return rows;
}
const fetcher = (rows: AuditRow[]) => async (after: bigint, limit: number) => rows.filter((r) => r.seq > after).slice(0, limit);

describe('audit chain verification (pure)', () => {
  it('accepts an intact chain across batches', async () => {
    expect(await verifyChain(fetcher(chain(7)), 3)).toEqual({ ok: true, checked: 7, lastSeq: 7n });
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
});
