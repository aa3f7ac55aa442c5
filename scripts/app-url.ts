/**
 * Prints the application role's URL for DATABASE_URL and APP_DB_PASSWORD: the database's own
 * login (ADR 0027). Used by the container's entrypoint, so the shell never re-derives the name.
 */
import { appUrlFrom } from './lib/bootstrap';

const owner = process.env.DATABASE_URL;
const password = process.env.APP_DB_PASSWORD;
if (!owner || !password) {
  console.error('DATABASE_URL en APP_DB_PASSWORD zijn verplicht.');
  process.exit(1);
}
process.stdout.write(appUrlFrom(owner, password));
