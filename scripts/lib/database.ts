import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedCluster } from './embedded';
import { migrate } from './migrate';
import { appUrlFrom, dropDatabase, ensureAppRoleLogin, ensureDatabase, withDatabase } from './bootstrap';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The server to use: DATABASE_URL when set, else an embedded PostgreSQL under .data/.
 * Returns the owner URL of `database` on that server (created if missing).
 */
export async function resolveServer(opts: { embeddedDir: string; embeddedPort: number }): Promise<{
  serverUrl: string;
  embedded: EmbeddedCluster | null;
}> {
  if (process.env.DATABASE_URL) return { serverUrl: process.env.DATABASE_URL, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(ROOT, opts.embeddedDir), port: opts.embeddedPort });
  return { serverUrl: `${embedded.baseUrl}/postgres`, embedded };
}

/** The owner URL of `database` on the server (or the server URL's own database). */
export function ownerUrlFor(serverUrl: string, database?: string): string {
  return database ? withDatabase(serverUrl, database) : serverUrl;
}

export interface PreparedDatabase {
  ownerUrl: string;
  appUrl: string;
}

/**
 * Creates (or, with fresh, re-creates) a database, applies the migrations and, when a password
 * is given, gives the app role its login. Without a password the app role is left as the
 * operators set it up (APP_DATABASE_URL).
 */
export async function prepareDatabase(
  serverUrl: string,
  opts: { database?: string; fresh?: boolean; appPassword?: string; quiet?: boolean },
): Promise<PreparedDatabase> {
  const ownerUrl = ownerUrlFor(serverUrl, opts.database);
  if (opts.fresh) await dropDatabase(ownerUrl);
  await ensureDatabase(ownerUrl);
  const result = await migrate(ownerUrl);
  if (!opts.quiet && result.applied.length) console.log(`[db] migraties toegepast: ${result.applied.join(', ')}`);
  if (opts.appPassword) await ensureAppRoleLogin(ownerUrl, opts.appPassword);
  return { ownerUrl, appUrl: appUrlFrom(ownerUrl, opts.appPassword ?? '') };
}
