/**
 * `npm run audit:verify`: checks the hash chain of the access log as the database owner and
 * prints the first broken link. Exit code 0 = intact, 2 = broken.
 */
import pg from 'pg';
import { ownerUrlFor, resolveServer } from './lib/database';
import { verifyAuditLog } from '../lib/audit/verify-db';
import { verifyAgainstCheckpoint } from '../lib/audit/checkpoint';

const { serverUrl, embedded } = await resolveServer({
  embeddedDir: '.data/pg',
  embeddedPort: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
});
const client = new pg.Client({ connectionString: ownerUrlFor(serverUrl, embedded ? 'vhd' : undefined) });
await client.connect();
const result = await verifyAuditLog(client);
// the head against the newest signed checkpoint outside the database (ADR 0021)
const publicKey = process.env.AUDIT_CHECKPOINT_PUBLIC_KEY;
const dir = process.env.AUDIT_CHECKPOINT_DIR ?? '.data/audit-checkpoints';
const anchored = publicKey ? await verifyAgainstCheckpoint(client, dir, publicKey) : null;
await client.end();
await embedded?.stop();
if (!result.ok) {
  console.error(
    `Toegangslog GEBROKEN bij rij ${result.brokenAtSeq}: ${result.problem} (${result.checked} rijen ervoor in orde).`,
  );
  process.exit(2);
}
if (anchored && !anchored.ok) {
  console.error(`Toegangslog GEBROKEN: ${anchored.problem}.`);
  process.exit(2);
}
console.log(
  `Toegangslog intact: ${result.checked} rijen gecontroleerd${result.unsealed ? `; de ${result.unsealed} nieuwste wachten op verzegeling door de worker` : ''}.`,
);
if (!anchored)
  console.warn('Geen AUDIT_CHECKPOINT_PUBLIC_KEY: het gewissen van de nieuwste rijen kan zo niet worden vastgesteld.');
else if (anchored.checkpoint)
  console.log(`In orde tegenover het controlepunt van ${anchored.checkpoint.at} (rij ${anchored.checkpoint.seq}).`);
