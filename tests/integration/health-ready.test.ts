import { afterAll, describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as ready } from '@/app/api/ready/route';
import { checkReadiness, HEARTBEAT_MAX_AGE_SECONDS, READINESS_SQL, shippedMigrations } from '@/lib/ops/readiness';
import { beat } from '@/lib/ops/heartbeat';
import { appRoleClient, ownerPgClient } from '../helpers/db';

// Issue 14 §3, ADR 0046. Only this file writes WorkerHeartbeat in the shared test database.
const owner = await ownerPgClient();
const app = await appRoleClient();
afterAll(async () => {
  await owner.query(`DELETE FROM "WorkerHeartbeat"`);
  await owner.end();
  await app.end();
});
const asApp = async () => (await app.query(READINESS_SQL)).rows;

describe('/api/health and /api/ready (issue 14 §3)', () => {
  it('health answers 200 JSON without touching anything', async () => {
    const res = health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('ready is 503 without a worker heartbeat, 200 with a recent one, 503 again when it is stale', async () => {
    await owner.query(`DELETE FROM "WorkerHeartbeat"`);
    let res = await ready();
    expect(res.status).toBe(503);
    let body = await res.json();
    expect(body).toMatchObject({
      status: 'fail',
      checks: { database: 'ok', migrations: 'ok', worker: 'fail' },
      workerHeartbeatAgeSeconds: null,
    });

    await beat(owner, 'test-worker');
    res = await ready();
    body = await res.json();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', checks: { database: 'ok', migrations: 'ok', worker: 'ok' } });
    expect(res.headers.get('cache-control')).toBe('no-store');

    await owner.query(`UPDATE "WorkerHeartbeat" SET "beatAt" = now() - make_interval(secs => $1)`, [
      HEARTBEAT_MAX_AGE_SECONDS + 5,
    ]);
    res = await ready();
    body = await res.json();
    expect(res.status).toBe(503);
    expect(body.checks.worker).toBe('fail');
    expect(body.workerHeartbeatAgeSeconds).toBeGreaterThan(HEARTBEAT_MAX_AGE_SECONDS);

    // the load balancer's probe: a stale worker is reported but does not take the instance out
    res = await ready(new Request('http://localhost/api/ready?scope=traffic'));
    body = await res.json();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', checks: { database: 'ok', migrations: 'ok', worker: 'fail' } });
    // an unknown scope is the full check
    res = await ready(new Request('http://localhost/api/ready?scope=whatever'));
    expect(res.status).toBe(503);
  });

  it('a shipped migration that is not applied makes it not ready, named in the answer', async () => {
    await beat(owner, 'test-worker');
    const shipped = shippedMigrations();
    expect(shipped).toContain('20261207120000_worker_heartbeat');
    expect((await checkReadiness(asApp, shipped)).status).toBe('ok');
    const r = await checkReadiness(asApp, [...shipped, '20991231000000_not_yet']);
    expect(r.status).toBe('fail');
    expect(r.checks.migrations).toBe('fail');
    expect(r.pendingMigrations).toEqual(['20991231000000_not_yet']);
  });

  it('an unreachable database is a failing check, not an exception', async () => {
    const r = await checkReadiness(() => Promise.reject(new Error('connection refused')));
    expect(r).toMatchObject({ status: 'fail', checks: { database: 'fail' } });
  });

  it('the app role can neither read nor write the heartbeat table (only through ops_readiness)', async () => {
    for (const sql of [
      `SELECT * FROM "WorkerHeartbeat"`,
      `INSERT INTO "WorkerHeartbeat" ("workerId") VALUES ('fake')`,
      `UPDATE "WorkerHeartbeat" SET "beatAt" = now()`,
      `DELETE FROM "WorkerHeartbeat"`,
      `SELECT * FROM "_prisma_migrations"`,
    ]) {
      await expect(app.query(sql), sql).rejects.toThrow(/permission denied/);
    }
  });
});
