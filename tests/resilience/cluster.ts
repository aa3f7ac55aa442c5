import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedCluster } from '@/scripts/lib/embedded';
import { prepareDatabase, ROOT } from '../../scripts/lib/database';
import { generateSecrets } from '../../scripts/lib/secrets';
import { useDatabase } from '../helpers/db';
import { pointAppAt } from '../helpers/app-env';

/**
 * A PostgreSQL of the test's own (embedded, its own folder and port) that the test may stop and
 * start, with a fresh migrated database, the app's environment pointed at it, and the test
 * helpers (ownerDb, sessions) using it.
 */
export async function ownCluster(name: string, port: number) {
  const dataDir = path.join(ROOT, '.data', `pg-resilience-${name}`);
  let cluster: EmbeddedCluster = await startEmbeddedPostgres({ dataDir, port });
  const secrets = generateSecrets();
  const db = await prepareDatabase(`${cluster.baseUrl}/postgres`, {
    database: 'vhd_res',
    fresh: true,
    appPassword: secrets.APP_DB_PASSWORD,
    quiet: true,
  });
  pointAppAt(db.appUrl, secrets);
  process.env.DB_POOL_MAX = '10';

  useDatabase({ db, secrets });
  return {
    db,
    secrets,
    /** Stops PostgreSQL (fast shutdown: open transactions are rolled back), waits, starts it again. */
    async restart(downMs: number) {
      await cluster.stop();
      await new Promise((r) => setTimeout(r, downMs));
      cluster = await startEmbeddedPostgres({ dataDir, port });
    },
    stop: () => cluster.stop(),
  };
}
