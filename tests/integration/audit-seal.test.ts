import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { verifyAuditLog } from '@/lib/audit/verify-db';
import { ownDatabase, ownerPgClient, sealThroughNow } from '../helpers/db';

/**
 * ADR 0028: the access log without a global lock (numbers from a sequence, hashes filled in by
 * the worker's sealer in number order) and partitioned by month. A database of its own, so that
 * only these tests append to its log.
 */
let ownerUrl: string;
let appUrl: string;
let drop: () => Promise<void>;

const append = (c: pg.Client, obj: string) =>
  c
    .query<{ seq: string }>(
      `SELECT audit_append(NULL, NULL, '', NULL, 'test.event', 'Test', $1, NULL, 'test', NULL, 'ALLOWED')::text AS seq`,
      [obj],
    )
    .then((r) => BigInt(r.rows[0]!.seq));

async function sealOnce(c: pg.Client): Promise<bigint> {
  await c.query(`SELECT audit_seal()`);
  const { rows } = await c.query(`SELECT "sealedSeq"::text AS seq FROM "AuditSeal"`);
  return BigInt(rows[0].seq);
}

beforeAll(async () => {
  ({ ownerUrl, appUrl, drop } = await ownDatabase('vhd_seal'));
});
afterAll(async () => {
  await drop();
});

describe('ADR 0028: appending takes no global lock', () => {
  it('a transaction appends and commits while another one that appended is still open', async () => {
    const first = await ownerPgClient(ownerUrl);
    const second = await ownerPgClient(ownerUrl);
    try {
      await first.query('BEGIN');
      const a = await append(first, 'held-open');
      // with the old advisory lock this waited for `first` to commit, and the timeout refused it
      await second.query(`SET statement_timeout = '10s'`);
      await second.query('BEGIN');
      const b = await append(second, 'not-waiting');
      await second.query('COMMIT');
      expect(b).toBeGreaterThan(a);
      await first.query('COMMIT');
    } finally {
      await first.end();
      await second.end();
    }
  });
});

describe('ADR 0028: the sealer links the rows in number order', () => {
  it('does not pass a number that a running transaction holds, and seals it after its commit', async () => {
    await sealThroughNow(ownerUrl);
    const holder = await ownerPgClient(ownerUrl);
    const other = await ownerPgClient(ownerUrl);
    const sealer = await ownerPgClient(ownerUrl);
    try {
      const before = await sealOnce(sealer);
      await holder.query('BEGIN');
      const held = await append(holder, 'slow');
      const later = await append(other, 'fast');
      expect(later).toBeGreaterThan(held);
      // however often it runs: the row after the held number stays unsealed
      expect(await sealOnce(sealer)).toBe(held - 1n);
      expect(await sealOnce(sealer)).toBe(held - 1n);
      expect(before).toBe(held - 1n);
      const waiting = await sealer.query(`SELECT "hash" FROM "AuditEvent" WHERE "seq" = $1`, [later.toString()]);
      expect(waiting.rows[0].hash).toBeNull();
      await holder.query('COMMIT');
      expect(await sealOnce(sealer)).toBe(later);
      expect(await verifyAuditLog(sealer)).toMatchObject({ ok: true, lastSeq: later, unsealed: 0, complete: true });
    } finally {
      await holder.end();
      await other.end();
      await sealer.end();
    }
  });

  it('skips the number of a rolled-back transaction only once no transaction that could hold it runs', async () => {
    await sealThroughNow(ownerUrl);
    const c = await ownerPgClient(ownerUrl);
    try {
      await c.query('BEGIN');
      const lost = await append(c, 'rolled-back');
      await c.query('ROLLBACK');
      const after = await append(c, 'after-the-gap');
      // the first run after the gap appeared cannot know yet that it is final
      expect(await sealOnce(c)).toBe(lost - 1n);
      // later runs pass it (once every transaction older than that run has ended)
      await sealThroughNow(ownerUrl);
      const { rows } = await c.query(`SELECT "seq"::text AS seq FROM "AuditEvent" WHERE "seq" >= $1 ORDER BY "seq"`, [
        lost.toString(),
      ]);
      expect(rows.map((r) => BigInt(r.seq))).toEqual([after]);
      expect(await verifyAuditLog(c)).toMatchObject({ ok: true, lastSeq: after, unsealed: 0 });
    } finally {
      await c.end();
    }
  });

  it('the app role can neither seal nor change a row, nor read a partition around the policy, nor touch the sealer’s state', async () => {
    const app = await ownerPgClient(appUrl);
    try {
      await expect(app.query(`SELECT audit_seal()`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`UPDATE "AuditEvent" SET "hash" = NULL`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`SELECT count(*) FROM "AuditEvent_default"`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`SELECT audit_partitions_ensure(now(), now())`)).rejects.toThrow(/permission denied/);
      // nor read or move the sealer's place
      await expect(app.query(`SELECT * FROM "AuditSeal"`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`UPDATE "AuditSeal" SET "sealedSeq" = 0`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`DELETE FROM "AuditSeal"`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });
});

describe('ADR 0028: the log is partitioned by month', () => {
  it('a new row lands in the partition of its month; the months ahead exist', async () => {
    const c = await ownerPgClient(ownerUrl);
    try {
      const seq = await append(c, 'this-month');
      const { rows } = await c.query(
        `SELECT tableoid::regclass::text AS part, to_char("occurredAt" AT TIME ZONE 'UTC', 'YYYY_MM') AS month
           FROM "AuditEvent" WHERE "seq" = $1`,
        [seq.toString()],
      );
      expect(rows[0].part).toBe(`"AuditEvent_${rows[0].month}"`);
      const parts = await c.query(
        `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = '"AuditEvent"'::regclass ORDER BY c.relname`,
      );
      const names = parts.rows.map((r) => r.relname as string);
      expect(names).toContain('AuditEvent_default');
      // this month and the next two (made by the migration, then every day by the worker)
      expect(names.filter((n) => /^AuditEvent_\d{4}_\d{2}$/.test(n)).length).toBeGreaterThanOrEqual(3);
      // room on each page for the sealed row, so that sealing is a HOT update (no new index entries)
      const opts = await c.query(`SELECT reloptions FROM pg_class WHERE relname = $1`, [`AuditEvent_${rows[0].month}`]);
      expect(opts.rows[0].reloptions).toContain('fillfactor=80');
      const onHash = await c.query(
        `SELECT indexname FROM pg_indexes WHERE tablename = 'AuditEvent' AND indexdef ~ '(\\mhash\\M|"prevHash")'`,
      );
      expect(onHash.rows).toEqual([]);
    } finally {
      await c.end();
    }
  });

  it('rows that fell into the default partition move into their month when it is made, chain intact', async () => {
    const c = await ownerPgClient(ownerUrl);
    try {
      // a row of a month far ahead (the owner backfilling, or a worker that did not run for months)
      await c.query(`SET TIME ZONE 'UTC'`);
      await c.query(
        `INSERT INTO "AuditEvent" ("seq", "occurredAt", "action", "objectType", "purpose", "outcome")
         VALUES (nextval('"AuditEvent_seq_seq"'), '2031-03-15T10:00:00Z', 'test.event', 'Test', 'test', 'ALLOWED')`,
      );
      await sealThroughNow(ownerUrl);
      const where = `SELECT tableoid::regclass::text AS part FROM "AuditEvent" WHERE "occurredAt" = '2031-03-15T10:00:00Z'`;
      expect((await c.query(where)).rows[0].part).toBe('"AuditEvent_default"');
      const made = await c.query(`SELECT audit_partitions_ensure('2031-03-01T00:00:00Z', '2031-03-31T00:00:00Z') AS n`);
      expect(made.rows[0].n).toBe(1);
      expect((await c.query(where)).rows[0].part).toBe('"AuditEvent_2031_03"');
      // made once: a second call makes nothing
      expect((await c.query(`SELECT audit_partitions_ensure('2031-03-01', '2031-03-31') AS n`)).rows[0].n).toBe(0);
      expect(await verifyAuditLog(c)).toMatchObject({ ok: true, unsealed: 0 });
    } finally {
      await c.end();
    }
  });
});
