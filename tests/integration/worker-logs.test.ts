import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RETENTION_QUEUE } from '@/lib/jobs/boss';
import { seedDemo } from '@/prisma/demo';
import { unsafeOwnerClient } from '@/scripts/lib/owner';
import { ownDatabase, ownerPgClient, testKeys } from '../helpers/db';
import { personalDataFinder } from '../helpers/e2e-logs';

/**
 * Issue 14 §3, ADR 0046: the worker (`npm run worker`, run as the image and `npm start` run it)
 * writes JSON lines only, none with personal data, and stops cleanly on SIGTERM. It runs against
 * a database of its own holding the demo data, and purges that data's expired dossiers (a
 * retention job for the year 2100), so its jobs really handle people's records while it logs.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
let db: Awaited<ReturnType<typeof ownDatabase>>;

beforeAll(async () => {
  db = await ownDatabase('vhd_worker_logs');
  const owner = unsafeOwnerClient(db.ownerUrl);
  try {
    await seedDemo(owner, testKeys());
  } finally {
    await owner.$disconnect();
  }
});
afterAll(async () => {
  await db?.drop();
});

type Line = Record<string, unknown>;

describe('the worker process (issue 14 §3)', () => {
  it('runs its jobs, logs JSON lines without personal data, and exits 0 on SIGTERM', { timeout: 240_000 }, async () => {
    const checkpointDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vhd-worker-checkpoints-'));
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: db.ownerUrl,
        AUDIT_CHECKPOINT_PRIVATE_KEY: inject('secrets').AUDIT_CHECKPOINT_PRIVATE_KEY,
        AUDIT_CHECKPOINT_DIR: checkpointDir,
        JOBS_POLLING_INTERVAL_SECONDS: '0.5',
        LOG_LEVEL: 'debug',
        FORCE_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = { stdout: '', stderr: '' };
    child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    const lines = () => `${out.stdout}\n${out.stderr}`.split('\n').filter((l) => l.trim() !== '');
    const entries = () =>
      lines().flatMap((l) => {
        try {
          return [JSON.parse(l) as Line];
        } catch {
          return [];
        }
      });
    const logged = (msg: string) => entries().find((e) => typeof e.msg === 'string' && e.msg.startsWith(msg));
    const heartbeats = async () => {
      const c = await ownerPgClient(db.ownerUrl);
      try {
        return Number((await c.query(`SELECT count(*)::int AS n FROM "WorkerHeartbeat"`)).rows[0].n);
      } finally {
        await c.end();
      }
    };

    try {
      await expect
        .poll(() => logged('worker gestart') ?? out, { timeout: 60_000 })
        .toMatchObject({
          level: 30,
          component: 'jobs',
        });
      await expect.poll(heartbeats, { timeout: 60_000 }).toBe(1);
      // the jobs sent at start: the chain check and the checkpoint
      await expect.poll(() => logged('audit chain intact'), { timeout: 60_000 }).toBeTruthy();
      await expect.poll(() => logged('audit checkpoint written'), { timeout: 60_000 }).toBeTruthy();

      // a purge of everything expired by 2100: the demo's closed dossiers
      const boss = new PgBoss({ connectionString: db.ownerUrl, schema: 'pgboss', supervise: false, schedule: false });
      await boss.start();
      try {
        await boss.send(RETENTION_QUEUE, { asOf: '2100-01-01T00:00:00.000Z' });
      } finally {
        await boss.stop({ graceful: false });
      }
      await expect.poll(() => logged('retention purge'), { timeout: 60_000 }).toBeTruthy();
      expect(logged('retention purge')!.purged).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
    }
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    // it removed its heartbeat on the way out
    expect(await heartbeats()).toBe(0);

    const personalData = personalDataFinder();
    const problems: string[] = [];
    for (const [i, line] of lines().entries()) {
      let entry: Line;
      try {
        entry = JSON.parse(line) as Line;
      } catch {
        problems.push(`line ${i + 1}: not JSON: ${line.slice(0, 200)}`);
        continue;
      }
      if (typeof entry.level !== 'number') problems.push(`line ${i + 1}: no level`);
      for (const what of personalData(line)) problems.push(`line ${i + 1}: ${what}`);
    }
    expect(problems).toEqual([]);
    expect(lines().length).toBeGreaterThan(4);
    fs.rmSync(checkpointDir, { recursive: true, force: true });
  });
});
