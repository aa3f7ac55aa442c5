import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { directSession, ownerClient } from './helpers';

/**
 * Issue 14 §3 (ADR 0046): SIGTERM to a real started server (scripts/server.ts, the build the
 * other specs use) ends the live-event stream — itself a request in flight — and exits 0. (That an
 * in-flight request completes is tested deterministically in tests/unit/ops-shutdown.test.ts:
 * here the moment a request reaches the server cannot be known from outside without a race.)
 * Its own instance on E2E_PORT+8; its log joins the others in .data/e2e-logs.
 */
test('SIGTERM: the SSE stream ends and the server exits 0', async () => {
  test.setTimeout(240_000);
  const port = Number(process.env.E2E_PORT ?? 3111) + 8;
  const base = `http://127.0.0.1:${port}`;
  fs.mkdirSync('.data/e2e-logs', { recursive: true });
  const log = fs.openSync(`.data/e2e-logs/${port}.log`, 'a');
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/server.ts', '-p', String(port), '-H', '127.0.0.1'],
    {
      env: { ...process.env, NEXTAUTH_URL: base },
      stdio: ['ignore', log, log],
    },
  );
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  const owner = await ownerClient();
  try {
    await expect
      .poll(
        () =>
          fetch(`${base}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 120_000 },
      )
      .toBe(200);
    const { rows } = await owner.query(
      `SELECT u.id, u.name, d.id AS dossier FROM "User" u, "Dossier" d WHERE u.email = 'coordinator.antwerpen@vhd.test' AND d.reference = 'VH-ANT-2026-0002'`,
    );
    const { cookie } = await directSession(owner, rows[0]);
    const stream = await fetch(`${base}/api/v1/dossiers/${rows[0].dossier}/events`, { headers: { cookie } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('verbonden');

    server.kill('SIGTERM');

    // the stream ends by itself (the server's heartbeat is 25 s, its session check 15 s: it is the shutdown)
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(await exited).toBe(0);
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
    await owner.end();
    fs.closeSync(log);
  }
});
