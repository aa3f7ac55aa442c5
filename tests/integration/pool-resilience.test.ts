import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createPool } from '@/lib/db/pool';
import { env } from '@/lib/env';
import { withoutActor } from '@/lib/use-case/kernel';
import { ownerPgClient } from '../helpers/db';

/**
 * A PostgreSQL restart kills the app's idle connections. The pool must absorb that (no
 * unhandled 'error' event crashing the process) and serve the next query on a new connection.
 */
const pool = createPool(inject('db').appUrl, 2);
afterAll(async () => {
  await pool.end();
});

describe('database pool', () => {
  it('survives its idle connections being terminated and reconnects', async () => {
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    client.release();
    const admin = await ownerPgClient();
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    await admin.end();
    await new Promise((r) => setTimeout(r, 200));
    const after = await pool.query<{ ok: number }>('SELECT 1 AS ok');
    expect(after.rows[0]!.ok).toBe(1);
  });

  it('gives up on an unreachable server within the connect timeout instead of hanging', async () => {
    const dead = createPool('postgresql://vhd_app:x@127.0.0.1:1/vhd', 1);
    const started = Date.now();
    await expect(dead.query('SELECT 1')).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(6_000);
    await dead.end();
  });

  it('issue 14 §5: a burst larger than the pool waits for a connection instead of failing', async () => {
    // every connection of the app's pool is held for 6 s — longer than Prisma's default wait (2 s)
    // and our former one (5 s), which turned the CI load test's burst into three error pages
    const size = env().DB_POOL_MAX;
    const holders = Array.from({ length: size }, () =>
      withoutActor(async (tx) => {
        await tx.$executeRaw`SELECT pg_sleep(6)`;
        return 'held';
      }),
    );
    // queued behind them (the pool serves in order): it can start only when a holder is done
    const started = Date.now();
    const waiter = await withoutActor(async (tx) => (await tx.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`)[0]!.ok);
    const waited = Date.now() - started;
    expect(waiter).toBe(1);
    expect(waited).toBeGreaterThan(5_500);
    expect(await Promise.all(holders)).toEqual(Array(size).fill('held'));
  }, 60_000);
});
