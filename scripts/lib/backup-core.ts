import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { APP_ROLE, databaseName, dropDatabase, ensureAppRoleLogin, ensureDatabase, withDatabase } from './bootstrap';
import { verifyAuditLog } from '../../lib/audit/verify-db';
import { verifyAgainstCheckpoint, type SignedCheckpoint } from '../../lib/audit/checkpoint';
import { decryptField } from '../../lib/crypto/fields';

/**
 * Backup and restore (docs/decisions, ADR "Backup and restore"). A backup is a directory:
 *   database.dump       pg_dump custom format, taken in one exported snapshot
 *   manifest.json       what the dump must contain (row count and fingerprint per table, the
 *                       migrations, the access log's head) and the IDs of the field keys — never
 *                       a key itself
 *   audit-checkpoints/  copies of the signed checkpoints of the access log's head (ADR 0021) up
 *                       to the backed-up head, when AUDIT_CHECKPOINT_DIR holds any
 * The app keeps no files of its own outside the database, so there are no other files.
 * Directory 0700, files 0600. Restore only into an empty or new database, then verify.
 */

export const MANIFEST_FILE = 'manifest.json';
export const DUMP_FILE = 'database.dump';
export const CHECKPOINT_SUBDIR = 'audit-checkpoints';
const FORMAT = 'veilig-huis-dossier-backup';

/** A failure with a message meant for the operator (no stack trace needed). */
export class BackupError extends Error {}

export interface TableState {
  rows: number;
  /** order-independent fingerprint of the rows' contents (sum of a 60-bit md5 prefix per row) */
  fingerprint: string;
}

export interface Manifest {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  database: string;
  serverVersion: string;
  pgDumpVersion: string;
  dump: { file: string; bytes: number; sha256: string };
  migrations: { count: number; last: string | null; names: string[] };
  tables: Record<string, TableState>;
  /** roles the dump grants privileges to (besides the owner): the restore needs them */
  roles: string[];
  encryption: {
    /** the IDs in FIELD_ENCRYPTION_KEYS at backup time: the part before ':' only */
    keyIds: string[];
    currentKeyId: string | null;
    /** the key IDs the encrypted values in the database actually name */
    keyIdsInData: string[];
    keysIncluded: false;
  };
  auditLog: { ok: boolean; checked: number; lastSeq: string | null; headHash: string | null; problem?: string };
  files: { path: string; bytes: number; sha256: string }[];
  note: string;
}

export interface RestoreReport {
  database: string;
  problems: string[];
  warnings: string[];
  tablesChecked: number;
  auditRowsChecked: number;
}

// ------------------------------------------------------------------------------ helpers

const SYSTEM_SCHEMAS = `('pg_catalog', 'information_schema', 'pg_toast')`;
const userSchema = (col: string) =>
  `${col} NOT IN ${SYSTEM_SCHEMAS} AND ${col} NOT LIKE 'pg\\_temp\\_%' AND ${col} NOT LIKE 'pg\\_toast\\_temp\\_%'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const sha256File = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Only the key IDs of FIELD_ENCRYPTION_KEYS ("keyid:base64,..."): the part before ':'. */
export function keyIdsFromSpec(spec: string | undefined): string[] {
  if (!spec) return [];
  return spec
    .split(',')
    .map((p) => p.split(':')[0]?.trim() ?? '')
    .filter(Boolean);
}

/** Where the PostgreSQL client tools are: PG_BIN_DIR, default /usr/bin. */
export function pgTool(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.PG_BIN_DIR || '/usr/bin', name);
}

function capture(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new BackupError(
              `${cmd} niet gevonden: installeer de PostgreSQL-clienttools (postgresql-client) of zet PG_BIN_DIR.`,
            )
          : err,
      ),
    );
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), stdout, stderr }));
  });
}

export async function toolVersion(bin: string): Promise<{ version: string; major: number }> {
  const { code, stdout, stderr } = await capture(bin, ['--version'], process.env);
  const m = /(\d+)(?:\.(\d+))?/.exec(stdout.replace(/^[^)]*\)/, ''));
  if (code !== 0 || !m) throw new BackupError(`${bin} --version mislukt: ${(stderr || stdout).trim()}`);
  return { version: m[0], major: Number(m[1]) };
}

/**
 * libpq connection for the client tools: the URL without its password (the password goes in
 * PGPASSWORD, never on a command line that `ps` shows) and only the query parameters libpq knows.
 */
function libpqConnection(url: string, env: NodeJS.ProcessEnv): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const known = new Set([
    'sslmode',
    'sslrootcert',
    'sslcert',
    'sslkey',
    'sslcrl',
    'host',
    'port',
    'connect_timeout',
    'application_name',
    'options',
    'target_session_attrs',
    'gssencmode',
    'channel_binding',
    'passfile',
  ]);
  for (const k of [...u.searchParams.keys()]) if (!known.has(k)) u.searchParams.delete(k);
  const childEnv: NodeJS.ProcessEnv = { ...env, PGCONNECT_TIMEOUT: env.PGCONNECT_TIMEOUT ?? '10' };
  if (password) childEnv.PGPASSWORD = password;
  return { dbname: u.toString(), env: childEnv };
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new BackupError(`Geen verbinding met de database ${databaseName(url)}: ${(err as Error).message}`);
  }
  // the same text form of every value on both sides
  await client.query(
    `SET TimeZone = 'UTC'; SET DateStyle = 'ISO, MDY'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3; SET bytea_output = 'hex'`,
  );
  return client;
}

/**
 * Whether the connected role reads every row regardless of row-level security (superuser or
 * BYPASSRLS). Then RLS is switched off, so a filtered row would be an error, not a silent gap.
 * The owner in docker-compose.yml is neither, and every table FORCEs RLS: it reads under the
 * policies, which all let every role but vhd_app through (`current_user <> 'vhd_app' OR …`).
 */
async function readsEverything(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ su: boolean; by: boolean; u: string }>(
    `SELECT rolsuper AS su, rolbypassrls AS by, rolname AS u FROM pg_roles WHERE rolname = current_user`,
  );
  const me = rows[0]!;
  if (me.u === APP_ROLE)
    throw new BackupError(
      `Verbonden als ${APP_ROLE}: een backup of herstel gebeurt als de eigenaar van de database (DATABASE_URL), niet als de app-rol.`,
    );
  if (me.su || me.by) await client.query('SET row_security = off');
  return me.su || me.by;
}

async function serverVersion(client: pg.Client): Promise<{ version: string; major: number }> {
  const { rows } = await client.query<{ v: string; n: string }>(
    `SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS n`,
  );
  return { version: rows[0]!.v.split(' ')[0]!, major: Math.floor(Number(rows[0]!.n) / 10000) };
}

/**
 * Row count and a content fingerprint of every table. A partitioned table (the access log, ADR
 * 0028) is one table with all its partitions' rows; the partitions are not listed apart.
 */
export async function tableStates(client: pg.Client): Promise<Record<string, TableState>> {
  const { rows: tables } = await client.query<{ s: string; t: string; partitioned: boolean }>(
    `SELECT n.nspname AS s, c.relname AS t, c.relkind = 'p' AS partitioned
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${userSchema('n.nspname')} ORDER BY 1, 2`,
  );
  const out: Record<string, TableState> = {};
  for (const { s, t, partitioned } of tables) {
    const { rows } = await client.query<{ n: string; f: string }>(
      `SELECT count(*)::text AS n, coalesce(sum(('x' || left(md5(x::text), 15))::bit(60)::bigint), 0)::text AS f FROM ${partitioned ? '' : 'ONLY '}${ident(s)}.${ident(t)} x`,
    );
    out[`${s}.${t}`] = { rows: Number(rows[0]!.n), fingerprint: rows[0]!.f };
  }
  return out;
}

async function migrationsOf(client: pg.Client): Promise<Manifest['migrations']> {
  const { rows: exists } = await client.query(`SELECT to_regclass('public._prisma_migrations') AS t`);
  if (!exists[0]?.t) return { count: 0, last: null, names: [] };
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`,
  );
  const names = rows.map((r) => r.migration_name);
  return { count: names.length, last: names.at(-1) ?? null, names };
}

/** Roles that hold a privilege on something in the user schemas, other than its owners. */
async function grantedRoles(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ rolname: string }>(
    `WITH acl AS (
       SELECT (aclexplode(c.relacl)).grantee AS g FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relacl IS NOT NULL AND ${userSchema('n.nspname')}
       UNION SELECT (aclexplode(p.proacl)).grantee FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.proacl IS NOT NULL AND ${userSchema('n.nspname')}
       UNION SELECT (aclexplode(t.typacl)).grantee FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typacl IS NOT NULL AND ${userSchema('n.nspname')}
       UNION SELECT (aclexplode(n.nspacl)).grantee FROM pg_namespace n WHERE n.nspacl IS NOT NULL AND ${userSchema('n.nspname')}
     ), owners AS (
       SELECT c.relowner AS o FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${userSchema('n.nspname')}
       UNION SELECT p.proowner FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE ${userSchema('n.nspname')}
       UNION SELECT n.nspowner FROM pg_namespace n WHERE ${userSchema('n.nspname')}
     )
     SELECT DISTINCT r.rolname FROM acl JOIN pg_roles r ON r.oid = acl.g
      WHERE acl.g NOT IN (SELECT o FROM owners) AND r.rolname NOT LIKE 'pg\\_%' ORDER BY 1`,
  );
  return rows.map((r) => r.rolname);
}

/** The key IDs named by the encrypted values (columns "...Enc", format v1.<keyId>.<iv>.<tag>.<ct>). */
async function keyIdsInData(client: pg.Client): Promise<string[]> {
  const { rows: cols } = await client.query<{ s: string; t: string; c: string }>(
    `SELECT c.table_schema AS s, c.table_name AS t, c.column_name AS c FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.column_name LIKE '%Enc' AND c.data_type = 'text' AND ${userSchema('c.table_schema')}`,
  );
  const ids = new Set<string>();
  for (const { s, t, c } of cols) {
    const { rows } = await client.query<{ id: string }>(
      `SELECT DISTINCT split_part(${ident(c)}, '.', 2) AS id FROM ${ident(s)}.${ident(t)} WHERE ${ident(c)} LIKE 'v1.%'`,
    );
    for (const r of rows) ids.add(r.id);
  }
  return [...ids].sort();
}

/** One encrypted value per key ID, to check that the current key with that ID still opens it. */
async function sampleCiphertexts(client: pg.Client, keyIds: string[]): Promise<Map<string, string>> {
  const { rows: cols } = await client.query<{ s: string; t: string; c: string }>(
    `SELECT table_schema AS s, table_name AS t, column_name AS c FROM information_schema.columns
      WHERE column_name LIKE '%Enc' AND data_type = 'text' AND ${userSchema('table_schema')}`,
  );
  const out = new Map<string, string>();
  for (const id of keyIds) {
    for (const { s, t, c } of cols) {
      const { rows } = await client.query<{ v: string }>(
        `SELECT ${ident(c)} AS v FROM ONLY ${ident(s)}.${ident(t)} WHERE ${ident(c)} LIKE $1 LIMIT 1`,
        [`v1.${id.replace(/[\\%_]/g, (m) => `\\${m}`)}.%`],
      );
      if (rows[0]) {
        out.set(id, rows[0].v);
        break;
      }
    }
  }
  return out;
}

/** Every secret value of the environment, to prove none of them ended up in a backup file. */
function secretValues(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  for (const part of (env.FIELD_ENCRYPTION_KEYS ?? '').split(',')) {
    const b64 = part.split(':')[1];
    if (b64 && b64.length >= 16) out.push(b64);
  }
  for (const k of [
    'LOOKUP_HMAC_KEY',
    'NEXTAUTH_SECRET',
    'APP_DB_PASSWORD',
    'AUDIT_CHECKPOINT_PRIVATE_KEY',
    'OIDC_CLIENT_SECRET',
  ]) {
    const v = env[k];
    if (v && v.length >= 12) out.push(v);
  }
  return out;
}

function writePrivate(file: string, content: string | Buffer): void {
  fs.writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

// ------------------------------------------------------------------------------ backup

export function defaultBackupDir(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.resolve('backups', stamp);
}

export async function createBackup(opts: {
  databaseUrl: string;
  outDir: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): Promise<{ dir: string; manifest: Manifest }> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? (() => undefined);
  const dir = path.resolve(opts.outDir);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new BackupError(`De map ${dir} bestaat al en is niet leeg: kies een andere --out.`);
  }
  const created = !fs.existsSync(dir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  try {
    const manifest = await backupInto(dir, opts.databaseUrl, env, log);
    return { dir, manifest };
  } catch (err) {
    // leave no half backup behind that could be mistaken for a good one
    if (created) fs.rmSync(dir, { recursive: true, force: true });
    else for (const e of fs.readdirSync(dir)) fs.rmSync(path.join(dir, e), { recursive: true, force: true });
    throw err;
  }
}

async function backupInto(
  dir: string,
  databaseUrl: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<Manifest> {
  const database = databaseName(databaseUrl);
  const pgDump = pgTool('pg_dump', env);
  const dumpTool = await toolVersion(pgDump);
  const client = await connect(databaseUrl);
  try {
    const server = await serverVersion(client);
    if (server.major > dumpTool.major) {
      throw new BackupError(
        `${pgDump} is versie ${dumpTool.version}, de server is PostgreSQL ${server.version}: pg_dump kan geen nieuwere server dumpen. ` +
          `Installeer postgresql-client-${server.major} en zet PG_BIN_DIR (bv. /usr/lib/postgresql/${server.major}/bin).`,
      );
    }
    const everything = await readsEverything(client);
    // One snapshot for everything: the manifest describes exactly what the dump holds, even
    // while the app keeps writing.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ s: string }>('SELECT pg_export_snapshot() AS s');
    const snapshot = rows[0]!.s;
    log(`[backup] database ${database} (PostgreSQL ${server.version}), momentopname ${snapshot}`);
    const migrations = await migrationsOf(client);
    const tables = await tableStates(client);
    const roles = await grantedRoles(client);
    const inData = await keyIdsInData(client);
    const hasAudit = (await client.query(`SELECT to_regclass('public."AuditEvent"') AS t`)).rows[0]?.t;
    let auditLog: Manifest['auditLog'] = { ok: true, checked: 0, lastSeq: null, headHash: null };
    if (hasAudit) {
      const v = await verifyAuditLog(client);
      const head = await client.query<{ seq: string; hash: string }>(
        `SELECT "seq"::text AS seq, "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1`,
      );
      auditLog = {
        ok: v.ok,
        checked: v.checked,
        lastSeq: head.rows[0]?.seq ?? null,
        headHash: head.rows[0]?.hash ?? null,
        ...(v.ok ? {} : { problem: `rij ${v.brokenAtSeq}: ${v.problem}` }),
      };
      if (!v.ok)
        log(
          `[backup] LET OP: de hash-keten van het toegangslog is nu al gebroken bij rij ${v.brokenAtSeq} (${v.problem}); de backup gaat door.`,
        );
    }

    const dumpFile = path.join(dir, DUMP_FILE);
    const conn = libpqConnection(databaseUrl, env);
    const dump = await capture(
      pgDump,
      [
        '--format=custom',
        `--snapshot=${snapshot}`,
        '--no-password',
        ...(everything ? [] : ['--enable-row-security']),
        `--file=${dumpFile}`,
        `--dbname=${conn.dbname}`,
      ],
      conn.env,
    );
    if (dump.code !== 0) {
      const hint = everything
        ? ''
        : '\nDe rol van DATABASE_URL is geen superuser en heeft geen BYPASSRLS, en elke tabel heeft FORCE ROW LEVEL SECURITY: ' +
          'pg_dump leest dan onder de policies (met een lege search_path) en dat lukt niet. Maak de backup met een leesrol: ' +
          "CREATE ROLE vhd_backup LOGIN BYPASSRLS PASSWORD '…'; GRANT pg_read_all_data TO vhd_backup; (als superuser, PostgreSQL 14+).";
      throw new BackupError(`pg_dump mislukt (code ${dump.code}):\n${dump.stderr.trim()}${hint}`);
    }
    await client.query('COMMIT');
    fs.chmodSync(dumpFile, 0o600);

    const files = copyCheckpoints(dir, env, auditLog.lastSeq);
    const manifest: Manifest = {
      format: FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      database,
      serverVersion: server.version,
      pgDumpVersion: dumpTool.version,
      dump: { file: DUMP_FILE, bytes: fs.statSync(dumpFile).size, sha256: sha256File(dumpFile) },
      migrations,
      tables,
      roles,
      encryption: {
        keyIds: keyIdsFromSpec(env.FIELD_ENCRYPTION_KEYS),
        currentKeyId: env.FIELD_ENCRYPTION_KEY_ID || null,
        keyIdsInData: inData,
        keysIncluded: false,
      },
      auditLog,
      files,
      note:
        'Geen sleutels in deze backup: FIELD_ENCRYPTION_KEYS, LOOKUP_HMAC_KEY en de andere geheimen worden apart bewaard. ' +
        'De app bewaart geen bestanden buiten de database. De dump bevat wel wachtwoord-hashes en TOTP-geheimen: bewaar de backup versleuteld.',
    };
    const text = `${JSON.stringify(manifest, null, 2)}\n`;
    // belt and braces: no secret of the environment in the manifest or a copied file
    for (const secret of secretValues(env)) {
      if (
        text.includes(secret) ||
        files.some((f) => fs.readFileSync(path.join(dir, f.path), 'utf8').includes(secret))
      ) {
        throw new BackupError('Een geheim uit de omgeving kwam in de backup terecht; backup afgebroken.');
      }
    }
    writePrivate(path.join(dir, MANIFEST_FILE), text);
    return manifest;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Copies the signed checkpoints up to the backed-up head (ADR 0021); newer ones would not match. */
function copyCheckpoints(dir: string, env: NodeJS.ProcessEnv, lastSeq: string | null): Manifest['files'] {
  const source = path.resolve(env.AUDIT_CHECKPOINT_DIR || '.data/audit-checkpoints');
  if (!fs.existsSync(source) || !fs.statSync(source).isDirectory()) return [];
  const head = BigInt(lastSeq ?? '0');
  const out: Manifest['files'] = [];
  for (const name of fs
    .readdirSync(source)
    .filter((f) => /^checkpoint-\d{12}-.+\.json$/.test(f))
    .sort()) {
    const text = fs.readFileSync(path.join(source, name), 'utf8');
    let cp: SignedCheckpoint;
    try {
      cp = JSON.parse(text) as SignedCheckpoint;
    } catch {
      continue;
    }
    if (!/^\d+$/.test(String(cp.seq)) || BigInt(cp.seq) > head) continue;
    const target = path.join(dir, CHECKPOINT_SUBDIR);
    fs.mkdirSync(target, { recursive: true, mode: 0o700 });
    fs.chmodSync(target, 0o700);
    writePrivate(path.join(target, name), text);
    const rel = path.join(CHECKPOINT_SUBDIR, name);
    out.push({
      path: rel,
      bytes: Buffer.byteLength(text),
      sha256: crypto.createHash('sha256').update(text).digest('hex'),
    });
  }
  return out;
}

// ------------------------------------------------------------------------------ restore

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new BackupError(`Geen ${MANIFEST_FILE} in ${dir}: is dit een backupmap?`);
  let m: Manifest;
  try {
    m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  } catch (err) {
    throw new BackupError(`${file} is geen geldige JSON: ${(err as Error).message}`);
  }
  if (m.format !== FORMAT || m.version !== 1)
    throw new BackupError(`${file} is geen manifest van een Veilig Huis Dossier-backup (versie 1).`);
  return m;
}

/** The integrity of the files against the manifest, before anything touches a database. */
function checkFiles(dir: string, m: Manifest): void {
  const dumpFile = path.join(dir, m.dump.file);
  if (!fs.existsSync(dumpFile)) throw new BackupError(`De dump ${dumpFile} ontbreekt.`);
  if (sha256File(dumpFile) !== m.dump.sha256)
    throw new BackupError(`De dump ${dumpFile} is beschadigd of gewijzigd (sha256 verschilt van het manifest).`);
  for (const f of m.files) {
    const file = path.join(dir, f.path);
    if (!fs.existsSync(file) || sha256File(file) !== f.sha256)
      throw new BackupError(`Het bestand ${f.path} ontbreekt of is gewijzigd (sha256 verschilt van het manifest).`);
  }
}

async function tablesIn(url: string): Promise<number> {
  const client = await connect(url);
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${userSchema('n.nspname')}`,
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

async function databaseExists(url: string): Promise<boolean> {
  const client = await connect(withDatabase(url, 'postgres'));
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName(url)]);
    return !!rowCount;
  } finally {
    await client.end();
  }
}

/** The application role as the first migration makes it, and any other role the dump grants to. */
async function ensureRoles(url: string, roles: string[]): Promise<void> {
  const client = await connect(withDatabase(url, 'postgres'));
  try {
    await client
      .query(
        `DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF; END $$`,
      )
      .catch((err: Error) => {
        throw new BackupError(
          `De rol ${APP_ROLE} ontbreekt en kon niet worden aangemaakt (${err.message}); maak ze aan of herstel als een rol met CREATEROLE.`,
        );
      });
    const { rows } = await client.query<{ rolname: string }>('SELECT rolname FROM pg_roles WHERE rolname = ANY($1)', [
      roles,
    ]);
    const missing = roles.filter((r) => !rows.some((x) => x.rolname === r));
    if (missing.length)
      throw new BackupError(
        `De dump geeft rechten aan rollen die op de doelserver ontbreken: ${missing.join(', ')}. Maak ze eerst aan.`,
      );
  } finally {
    await client.end();
  }
}

/**
 * Restores a backup into a new or empty database, then verifies it (verifyRestored).
 * Throws BackupError when it refuses or cannot restore; returns the verification's findings.
 */
export async function restoreBackup(opts: {
  dir: string;
  targetUrl: string;
  force?: boolean;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): Promise<RestoreReport> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? (() => undefined);
  const dir = path.resolve(opts.dir);
  const m = readManifest(dir);
  checkFiles(dir, m);
  const database = databaseName(opts.targetUrl);
  if (['template0', 'template1'].includes(database))
    throw new BackupError(`Herstellen in ${database} kan niet: kies een nieuwe database.`);

  const pgRestore = pgTool('pg_restore', env);
  const restoreTool = await toolVersion(pgRestore);
  const dumpMajor = Number(/^(\d+)/.exec(m.pgDumpVersion)?.[1] ?? 0);
  if (dumpMajor > restoreTool.major) {
    throw new BackupError(
      `De dump is gemaakt met pg_dump ${m.pgDumpVersion}, ${pgRestore} is versie ${restoreTool.version}: installeer postgresql-client-${dumpMajor} en zet PG_BIN_DIR.`,
    );
  }
  const warnings: string[] = [];
  const admin = await connect(withDatabase(opts.targetUrl, 'postgres'));
  const target = await serverVersion(admin).finally(() => admin.end());
  if (target.major < Number(/^(\d+)/.exec(m.serverVersion)?.[1] ?? 0)) {
    warnings.push(
      `De doelserver (PostgreSQL ${target.version}) is ouder dan de bron (${m.serverVersion}); herstellen kan mislukken.`,
    );
  }

  if (await databaseExists(opts.targetUrl)) {
    const n = await tablesIn(opts.targetUrl);
    if (n > 0) {
      if (!opts.force) {
        throw new BackupError(
          `De database ${database} bestaat al en bevat ${n} tabel(len): herstel enkel in een nieuwe of lege database. ` +
            `Met --force wordt ${database} eerst VERWIJDERD en opnieuw aangemaakt.`,
        );
      }
      log(`[restore] --force: database ${database} wordt verwijderd en opnieuw aangemaakt`);
      await dropDatabase(opts.targetUrl);
    }
  }
  await ensureDatabase(opts.targetUrl);
  await ensureRoles(opts.targetUrl, m.roles);

  log(`[restore] pg_restore naar ${database} (PostgreSQL ${target.version})…`);
  const conn = libpqConnection(opts.targetUrl, env);
  // --no-owner: the objects belong to whoever restores (the owner role of the target, as after
  // the migrations); --single-transaction + --exit-on-error: all or nothing.
  const res = await capture(
    pgRestore,
    [
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      '--no-password',
      `--dbname=${conn.dbname}`,
      path.join(dir, m.dump.file),
    ],
    conn.env,
  );
  if (res.code !== 0)
    throw new BackupError(
      `pg_restore mislukt (code ${res.code}); de database ${database} bleef leeg:\n${res.stderr.trim()}`,
    );

  if (env.APP_DB_PASSWORD) {
    // the data is restored either way: a role that may not set passwords only gets a warning
    await ensureAppRoleLogin(opts.targetUrl, env.APP_DB_PASSWORD).catch((err: Error) =>
      warnings.push(
        `het wachtwoord van ${APP_ROLE} kon niet worden gezet (${err.message}); npm run db:migrate als een rol met CREATEROLE doet het.`,
      ),
    );
  } else
    warnings.push(
      `APP_DB_PASSWORD is niet gezet: de rol ${APP_ROLE} kreeg geen wachtwoord (npm run db:migrate of npm start zet het).`,
    );

  const report = await verifyRestored(dir, opts.targetUrl, env);
  report.warnings.unshift(...warnings);
  return report;
}

/**
 * Compares a restored database with the backup's manifest: every table's row count and content
 * fingerprint, the migrations, the access log's hash chain and head (and the signed checkpoints
 * in the backup when AUDIT_CHECKPOINT_PUBLIC_KEY is set); warns when a key ID of the backup is
 * missing from FIELD_ENCRYPTION_KEYS or the key of that ID does not open the restored values.
 */
export async function verifyRestored(
  dir: string,
  targetUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RestoreReport> {
  const m = readManifest(path.resolve(dir));
  const problems: string[] = [];
  const warnings: string[] = [];
  const client = await connect(targetUrl);
  let auditRowsChecked = 0;
  try {
    await readsEverything(client);
    const tables = await tableStates(client);
    for (const [name, want] of Object.entries(m.tables)) {
      const got = tables[name];
      if (!got) problems.push(`tabel ${name} ontbreekt`);
      else if (got.rows !== want.rows) problems.push(`tabel ${name}: ${got.rows} rijen, de backup had er ${want.rows}`);
      else if (got.fingerprint !== want.fingerprint)
        problems.push(`tabel ${name}: evenveel rijen (${got.rows}), maar een andere inhoud`);
    }
    for (const name of Object.keys(tables))
      if (!(name in m.tables)) problems.push(`tabel ${name} staat niet in de backup`);

    const migrations = await migrationsOf(client);
    if (migrations.names.join('\n') !== m.migrations.names.join('\n')) {
      problems.push(
        `migraties verschillen: laatste ${migrations.last ?? '(geen)'}, de backup had ${m.migrations.last ?? '(geen)'}`,
      );
    }

    // (a partitioned table since ADR 0028: its rows are counted in its month partitions above)
    const hasAudit = (await client.query(`SELECT to_regclass('public."AuditEvent"') AS t`)).rows[0]?.t;
    if (hasAudit) {
      const v = await verifyAuditLog(client);
      auditRowsChecked = v.checked;
      if (!v.ok) {
        const already = !m.auditLog.ok && m.auditLog.problem?.startsWith(`rij ${v.brokenAtSeq}:`);
        (already ? warnings : problems).push(
          `hash-keten van het toegangslog gebroken bij rij ${v.brokenAtSeq}: ${v.problem}${already ? ' (zo ook al in de backup)' : ''}`,
        );
      }
      const head = await client.query<{ seq: string; hash: string }>(
        `SELECT "seq"::text AS seq, "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1`,
      );
      const seq = head.rows[0]?.seq ?? null;
      const hash = head.rows[0]?.hash ?? null;
      if (seq !== m.auditLog.lastSeq || hash !== m.auditLog.headHash) {
        problems.push(
          `kop van het toegangslog verschilt: rij ${seq ?? '(geen)'}, de backup had rij ${m.auditLog.lastSeq ?? '(geen)'}`,
        );
      }
      const cpDir = path.join(path.resolve(dir), CHECKPOINT_SUBDIR);
      if (m.files.length && env.AUDIT_CHECKPOINT_PUBLIC_KEY) {
        const anchored = await verifyAgainstCheckpoint(client, cpDir, env.AUDIT_CHECKPOINT_PUBLIC_KEY);
        if (!anchored.ok) problems.push(`toegangslog tegenover het controlepunt in de backup: ${anchored.problem}`);
      } else if (m.files.length) {
        warnings.push(
          'AUDIT_CHECKPOINT_PUBLIC_KEY is niet gezet: de controlepunten in de backup werden niet nagekeken.',
        );
      }
    } else if (m.auditLog.lastSeq) {
      problems.push('het toegangslog (AuditEvent) ontbreekt');
    }

    // keys: IDs only; the keys themselves come from the environment, never from the backup
    const current = keyIdsFromSpec(env.FIELD_ENCRYPTION_KEYS);
    if (!current.length) {
      warnings.push(
        'FIELD_ENCRYPTION_KEYS is niet gezet: niet nagekeken of de sleutels de versleutelde velden openen.',
      );
    } else {
      for (const id of m.encryption.keyIdsInData) {
        if (!current.includes(id))
          warnings.push(
            `sleutel ${id} ontbreekt in FIELD_ENCRYPTION_KEYS: de velden die ermee versleuteld zijn, zijn onleesbaar tot die sleutel terug is`,
          );
      }
      for (const id of m.encryption.keyIds) {
        if (!current.includes(id) && !m.encryption.keyIdsInData.includes(id))
          warnings.push(`sleutel ${id} van de backup ontbreekt in FIELD_ENCRYPTION_KEYS (geen gegevens gebruiken hem)`);
      }
      const keys = new Map<string, Buffer>();
      for (const part of (env.FIELD_ENCRYPTION_KEYS ?? '').split(',')) {
        const [id, b64] = part.split(':');
        if (id && b64) keys.set(id.trim(), Buffer.from(b64, 'base64'));
      }
      const samples = await sampleCiphertexts(
        client,
        m.encryption.keyIdsInData.filter((id) => keys.has(id)),
      );
      for (const [id, value] of samples) {
        try {
          decryptField({ current: id, keys, hmacKey: Buffer.alloc(0) }, value);
        } catch {
          warnings.push(
            `sleutel ${id} in FIELD_ENCRYPTION_KEYS opent de herstelde gegevens niet: het is niet dezelfde sleutel als bij de backup`,
          );
        }
      }
    }
    return {
      database: databaseName(targetUrl),
      problems,
      warnings,
      tablesChecked: Object.keys(m.tables).length,
      auditRowsChecked,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Row count and content fingerprint of every table, and the migrations, of a database now. */
export async function databaseState(
  url: string,
): Promise<{ tables: Record<string, TableState>; migrations: Manifest['migrations'] }> {
  const client = await connect(url);
  try {
    await readsEverything(client);
    return { tables: await tableStates(client), migrations: await migrationsOf(client) };
  } finally {
    await client.end().catch(() => undefined);
  }
}
