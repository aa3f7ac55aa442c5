import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type pg from 'pg';
import { migrate, MIGRATIONS_DIR } from '@/scripts/lib/migrate';
import { dropDatabase, ensureDatabase, withDatabase } from '@/scripts/lib/bootstrap';
import { latestCheckpoint, newCheckpointKeys, verifyAgainstCheckpoint } from '@/lib/audit/checkpoint';
import { verifyAuditLog } from '@/lib/audit/verify-db';
import { checkpointNow } from '@/lib/jobs/boss';
import { ownerPgClient } from '../helpers/db';

/**
 * Issue 9 §3 (ADR 0021): the access log's head is anchored outside the database by a signed
 * checkpoint, so deleting the newest rows — which leaves a valid chain — is detected. On a
 * scratch database, because rows are deleted here.
 */
const url = withDatabase(inject('db').serverUrl, `vhd_checkpoint_${process.pid}`);
const keys = newCheckpointKeys();
let dir: string;
let c: pg.Client;

const append = async (n: number) => {
  for (let i = 0; i < n; i++) {
    await c.query(
      `SELECT audit_append(NULL, NULL, '', NULL, 'auth.login', 'Session', NULL, NULL, 'test', NULL, 'DENIED')`,
    );
  }
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vhd-checkpoints-'));
  await dropDatabase(url);
  await ensureDatabase(url);
  await migrate(url, MIGRATIONS_DIR);
  c = await ownerPgClient(url);
});
afterAll(async () => {
  await c.end();
  await dropDatabase(url);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('signed checkpoints of the access log (ADR 0021)', () => {
  it('the worker’s checkpoint holds the head, signed; later rows keep the log in order', async () => {
    await append(5);
    const cp = await checkpointNow(url, { dir, privateKey: keys.privateKey });
    expect(cp).toMatchObject({ seq: '5', count: '5' });
    expect(latestCheckpoint(dir)).toEqual(cp);
    expect(fs.statSync(path.join(dir, fs.readdirSync(dir)[0]!)).mode & 0o222).toBe(0);
    await append(3);
    expect(await verifyAgainstCheckpoint(c, dir, keys.publicKey)).toMatchObject({ ok: true });
  });

  it('deleting the newest rows leaves a valid chain, but is detected against the checkpoint', async () => {
    await append(2);
    await checkpointNow(url, { dir, privateKey: keys.privateKey });
    const head = latestCheckpoint(dir)!;
    await c.query('BEGIN');
    await c.query('ALTER TABLE "AuditEvent" DISABLE TRIGGER USER');
    await c.query(`DELETE FROM "AuditEvent" WHERE "seq" > $1::bigint - 2`, [head.seq]);
    await c.query('ALTER TABLE "AuditEvent" ENABLE TRIGGER USER');
    await c.query('COMMIT');
    expect(await verifyAuditLog(c)).toMatchObject({ ok: true });
    const result = await verifyAgainstCheckpoint(c, dir, keys.publicKey);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.problem).toMatch(/ontbreekt: de nieuwste rijen zijn gewist/);
  });

  it('a checkpoint that was not signed with the worker’s key is itself a finding', async () => {
    const forged = { ...latestCheckpoint(dir)!, seq: '999999999999', count: '0' };
    fs.writeFileSync(path.join(dir, 'checkpoint-999999999999-vervalst.json'), JSON.stringify(forged));
    const result = await verifyAgainstCheckpoint(c, dir, keys.publicKey);
    expect(result).toMatchObject({ ok: false, problem: 'de handtekening van het controlepunt klopt niet' });
    // and another key does not verify the real ones either
    fs.rmSync(path.join(dir, 'checkpoint-999999999999-vervalst.json'));
    const other = newCheckpointKeys();
    expect(await verifyAgainstCheckpoint(c, dir, other.publicKey)).toMatchObject({
      ok: false,
      problem: 'de handtekening van het controlepunt klopt niet',
    });
  });
});
