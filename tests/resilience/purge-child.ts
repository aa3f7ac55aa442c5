/** The worker's purge, as its own process, so that a test can kill it mid-run (tests/resilience). */
import { unsafeOwnerClient } from '@/scripts/lib/owner';
import { purgeExpiredDossiers } from '@/lib/retention/purge';
import { parseRetentionTerms } from '@/lib/retention/terms';

const owner = unsafeOwnerClient(process.env.DATABASE_URL!);
const purged = await purgeExpiredDossiers(owner, new Date(process.env.AS_OF!), parseRetentionTerms({}), {
  safeHouseId: process.env.SAFE_HOUSE_ID!,
});
console.log(`purged ${purged.length}`);
await owner.$disconnect();
