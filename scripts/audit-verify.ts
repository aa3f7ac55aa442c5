/**
 * `npm run audit:verify`: checks the hash chain of the access log as the database owner and
 * prints the first broken link. Exit code 0 = intact, 2 = broken.
 */
import pg from 'pg';
import { resolveServer } from './lib/database';
import { withDatabase } from '../lib/db/bootstrap';
import { verifyAuditLog } from '../lib/audit/verify-db';

const { serverUrl, embedded } = await resolveServer({ embeddedDir: '.data/pg', embeddedPort: Number(process.env.EMBEDDED_PG_PORT ?? 54329) });
const client = new pg.Client({ connectionString: embedded ? withDatabase(serverUrl, 'vhd') : serverUrl });
await client.connect();
const result = await verifyAuditLog(client);
await client.end();
await embedded?.stop();
if (result.ok) {
  console.log(`Toegangslog intact: ${result.checked} rijen gecontroleerd.`);
} else {
  console.error(`Toegangslog GEBROKEN bij rij ${result.brokenAtSeq}: ${result.problem} (${result.checked} rijen ervoor in orde).`);
  process.exit(2);
}
