import PgBoss from 'pg-boss';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/metrics/route';
import { bearerMatches, renderMetrics } from '@/lib/ops/metrics';
import { ownDatabase } from '../helpers/db';
import type { AddressInfo } from 'node:net';
import { createAppServer } from '@/lib/ops/http-server';
import { recordRequest } from '@/lib/ops/http-metrics';

// Issue 14 §3, ADR 0046. lib/env.ts reads the environment once, on the first request
const TOKEN = 'metrics-token-for-the-integration-test-0123';
process.env.METRICS_TOKEN = TOKEN;

const own = await ownDatabase('vhd_metrics');
const app = new pg.Client({ connectionString: own.appUrl });
await app.connect();
afterAll(async () => {
  await app.end();
  await own.drop();
});
const value = (body: string, line: string) => {
  const found = body.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
};

describe('/api/metrics (issue 14 §3)', () => {
  it('answers 401 without or with a wrong bearer token, and Prometheus text with it', async () => {
    expect((await GET(new Request('http://x/api/metrics'))).status).toBe(401);
    const wrong = await GET(new Request('http://x/api/metrics', { headers: { authorization: 'Bearer nope' } }));
    expect(wrong.status).toBe(401);
    const res = await GET(new Request('http://x/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const body = await res.text();
    expect(value(body, 'vhd_database_up')).toBe(1);
    expect(value(body, 'vhd_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(body).toContain('vhd_process_cpu_seconds_total');
  });

  it('compares the token in full', () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe(false);
    expect(bearerMatches(TOKEN, TOKEN)).toBe(false);
    expect(bearerMatches(`Bearer ${TOKEN}`, undefined)).toBe(false);
  });

  it('reports the worker’s job runs and failures, purges and the chain status from the database', async () => {
    const query = async () => (await app.query('SELECT ops_metrics() AS ops_metrics')).rows;
    // before pg-boss ever ran and before any chain check
    let body = (await renderMetrics(undefined, query)).body;
    expect(value(body, 'vhd_database_up')).toBe(1);
    expect(value(body, 'vhd_audit_chain_ok')).toBe(-1);
    expect(value(body, 'vhd_retention_purges_total')).toBe(0);

    const boss = new PgBoss({ connectionString: own.ownerUrl, schema: 'pgboss', max: 2 });
    boss.on('error', () => undefined);
    await boss.start();
    try {
      await boss.createQueue('metrics-test');
      await boss.send('metrics-test', {}, { retryLimit: 0 });
      await boss.send('metrics-test', {}, { retryLimit: 0 });
      const [job] = await boss.fetch('metrics-test');
      if (!job) throw new Error('no job fetched');
      await boss.fail('metrics-test', job.id, new Error('expected'));
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    const owner = new pg.Client({ connectionString: own.ownerUrl });
    await owner.connect();
    try {
      await owner.query(
        `INSERT INTO "AuditVerification" ("scope", "fromSeq", "toSeq", "toHash", "checked", "ok", "brokenAtSeq", "problem")
         VALUES ('full', 0, 0, $1, 0, false, 1, 'test')`,
        ['0'.repeat(64)],
      );
    } finally {
      await owner.end();
    }
    body = (await renderMetrics(undefined, query)).body;
    expect(value(body, 'vhd_job_failures{queue="metrics-test"}')).toBe(1);
    expect(value(body, 'vhd_jobs{queue="metrics-test",state="created"}')).toBe(1);
    expect(value(body, 'vhd_audit_chain_ok')).toBe(0);
    expect(value(body, 'vhd_audit_chain_verified_timestamp_seconds')).toBeGreaterThan(1.7e9);

    // an unreachable database is reported, not thrown
    body = (await renderMetrics(undefined, () => Promise.reject(new Error('down')))).body;
    expect(value(body, 'vhd_database_up')).toBe(0);
  });

  it('counts requests per normalised route and status class, and server errors, as the web server records them', async () => {
    const server = createAppServer(
      (req, res) => {
        if (req.url?.startsWith('/metrics-test/boom')) throw new Error('boom');
        res.end('ok');
      },
      { onResponse: recordRequest },
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const id of ['11', '12', '13']) expect((await fetch(`${base}/metrics-test/${id}?q=Anna`)).status).toBe(200);
      expect((await fetch(`${base}/metrics-test/boom`)).status).toBe(500);
    } finally {
      await new Promise((r) => server.close(r));
    }
    const scrape = async () =>
      (await GET(new Request('http://x/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } }))).text();
    // the server records a request when its response has finished, possibly after the client saw it
    await expect
      .poll(async () => value(await scrape(), 'vhd_http_request_errors_total{method="GET",route="/metrics-test/boom"}'))
      .toBe(1);
    const body = await scrape();
    expect(
      value(body, 'vhd_http_request_duration_seconds_count{method="GET",route="/metrics-test/:id",status="2xx"}'),
    ).toBe(3);
    expect(
      value(body, 'vhd_http_request_duration_seconds_count{method="GET",route="/metrics-test/boom",status="5xx"}'),
    ).toBe(1);
    expect(body).not.toContain('Anna');
  });
});
