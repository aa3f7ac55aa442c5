import { afterAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { prepareDatabase } from '@/scripts/lib/database';
import { appLoginRole, dropDatabase, isReachable, withDatabase } from '@/scripts/lib/bootstrap';

/**
 * Issue 11 §6 (ADR 0027): the application role's login is per database, so two installations on
 * one server no longer reset each other's password.
 */
const server = inject('db').serverUrl;
const one = withDatabase(server, `vhd_login_one_${process.pid}`);
const two = withDatabase(server, `vhd_login_two_${process.pid}`);

afterAll(async () => {
  await dropDatabase(one);
  await dropDatabase(two);
});

async function asApp(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const result: pg.QueryResult | pg.QueryResult[] = await c.query(sql);
    // several statements: the rows of the last
    return (Array.isArray(result) ? result.at(-1)! : result).rows;
  } finally {
    await c.end();
  }
}

describe('the application role per database (issue 11 §6)', () => {
  it('two databases get their own login for vhd_app; preparing the second leaves the first working', async () => {
    const a = await prepareDatabase(server, {
      database: `vhd_login_one_${process.pid}`,
      appPassword: 'een-wachtwoord',
      quiet: true,
    });
    const b = await prepareDatabase(server, {
      database: `vhd_login_two_${process.pid}`,
      appPassword: 'ander-wachtwoord',
      quiet: true,
    });
    expect(appLoginRole(a.ownerUrl)).not.toBe(appLoginRole(b.ownerUrl));
    // both act as vhd_app (row-level security and grants name it), each with its own login
    expect(await asApp(a.appUrl, 'SELECT current_user AS c, session_user AS s')).toEqual([
      { c: 'vhd_app', s: appLoginRole(a.ownerUrl) },
    ]);
    expect(await asApp(b.appUrl, 'SELECT current_user AS c, session_user AS s')).toEqual([
      { c: 'vhd_app', s: appLoginRole(b.ownerUrl) },
    ]);
    // a second start with the same password changes nothing; the first database still answers
    await prepareDatabase(server, {
      database: `vhd_login_two_${process.pid}`,
      appPassword: 'ander-wachtwoord',
      quiet: true,
    });
    expect(await asApp(a.appUrl, 'SELECT 1 AS x')).toEqual([{ x: 1 }]);
    // where the server checks passwords, each login has its own (on a trust server every one passes)
    const checksPasswords = !(await isReachable(a.appUrl.replace('een-wachtwoord', 'fout')));
    if (checksPasswords) expect(await isReachable(a.appUrl.replace('een-wachtwoord', 'ander-wachtwoord'))).toBe(false);
  });

  it('without SET ROLE the login has no rights at all (NOINHERIT), so it never slips past the policies', async () => {
    const a = await prepareDatabase(server, {
      database: `vhd_login_one_${process.pid}`,
      appPassword: 'een-wachtwoord',
      quiet: true,
    });
    await expect(asApp(a.appUrl, 'SET ROLE NONE; SELECT count(*) FROM "Dossier"')).rejects.toThrow(/permission denied/);
    await expect(asApp(a.appUrl, 'SET ROLE NONE; SELECT count(*) FROM "AuditEvent"')).rejects.toThrow(
      /permission denied/,
    );
    // RESET goes back to vhd_app, under row-level security
    expect(await asApp(a.appUrl, 'RESET ROLE; SELECT current_user AS c')).toEqual([{ c: 'vhd_app' }]);
  });

  it('the walls in SECURITY DEFINER triggers see the login as the application, the owner not (ADR 0027)', async () => {
    const a = await prepareDatabase(server, {
      database: `vhd_login_one_${process.pid}`,
      appPassword: 'een-wachtwoord',
      quiet: true,
    });
    // the one question every trigger asks: is this session the application?
    expect(await asApp(a.appUrl, 'SELECT app_is_app_login() AS app')).toEqual([{ app: true }]);
    expect(await asApp(a.ownerUrl, 'SELECT app_is_app_login() AS app')).toEqual([{ app: false }]);
    // and a wall holds for the login: without a live session the access log takes no event but a
    // login step (before this amendment it took the forged actor)
    const forged = `SELECT audit_append(gen_random_uuid(), NULL, NULL, NULL, 'dossier.view', 'Dossier', NULL, NULL, 'test', NULL, 'ok')`;
    await expect(asApp(a.appUrl, forged)).rejects.toThrow(/no live session/);
    // no other function tests session_user against the role name any more
    const left = await asApp(
      a.ownerUrl,
      String.raw`SELECT count(*)::int AS n FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proname <> 'app_is_app_login' AND p.prosrc ~ 'session_user\s*(<>|=)\s*''vhd_app'''`,
    );
    expect(left).toEqual([{ n: 0 }]);
  });

  it('dropping a database drops its login', async () => {
    const url = withDatabase(server, `vhd_login_three_${process.pid}`);
    await prepareDatabase(server, { database: `vhd_login_three_${process.pid}`, appPassword: 'x', quiet: true });
    const roleExists = async () =>
      (await asApp(withDatabase(server, 'postgres'), `SELECT 1 FROM pg_roles WHERE rolname = '${appLoginRole(url)}'`))
        .length;
    expect(await roleExists()).toBe(1);
    await dropDatabase(url);
    expect(await roleExists()).toBe(0);
  });
});
