/**
 * `npm run backup [-- --out <dir>]`: a backup of the database named by DATABASE_URL (as its
 * owner) into <dir> (default ./backups/<UTC timestamp>/): a pg_dump in custom format, a
 * manifest.json (row counts, migrations, the access log's head, the IDs of the field keys —
 * never a key) and copies of the signed access-log checkpoints. Directory 0700, files 0600.
 * Exit code 0 = written, 1 = failed (nothing left behind). See the ADR "Backup and restore" in docs/decisions.
 */
import path from 'node:path';
import { BackupError, createBackup, defaultBackupDir } from './lib/backup-core';
import { fail } from './lib/run';

const USAGE = 'Gebruik: npm run backup [-- --out <map>]   (DATABASE_URL = de eigenaar-URL van de database)';

function parseArgs(argv: string[]): { out: string | null } {
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a === '--out') {
      out = argv[++i] ?? fail(`--out heeft een map nodig.\n${USAGE}`);
    } else if (a.startsWith('--out=')) {
      out = a.slice('--out='.length);
    } else {
      fail(`Onbekend argument: ${a}\n${USAGE}`);
    }
  }
  return { out };
}

const args = parseArgs(process.argv.slice(2));
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  fail(
    `DATABASE_URL ontbreekt: zet de eigenaar-URL van de database die geback-upt moet worden (zie .env.example).\n${USAGE}`,
  );
}
process.umask(0o077);
try {
  const { dir, manifest } = await createBackup({
    databaseUrl,
    outDir: args.out ? path.resolve(args.out) : defaultBackupDir(),
    log: (line) => console.log(line),
  });
  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
  console.log(`[backup] klaar: ${dir}`);
  console.log(
    `[backup] ${Object.keys(manifest.tables).length} tabellen, ${rows} rijen, laatste migratie ${manifest.migrations.last ?? '(geen)'}`,
  );
  console.log(
    `[backup] toegangslog: ${manifest.auditLog.checked} rijen, kop rij ${manifest.auditLog.lastSeq ?? '(leeg)'}${manifest.auditLog.ok ? '' : ` — GEBROKEN (${manifest.auditLog.problem})`}`,
  );
  console.log(
    `[backup] sleutel-ID's (geen sleutels): ${manifest.encryption.keyIds.join(', ') || '(FIELD_ENCRYPTION_KEYS niet gezet)'}; in de gegevens: ${manifest.encryption.keyIdsInData.join(', ') || '(geen)'}`,
  );
  console.log(
    '[backup] bewaar de sleutels (FIELD_ENCRYPTION_KEYS, LOOKUP_HMAC_KEY) apart: zonder hen zijn de versleutelde velden verloren.',
  );
} catch (err) {
  fail(
    err instanceof BackupError ? `[backup] ${err.message}` : `[backup] mislukt: ${(err as Error).stack ?? String(err)}`,
  );
}
