import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { closeGracefully, createAppServer } from '@/lib/ops/http-server';
import { createLogger } from '@/lib/ops/logger';
import { onShutdown, runShutdownHooks } from '@/lib/ops/shutdown';
import { Writable } from 'node:stream';

const quiet = createLogger(new Writable({ write: (_c, _e, cb) => cb() }));

describe('graceful shutdown of the web server (issue 14 §3)', () => {
  it('stops accepting, ends registered streams, lets an in-flight request finish', async () => {
    let releaseSlow!: () => void;
    let markStarted!: () => void;
    const slowStarted = new Promise<void>((r) => (markStarted = r));
    const server = createAppServer(
      async (req, res) => {
        if (req.url === '/stream') {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write(': verbonden\n\n');
          const off = onShutdown(() => res.end());
          res.on('close', off);
          return;
        }
        markStarted();
        await new Promise<void>((r) => (releaseSlow = r));
        res.end('klaar');
      },
      { logger: quiet },
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const stream = await fetch(`${base}/stream`);
    const streamText = stream.text();
    const slow = fetch(`${base}/slow`).then(async (r) => [r.status, await r.text()]);
    await slowStarted;

    const done = closeGracefully(server, runShutdownHooks, 30_000);
    // the stream ends at once, while the slow request is still running
    expect(await streamText).toContain('verbonden');
    // no new connections
    await expect(fetch(`${base}/slow`)).rejects.toThrow();
    releaseSlow();
    expect(await slow).toEqual([200, 'klaar']);
    expect(await done).toBe(true);
  });

  it('cuts what is still open after the bound, and says so', async () => {
    const server = createAppServer(() => new Promise(() => {}), { logger: quiet });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const hanging = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`).catch(() => 'cut');
    await expect
      .poll(async () => new Promise((r) => server.getConnections((_e, n) => r(n))), { timeout: 10_000 })
      .toBe(1);
    expect(await closeGracefully(server, () => undefined, 300)).toBe(false);
    expect(await hanging).toBe('cut');
  });
});
