import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { migrate, listMigrations, MIGRATIONS_DIR } from '@/scripts/lib/migrate';
import { dropDatabase, ensureDatabase, withDatabase } from '@/scripts/lib/bootstrap';
import { ownerPgClient } from '../helpers/db';

/** The migration runner, on a scratch database and a scratch folder of migrations. */
const url = withDatabase(inject('db').serverUrl, `vhd_migrate_${process.pid}`);
let dir: string;

function writeMigration(name: string, sql: string) {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vhd-migrations-'));
  await dropDatabase(url);
  await ensureDatabase(url);
});
afterAll(async () => {
  await dropDatabase(url);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migration runner', () => {
  it('applies migrations in name order and records them as prisma migrate deploy does', async () => {
    writeMigration('20260101000000_b', 'CREATE TABLE b (id int);');
    writeMigration('20250101000000_a', 'CREATE TABLE a (id int);');
    expect(await migrate(url, dir)).toEqual({ applied: ['20250101000000_a', '20260101000000_b'], skipped: [] });
    const c = await ownerPgClient(url);
    const { rows } = await c.query(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await c.end();
    const sha = crypto.createHash('sha256').update('CREATE TABLE a (id int);').digest('hex');
    expect(rows[0]).toEqual({
      migration_name: '20250101000000_a',
      checksum: sha,
      finished: true,
      applied_steps_count: 1,
      rolled_back_at: null,
    });
    expect(rows).toHaveLength(2);
  });

  it('is idempotent', async () => {
    expect(await migrate(url, dir)).toEqual({ applied: [], skipped: ['20250101000000_a', '20260101000000_b'] });
  });

  it('refuses a migration that was changed after it was applied', async () => {
    writeMigration('20250101000000_a', 'CREATE TABLE a (id bigint);');
    await expect(migrate(url, dir)).rejects.toThrow(/gewijzigd/);
    writeMigration('20250101000000_a', 'CREATE TABLE a (id int);');
  });

  it('rolls back a failing migration completely and does not record it', async () => {
    writeMigration('20270101000000_bad', 'CREATE TABLE c (id int); SELECT * FROM does_not_exist;');
    await expect(migrate(url, dir)).rejects.toThrow(/20270101000000_bad mislukt/);
    const c = await ownerPgClient(url);
    const table = await c.query(`SELECT to_regclass('public.c') AS t`);
    const recorded = await c.query(
      `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = '20270101000000_bad'`,
    );
    await c.end();
    expect(table.rows[0].t).toBeNull();
    expect(recorded.rows[0].n).toBe(0);
    fs.rmSync(path.join(dir, '20270101000000_bad'), { recursive: true });
  });

  it('the project migrations are named <timestamp>_<name> and contain SQL', () => {
    const ms = listMigrations(MIGRATIONS_DIR);
    expect(ms.length).toBeGreaterThan(0);
    for (const m of ms) {
      expect(m.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(m.sql.length).toBeGreaterThan(0);
    }
  });

  it('issue 9 §3: every real migration applies as an owner that is no superuser (as in docker-compose.yml)', async () => {
    const name = `vhd_nosuper_${process.pid}`;
    const role = `vhd_owner_${process.pid}`;
    const admin = await ownerPgClient(withDatabase(inject('db').serverUrl, 'postgres'));
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB CREATEROLE PASSWORD 'owner-pw'`);
      await admin.query(`CREATE DATABASE ${name} OWNER ${role}`);
      // as docker/initdb/10-owner.sql does
      const inDb = await ownerPgClient(withDatabase(inject('db').serverUrl, name));
      await inDb.query('CREATE EXTENSION IF NOT EXISTS pgcrypto');
      await inDb.end();
      const u = new URL(withDatabase(inject('db').serverUrl, name));
      u.username = role;
      u.password = 'owner-pw';
      const result = await migrate(u.toString(), MIGRATIONS_DIR);
      expect(result.applied).toEqual(listMigrations(MIGRATIONS_DIR).map((m) => m.name));
      const owner = await ownerPgClient(u.toString());
      const { rows } = await owner.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
      await owner.end();
      expect(rows[0].rolsuper).toBe(false);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });
});
