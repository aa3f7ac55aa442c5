import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { prepareDatabase } from '@/scripts/lib/database';
import { appUrlFrom, dropDatabase, withDatabase } from '@/scripts/lib/bootstrap';
import { unsafeOwnerClient } from '@/scripts/lib/owner';
import { encryptField, parseFieldKeys } from '@/lib/crypto/fields';
import { hashSessionToken } from '../helpers/session-token';
import { setSessionTokenResolver } from '@/lib/db/session-token';
import { sealAuditLog, verifyAuditLog } from '@/lib/audit/verify-db';
import { writeCheckpoint } from '@/lib/audit/checkpoint';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { revealPersonalData } from '@/lib/dossiers/reveal-personal-data';
import { formatNationalNumber } from '@/lib/validation/national-number';
import { makeDossier, makeOrganisation, makeSafeHouse, makeUser } from '@/prisma/factories';
import { databaseState, keyIdsFromSpec, readManifest, verifyRestored, type Manifest } from '@/scripts/lib/backup-core';
import type { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * `npm run backup` and `npm run restore` end to end, as an operator runs them: the scripts are
 * spawned with the environment of a deployment. The original is a database of its own (no other
 * test file writes to it, so "identical" is exact); the restore goes into a new database whose
 * name nobody else uses. The app itself is pointed at the RESTORED database, so "a dossier
 * opens" is the app's own read use case against the restored data.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const db = inject('db');
const secrets = inject('secrets');
const srcUrl = withDatabase(db.serverUrl, `vhd_backup_src_${process.pid}`);
const restoredUrl = withDatabase(db.serverUrl, `vhd_backup_restored_${process.pid}`);
const NATIONAL_NUMBER = '85073003328';
const CONTACT = 'Kerkstraat 1, 2000 Antwerpen, 0470 00 00 00';

// pg_dump refuses a server newer than itself: on a machine whose client tools are older than the
// server (the embedded PostgreSQL 18 of `npm test` next to Debian's pg_dump 15), these tests cannot
// run and are skipped, saying why; .ci/run runs them against the machine's PostgreSQL 15.
const dumpMajor = Number(
  /(\d+)\.\d+/.exec(
    execFileSync(path.join(process.env.PG_BIN_DIR || '/usr/bin', 'pg_dump'), ['--version']).toString(),
  )?.[1] ?? 0,
);
const serverMajor = await (async () => {
  const c = new pg.Client({ connectionString: db.ownerUrl });
  await c.connect();
  const { rows } = await c.query('SHOW server_version_num');
  await c.end();
  return Math.floor(Number(rows[0].server_version_num) / 10000);
})();
const runnable = dumpMajor >= serverMajor;

let tmp: string;
let backupDir: string;
let manifest: Manifest;
let src: PrismaClient;
let scriptEnv: NodeJS.ProcessEnv;
let restoreRun: { code: number; stdout: string; stderr: string };
let ids: { coordinator: string; dossier: string; member: string; contact: string; ciphertext: string };

function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', script, ...args],
      { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function pgClient(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

beforeAll(async () => {
  if (!runnable) return;
  // The app's client (lib/db/client.ts) is made on first use from APP_DATABASE_URL: the restored database.
  process.env.APP_DATABASE_URL = appUrlFrom(restoredUrl, secrets.APP_DB_PASSWORD);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vhd-backup-test-'));
  backupDir = path.join(tmp, 'backup');
  await dropDatabase(restoredUrl);
  await prepareDatabase(db.serverUrl, {
    database: `vhd_backup_src_${process.pid}`,
    fresh: true,
    appPassword: secrets.APP_DB_PASSWORD,
    quiet: true,
  });

  // the original: a safe house, its coordinator with a live session, a dossier with an encrypted
  // national number and an encrypted contact, and an access log with rows
  src = unsafeOwnerClient(srcUrl);
  const keys = parseFieldKeys(secrets.FIELD_ENCRYPTION_KEYS, secrets.FIELD_ENCRYPTION_KEY_ID, secrets.LOOKUP_HMAC_KEY);
  const house = await makeSafeHouse(src);
  const agency = await makeOrganisation(src, { kind: 'AGENCY_JUSTICE_ENFORCEMENT' });
  const medical = await makeOrganisation(src, { kind: 'MEDICAL_SECTOR' });
  const coordinator = await makeUser(src, {
    organisationId: agency.id,
    roles: [{ role: 'COORDINATOR', safeHouseId: house.id }],
  });
  const referrer = await makeUser(src, { organisationId: medical.id, roles: [{ role: 'REFERRER' }] });
  const dossier = await makeDossier(src, keys, {
    safeHouseId: house.id,
    referrerUserId: referrer.id,
    referrerOrganisationId: medical.id,
    status: 'SUBMITTED',
    clientSystemLabel: 'Gezin Herstel',
    members: [{ memberRole: 'VICTIM', firstName: 'An', lastName: 'Herstel', nationalNumber: NATIONAL_NUMBER }],
  });
  const member = await src.clientMember.findFirstOrThrow({ where: { dossierId: dossier.id } });
  const contact = await src.contact.create({
    data: {
      dossierId: dossier.id,
      firstName: 'Mia',
      lastName: 'Buur',
      relation: 'buurvrouw',
      contactEnc: encryptField(keys, CONTACT),
    },
  });
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await src.authSession.create({
    data: {
      userId: coordinator.id,
      tokenHash: hashSessionToken(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 12 * 3_600_000),
      idleMinutes: 480,
      secondFactorAt: now,
      secondFactorMethod: 'TOTP',
    },
  });
  setSessionTokenResolver(async (userId) => (userId === coordinator.id ? token : null));
  const c = await pgClient(srcUrl);
  for (let i = 0; i < 6; i++) {
    await c.query(
      `SELECT audit_append(NULL, NULL, '', NULL, 'test.backup', 'Test', $1, NULL, 'test', NULL, 'ALLOWED')`,
      [`obj-${i}`],
    );
  }
  // a signed checkpoint of the head (ADR 0021), which the backup copies and the restore checks
  const checkpoints = path.join(tmp, 'checkpoints');
  await writeCheckpoint(c, checkpoints, secrets.AUDIT_CHECKPOINT_PRIVATE_KEY);
  await c.end();
  ids = {
    coordinator: coordinator.id,
    dossier: dossier.id,
    member: member.id,
    contact: contact.id,
    ciphertext: member.nationalNumberEnc!,
  };

  scriptEnv = {
    ...process.env,
    DATABASE_URL: srcUrl,
    FIELD_ENCRYPTION_KEYS: secrets.FIELD_ENCRYPTION_KEYS,
    FIELD_ENCRYPTION_KEY_ID: secrets.FIELD_ENCRYPTION_KEY_ID,
    LOOKUP_HMAC_KEY: secrets.LOOKUP_HMAC_KEY,
    APP_DB_PASSWORD: secrets.APP_DB_PASSWORD,
    AUDIT_CHECKPOINT_DIR: checkpoints,
    AUDIT_CHECKPOINT_PUBLIC_KEY: secrets.AUDIT_CHECKPOINT_PUBLIC_KEY,
  };
  delete scriptEnv.AUDIT_CHECKPOINT_PRIVATE_KEY;
  const backup = await runScript('scripts/backup.ts', ['--out', backupDir], scriptEnv);
  if (backup.code !== 0) throw new Error(`npm run backup failed (${backup.code}):\n${backup.stdout}\n${backup.stderr}`);
  manifest = readManifest(backupDir);
  restoreRun = await runScript('scripts/restore.ts', [backupDir, '--target', restoredUrl], scriptEnv);
}, 180_000);

afterAll(async () => {
  if (!runnable) return;
  // leave nothing pointing at the restored database for a test file that might share this worker
  const g = globalThis as { vhdPrisma?: PrismaClient; vhdPool?: pg.Pool };
  await g.vhdPrisma?.$disconnect().catch(() => undefined);
  await g.vhdPool?.end().catch(() => undefined);
  delete g.vhdPrisma;
  delete g.vhdPool;
  process.env.APP_DATABASE_URL = db.appUrl;
  await src?.$disconnect();
  await dropDatabase(restoredUrl);
  await dropDatabase(srcUrl);
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!runnable)(`backup and restore (pg_dump ${dumpMajor}, server ${serverMajor})`, () => {
  it('npm run backup writes a dump and a manifest with the key IDs but no key anywhere, readable by the owner only', async () => {
    expect(fs.statSync(backupDir).mode & 0o777).toBe(0o700);
    const files = (fs.readdirSync(backupDir, { recursive: true }) as string[])
      .map((f) => path.join(backupDir, f))
      .filter((f) => fs.statSync(f).isFile());
    expect(files.map((f) => path.relative(backupDir, f)).sort()).toEqual([
      'audit-checkpoints/' + fs.readdirSync(path.join(tmp, 'checkpoints'))[0],
      'database.dump',
      'manifest.json',
    ]);
    for (const f of files) expect(fs.statSync(f).mode & 0o777, f).toBe(0o600);

    expect(manifest.encryption).toEqual({
      keyIds: keyIdsFromSpec(secrets.FIELD_ENCRYPTION_KEYS),
      currentKeyId: secrets.FIELD_ENCRYPTION_KEY_ID,
      keyIdsInData: [secrets.FIELD_ENCRYPTION_KEY_ID],
      keysIncluded: false,
    });
    expect(manifest.migrations.last).toBe(manifest.migrations.names.at(-1));
    expect(manifest.tables['public.Dossier']?.rows).toBe(1);
    expect(manifest.auditLog).toMatchObject({ ok: true, checked: 6, lastSeq: '6' });

    // no key, in any form, in any file — nor in the dump once decompressed to SQL
    const forbidden: Buffer[] = [];
    for (const part of secrets.FIELD_ENCRYPTION_KEYS.split(',')) {
      const b64 = part.split(':')[1]!;
      forbidden.push(
        Buffer.from(b64),
        Buffer.from(b64, 'base64'),
        Buffer.from(Buffer.from(b64, 'base64').toString('base64url')),
        Buffer.from(Buffer.from(b64, 'base64').toString('hex')),
      );
    }
    forbidden.push(
      Buffer.from(secrets.LOOKUP_HMAC_KEY),
      Buffer.from(secrets.LOOKUP_HMAC_KEY, 'base64'),
      Buffer.from(secrets.AUDIT_CHECKPOINT_PRIVATE_KEY),
    );
    const sql: string = await new Promise((resolve, reject) =>
      execFile(
        '/usr/bin/pg_restore',
        ['--file=-', path.join(backupDir, 'database.dump')],
        { maxBuffer: 256 * 1024 * 1024 },
        (err, out) => (err ? reject(err) : resolve(out)),
      ),
    );
    // the scan is meaningful: the encrypted value itself is in the dump
    expect(sql).toContain(ids.ciphertext);
    expect(sql).not.toContain(NATIONAL_NUMBER);
    for (const content of [...files.map((f) => fs.readFileSync(f)), Buffer.from(sql)]) {
      for (const secret of forbidden) expect(content.includes(secret)).toBe(false);
    }
  });

  it('npm run restore puts it in a new database and reports it identical to the backup', () => {
    expect(restoreRun.stderr).not.toMatch(/NIET gelijk|mislukt/);
    expect(restoreRun.code).toBe(0);
    expect(restoreRun.stdout).toMatch(/is gelijk aan de backup/);
  });

  it('the restored database has every table of the original with the same row count and the same content', async () => {
    const [original, restored] = await Promise.all([databaseState(srcUrl), databaseState(restoredUrl)]);
    expect(Object.keys(restored.tables).length).toBeGreaterThan(20);
    expect(restored.tables).toEqual(original.tables);
    expect(restored.tables).toEqual(manifest.tables);
    expect(restored.migrations).toEqual(original.migrations);
    for (const t of ['public.Dossier', 'public.ClientMember', 'public.Contact', 'public.AuthSession'])
      expect(restored.tables[t]?.rows, t).toBe(1);
    expect(restored.tables['public.AuditEvent']?.rows).toBe(6);
  });

  it('the access log hash chain verifies in the restored database and ends at the same head', async () => {
    const [a, b] = await Promise.all([pgClient(srcUrl), pgClient(restoredUrl)]);
    try {
      const original = await verifyAuditLog(a);
      const restored = await verifyAuditLog(b);
      expect(restored).toEqual({
        ok: true,
        checked: 6,
        lastSeq: 6n,
        lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        complete: true,
        unsealed: 0,
      });
      expect(restored).toEqual(original);
      const head = `SELECT "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1`;
      expect((await b.query(head)).rows[0].hash).toBe((await a.query(head)).rows[0].hash);
    } finally {
      await a.end();
      await b.end();
    }
  });

  it('a dossier opens in the restored database through the app, and its encrypted fields decrypt with the same key', async () => {
    const opened = await getDossier(ids.coordinator, ids.dossier);
    expect(opened.dossier.clientSystemLabel).toBe('Gezin Herstel');
    expect(opened.members).toEqual([
      expect.objectContaining({ id: ids.member, firstName: 'An', lastName: 'Herstel', hasNationalNumber: true }),
    ]);
    expect(opened.contacts).toEqual([expect.objectContaining({ id: ids.contact, hasContact: true })]);
    const nn = await revealPersonalData(ids.coordinator, {
      dossierId: ids.dossier,
      subject: 'member',
      subjectId: ids.member,
      field: 'nationalNumber',
      reason: 'Controle na herstel.',
    });
    expect(nn.value).toBe(formatNationalNumber(NATIONAL_NUMBER));
    const contact = await revealPersonalData(ids.coordinator, {
      dossierId: ids.dossier,
      subject: 'contact',
      subjectId: ids.contact,
      field: 'contact',
      reason: 'Controle na herstel.',
    });
    expect(contact.value).toBe(CONTACT);

    // it really was the restored database: the reads are logged there, not in the original, and
    // the app's appends continue the restored chain
    const [a, b] = await Promise.all([pgClient(srcUrl), pgClient(restoredUrl)]);
    try {
      const reads = `SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" IN ('dossier.view', 'personalData.reveal') AND "dossierId" = $1`;
      expect((await b.query(reads, [ids.dossier])).rows[0].n).toBe(3);
      expect((await a.query(reads, [ids.dossier])).rows[0].n).toBe(0);
      // the restored sealer goes on where the backup's was (ADR 0028)
      expect(await sealAuditLog(b)).toBe(3);
      expect(await verifyAuditLog(b)).toEqual({
        ok: true,
        checked: 9,
        lastSeq: 9n,
        lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        complete: true,
        unsealed: 0,
      });
    } finally {
      await a.end();
      await b.end();
    }
  });

  it('the restore warns when a key ID of the backup is missing from FIELD_ENCRYPTION_KEYS, or its key is another one', async () => {
    const otherKey = randomBytes(32).toString('base64');
    const id = secrets.FIELD_ENCRYPTION_KEY_ID;
    const missing = await verifyRestored(backupDir, restoredUrl, {
      ...scriptEnv,
      FIELD_ENCRYPTION_KEYS: `other:${otherKey}`,
    });
    expect(missing.warnings).toContainEqual(
      expect.stringMatching(new RegExp(`sleutel ${id} ontbreekt in FIELD_ENCRYPTION_KEYS`)),
    );
    const wrong = await verifyRestored(backupDir, restoredUrl, {
      ...scriptEnv,
      FIELD_ENCRYPTION_KEYS: `${id}:${otherKey}`,
    });
    expect(wrong.warnings).toContainEqual(
      expect.stringMatching(new RegExp(`sleutel ${id} in FIELD_ENCRYPTION_KEYS opent de herstelde gegevens niet`)),
    );
  });

  it('npm run restore refuses a database that already has tables; with --force it replaces it with the backup', async () => {
    const refused = await runScript('scripts/restore.ts', [backupDir, '--target', restoredUrl], scriptEnv);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bestaat al en bevat \d+ tabel/);
    // the app's reads above changed the restored database; --force puts it back as in the backup
    // (it drops the database under the app's open connections: the pool logs "verbinding verloren")
    expect((await verifyRestored(backupDir, restoredUrl, scriptEnv)).problems).toContainEqual(
      expect.stringMatching(/AuditEvent: 9 rijen, de backup had er 6/),
    );
    const forced = await runScript('scripts/restore.ts', [backupDir, '--target', restoredUrl, '--force'], scriptEnv);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await verifyRestored(backupDir, restoredUrl, scriptEnv)).problems).toEqual([]);
  }, 60_000);

  it('the comparison reports a deleted row, a changed value and a cut access log in the restored database', async () => {
    const c = await pgClient(restoredUrl);
    try {
      await c.query(`DELETE FROM "Contact" WHERE "id" = $1`, [ids.contact]);
      await c.query(`UPDATE "ClientMember" SET "firstName" = 'Anna' WHERE "id" = $1`, [ids.member]);
      await c.query(`DELETE FROM "AuditEvent" WHERE "seq" = 6`);
    } finally {
      await c.end();
    }
    const report = await verifyRestored(backupDir, restoredUrl, scriptEnv);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        'tabel public.Contact: 0 rijen, de backup had er 1',
        'tabel public.ClientMember: evenveel rijen (1), maar een andere inhoud',
        'tabel public.AuditEvent: 5 rijen, de backup had er 6',
        expect.stringMatching(/^kop van het toegangslog verschilt: rij 5, de backup had rij 6/),
        expect.stringMatching(/^toegangslog tegenover het controlepunt in de backup: rij 6 .* ontbreekt/),
      ]),
    );
  });
});
