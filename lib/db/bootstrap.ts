import pg from 'pg';

/** Database set-up steps that run as the owner, before the app starts. Not used by the app. */

export const APP_ROLE = 'vhd_app';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/** The application role's URL: same server and database as the owner, other credentials. */
export function appUrlFrom(ownerUrl: string, password: string): string {
  const u = new URL(ownerUrl);
  u.username = APP_ROLE;
  u.password = password;
  return u.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(ownerUrl: string): Promise<void> {
  const name = databaseName(ownerUrl);
  await withClient(withDatabase(ownerUrl, 'postgres'), async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  });
}

export async function dropDatabase(ownerUrl: string): Promise<void> {
  const name = databaseName(ownerUrl);
  await withClient(withDatabase(ownerUrl, 'postgres'), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  });
}

/** Gives the application role (created by the first migration) its login and password. */
export async function ensureAppRoleLogin(ownerUrl: string, password: string): Promise<void> {
  await withClient(ownerUrl, async (c) => {
    const { rows } = await c.query<{ rolbypassrls: boolean; rolsuper: boolean }>(
      'SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = $1',
      [APP_ROLE],
    );
    const role = rows[0];
    if (!role) throw new Error(`Rol ${APP_ROLE} ontbreekt: voer eerst de migraties uit.`);
    if (role.rolbypassrls || role.rolsuper) throw new Error(`Rol ${APP_ROLE} mag geen superuser of BYPASSRLS zijn.`);
    const literal = await c.query<{ q: string }>('SELECT quote_literal($1) AS q', [password]);
    await c.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${literal.rows[0]!.q}`);
  });
}

export async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
