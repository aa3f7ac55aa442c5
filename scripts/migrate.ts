/** `npm run db:migrate`: applies the SQL migrations to DATABASE_URL (or the embedded database). */
import { prepareDatabase, resolveServer } from './lib/database';
import { fail } from './lib/run';

const { serverUrl, embedded } = await resolveServer({
  embeddedDir: '.data/pg',
  embeddedPort: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
});
try {
  const password = process.env.APP_DB_PASSWORD;
  if (!password && !process.env.APP_DATABASE_URL && !embedded) fail('APP_DB_PASSWORD is verplicht (zie .env.example).');
  await prepareDatabase(serverUrl, {
    database: embedded ? 'vhd' : undefined,
    appPassword: embedded ? undefined : password,
  });
  console.log('[db] migraties in orde');
} finally {
  await embedded?.stop();
}
