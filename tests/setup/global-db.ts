import type { TestProject } from 'vitest/node';
import { prepareDatabase, resolveServer } from '../../scripts/lib/database';
import { generateSecrets, type DevSecrets } from '../../scripts/lib/secrets';

declare module 'vitest' {
  export interface ProvidedContext {
    db: { serverUrl: string; ownerUrl: string; appUrl: string };
    secrets: DevSecrets;
  }
}

/**
 * Integration tests run against a real PostgreSQL: DATABASE_URL's server when set, else an
 * embedded one under .data/pg-test. A fresh database `vhd_it` is migrated for each run.
 */
export default async function setup(project: TestProject) {
  const generated = generateSecrets();
  const secrets = Object.fromEntries(
    Object.entries(generated).map(([k, v]) => [k, process.env[k] || v]),
  ) as unknown as DevSecrets;
  const { serverUrl, embedded } = await resolveServer({
    embeddedDir: '.data/pg-test',
    embeddedPort: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54339),
  });
  const db = await prepareDatabase(serverUrl, {
    database: process.env.TEST_DB_NAME ?? 'vhd_it',
    fresh: true,
    appPassword: secrets.APP_DB_PASSWORD,
    quiet: true,
  });
  project.provide('db', { serverUrl, ownerUrl: db.ownerUrl, appUrl: db.appUrl });
  project.provide('secrets', secrets);
  return async () => {
    await embedded?.stop();
  };
}
