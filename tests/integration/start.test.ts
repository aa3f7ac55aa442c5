import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { withDatabase } from '@/scripts/lib/bootstrap';

const ROOT = path.resolve(import.meta.dirname, '../..');
const server = inject('db').serverUrl;

function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: ROOT,
      env: { NODE_ENV: 'test', PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('npm start (issue 11 §6)', () => {
  it('refuses a wrong configuration in one round, before it touches the database', async () => {
    const name = `vhd_start_never_${process.pid}`;
    const { code, output } = await start({
      DATABASE_URL: withDatabase(server, name),
      APP_DB_PASSWORD: 'een-wachtwoord',
      NEXTAUTH_SECRET: 'kort',
      FIELD_ENCRYPTION_KEYS: 'k1:bm9nLXRlLWtvcnQ=',
      FIELD_ENCRYPTION_KEY_ID: 'k1',
      LOOKUP_HMAC_KEY: 'kort',
      PORT: '99999',
    });
    expect(code).toBe(1);
    for (const variable of ['NEXTAUTH_SECRET', 'FIELD_ENCRYPTION_KEYS', 'LOOKUP_HMAC_KEY', 'PORT']) {
      expect(output).toContain(`  ${variable}:`);
    }
    // nothing was migrated: the database was never even created
    expect(output).not.toContain('migraties');
    const c = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
    await c.connect();
    try {
      expect((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount).toBe(0);
    } finally {
      await c.end();
    }
  });
});
