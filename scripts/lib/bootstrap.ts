import crypto from 'node:crypto';
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

/**
 * The login of the application role for one database (issue 11 §6; ADR 0027). Row-level security
 * and the grants name the cluster-wide role vhd_app; each database gets its own login role that
 * is a NOINHERIT member of vhd_app and becomes it at connect (`ALTER ROLE … IN DATABASE … SET
 * role`). So every installation on a server has its own password, and one start no longer resets
 * the password another installation connects with.
 */
export function appLoginRole(ownerUrl: string): string {
  const name = databaseName(ownerUrl)
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  if (name.length <= 50) return `${APP_ROLE}_${name}`;
  return `${APP_ROLE}_${name.slice(0, 40)}_${crypto.createHash('sha256').update(name).digest('hex').slice(0, 12)}`;
}

/** The application role's URL: same server and database as the owner, the database's own login. */
export function appUrlFrom(ownerUrl: string, password: string): string {
  const u = new URL(ownerUrl);
  u.username = appLoginRole(ownerUrl);
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
    // its login for the application role (appLoginRole) has nothing left to connect to; best
    // effort — a role left behind has no rights anywhere
    const ident = (await c.query<{ i: string }>('SELECT quote_ident($1) AS i', [appLoginRole(ownerUrl)])).rows[0]!.i;
    await c.query(`DROP ROLE IF EXISTS ${ident}`).catch(() => undefined);
  });
}

/**
 * Gives the database its login for the application role (created by the first migration), see
 * appLoginRole. Idempotent; the password is set only when the login does not work with it yet.
 */
export async function ensureAppRoleLogin(ownerUrl: string, password: string): Promise<void> {
  await withClient(ownerUrl, async (c) => {
    const { rows } = await c.query<{ rolbypassrls: boolean; rolsuper: boolean }>(
      'SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = $1',
      [APP_ROLE],
    );
    const role = rows[0];
    if (!role) throw new Error(`Rol ${APP_ROLE} ontbreekt: voer eerst de migraties uit.`);
    if (role.rolbypassrls || role.rolsuper) throw new Error(`Rol ${APP_ROLE} mag geen superuser of BYPASSRLS zijn.`);
    const login = appLoginRole(ownerUrl);
    const ident = (await c.query<{ i: string }>('SELECT quote_ident($1) AS i', [login])).rows[0]!.i;
    const db = (await c.query<{ i: string }>('SELECT quote_ident($1) AS i', [databaseName(ownerUrl)])).rows[0]!.i;
    const exists = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login]);
    // NOINHERIT: without SET ROLE the login has no rights at all — and so never acts as a role
    // other than vhd_app, which the policies' "current_user <> 'vhd_app'" would let through
    if (!exists.rowCount)
      await c.query(`CREATE ROLE ${ident} LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
    const bad = await c.query<{ ok: boolean }>(
      'SELECT NOT (rolinherit OR rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb) AS ok FROM pg_roles WHERE rolname = $1',
      [login],
    );
    if (!bad.rows[0]?.ok)
      throw new Error(`Rol ${login} moet NOINHERIT zijn, zonder superuser, BYPASSRLS of CREATE-rechten.`);
    await c.query(`GRANT ${APP_ROLE} TO ${ident}`);
    await c.query(`ALTER ROLE ${ident} IN DATABASE ${db} SET role = '${APP_ROLE}'`);
    await c.query(`GRANT CONNECT ON DATABASE ${db} TO ${ident}`);
    if (exists.rowCount && (await isReachable(appUrlFrom(ownerUrl, password)))) return;
    const literal = await c.query<{ q: string }>('SELECT quote_literal($1) AS q', [password]);
    await c.query(`ALTER ROLE ${ident} LOGIN PASSWORD ${literal.rows[0]!.q}`);
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
