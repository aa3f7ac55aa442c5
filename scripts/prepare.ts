/**
 * One-shot child of `npm start` (issue 11 §6): applies the migrations, gives the application
 * role its login and seeds the demo data when asked — then exits, so the long-running
 * supervisor never holds Prisma and the demo data in memory.
 *
 * Environment: DATABASE_URL (the server's owner URL), PREPARE_DATABASE (a database on it, or
 * empty for DATABASE_URL's own), APP_DB_PASSWORD (optional), SEED_DEMO=true, and the field keys.
 */
import { parseFieldKeys } from '../lib/crypto/fields';
import { seedDemo } from '../prisma/demo';
import { prepareDatabase } from './lib/database';
import { unsafeOwnerClient } from './lib/owner';
import { fail } from './lib/run';

try {
  const env = process.env;
  const database = await prepareDatabase(env.DATABASE_URL!, {
    database: env.PREPARE_DATABASE || undefined,
    appPassword: env.APP_DB_PASSWORD || undefined,
  });
  if (env.SEED_DEMO === 'true') {
    const owner = unsafeOwnerClient(database.ownerUrl);
    const keys = parseFieldKeys(env.FIELD_ENCRYPTION_KEYS!, env.FIELD_ENCRYPTION_KEY_ID!, env.LOOKUP_HMAC_KEY!);
    const { seeded } = await seedDemo(owner, keys);
    await owner.$disconnect();
    console.log(
      seeded
        ? '[start] demogegevens aangemaakt (zie README.md voor de gebruikers)'
        : '[start] demogegevens waren er al',
    );
  }
} catch (err) {
  fail(`[start] ${(err as Error).message}`);
}
