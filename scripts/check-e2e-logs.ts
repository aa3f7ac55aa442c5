/**
 * Run by `npm test` after the e2e run (issue 14 §3, ADR 0046): the app servers' logs of that run
 * (.data/e2e-logs/<port>.log, stdout and stderr) must be non-empty JSON lines with a level and a
 * request id and hold no name or national number of the demo data. Exits 1 with the offending places (never the offending text).
 */
import { E2E_LOG_DIR, scanLogs } from '../tests/helpers/e2e-logs';

const { files, lines, problems } = scanLogs(E2E_LOG_DIR);
if (problems.length) {
  console.error(`[logs] ${problems.length} probleem/problemen in ${files} bestand(en):`);
  for (const p of problems.slice(0, 50)) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`[logs] ${files} bestand(en), ${lines} regels: JSON met reqId, geen persoonsgegevens uit de demodata`);
