/**
 * `npm run restore -- <backup dir> [--target <postgres url>] [--force]`: restores a backup of
 * `npm run backup` into a new or empty database (default DATABASE_URL), creating the app role
 * vhd_app when missing, then checks it against the manifest: row count and content of every
 * table, the migrations, the access log's hash chain and head; warns when a key ID of the backup
 * is missing from FIELD_ENCRYPTION_KEYS. A database that already has tables is refused unless
 * --force (which DROPS it first).
 * Exit code 0 = restored and identical, 1 = refused or failed, 2 = restored but not identical.
 */
import { BackupError, restoreBackup } from './lib/backup-core';
import { fail } from './lib/run';

const USAGE = 'Gebruik: npm run restore -- <backupmap> [--target postgresql://eigenaar@host/nieuwe_db] [--force]';

function parseArgs(argv: string[]): { dir: string; target: string | null; force: boolean } {
  let dir: string | null = null;
  let target: string | null = null;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a === '--target') {
      target = argv[++i] ?? fail(`--target heeft een postgresql://-URL nodig.\n${USAGE}`);
    } else if (a.startsWith('--target=')) {
      target = a.slice('--target='.length);
    } else if (a === '--force') {
      force = true;
    } else if (a.startsWith('-')) {
      fail(`Onbekend argument: ${a}\n${USAGE}`);
    } else if (dir) {
      fail(`Eén backupmap, niet meer: ${a}\n${USAGE}`);
    } else {
      dir = a;
    }
  }
  if (!dir) fail(`Welke backup? Geef de backupmap op.\n${USAGE}`);
  return { dir, target, force };
}

const args = parseArgs(process.argv.slice(2));
const targetUrl = args.target ?? process.env.DATABASE_URL;
if (!targetUrl) fail(`Geen doeldatabase: geef --target of zet DATABASE_URL.\n${USAGE}`);
try {
  new URL(targetUrl);
} catch {
  fail(`De doel-URL is geen geldige postgresql://-URL.\n${USAGE}`);
}

try {
  const report = await restoreBackup({ dir: args.dir, targetUrl, force: args.force, log: (line) => console.log(line) });
  for (const w of report.warnings) console.warn(`[restore] WAARSCHUWING: ${w}`);
  if (report.problems.length) {
    console.error(`[restore] de herstelde database ${report.database} is NIET gelijk aan de backup:`);
    for (const p of report.problems) console.error(`  - ${p}`);
    process.exit(2);
  }
  console.log(
    `[restore] klaar: ${report.database} is gelijk aan de backup (${report.tablesChecked} tabellen: aantal rijen en inhoud; ` +
      `migraties; toegangslog: ${report.auditRowsChecked} rijen, keten intact).`,
  );
} catch (err) {
  fail(
    err instanceof BackupError
      ? `[restore] ${err.message}`
      : `[restore] mislukt: ${(err as Error).stack ?? String(err)}`,
  );
}
