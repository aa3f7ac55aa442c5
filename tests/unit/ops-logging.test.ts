import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, errorInfo, normaliseRoute, requestIdFrom } from '@/lib/ops/logger';
import { createAppServer } from '@/lib/ops/http-server';

/** A logger whose JSON lines land in an array. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      cb();
    },
  });
  return { lines, logger: createLogger(stream, 'info') };
}

describe('logger redaction', () => {
  it('censors known sensitive keys at the top level and one level down', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        password: 'hunter2-secret',
        nationalNumber: '85073003328',
        authorization: 'Bearer abc.def',
        user: { email: 'an@example.be', name: 'Anna Peeters', id: 'u-1' },
        headers: { cookie: 'session=xyz', 'set-cookie': 'a=b' },
        dossierId: 'd-1',
      },
      'event',
    );
    const text = JSON.stringify(lines);
    for (const secret of [
      'hunter2-secret',
      '85073003328',
      'abc.def',
      'an@example.be',
      'Anna Peeters',
      'session=xyz',
      'a=b',
    ])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      password: '[redacted]',
      user: { id: 'u-1', email: '[redacted]' },
      dossierId: 'd-1',
    });
  });

  it('logs an error by name and code, never its message', () => {
    const err = Object.assign(new Error('kon anna@example.be niet bereiken'), { code: 'ECONNREFUSED' });
    expect(errorInfo(err)).toEqual({ errName: 'Error', errCode: 'ECONNREFUSED' });
    expect(JSON.stringify(errorInfo(err))).not.toContain('anna');
  });
});

describe('request ids and routes', () => {
  it('accepts a short plain x-request-id and replaces anything else', () => {
    expect(requestIdFrom('abc-123-DEF-456')).toBe('abc-123-DEF-456');
    for (const bad of [
      undefined,
      '',
      'short',
      'a'.repeat(65),
      'abc 123 def',
      'abc\n123456',
      '<script>alert</script>',
    ]) {
      const id = requestIdFrom(bad);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('drops the query string and replaces ids by :id', () => {
    expect(normaliseRoute('/dossiers?q=Anna%20Peeters')).toBe('/dossiers');
    expect(normaliseRoute('/dossiers/3f2b8c1e-1111-4222-8333-444455556666/plan')).toBe('/dossiers/:id/plan');
    expect(normaliseRoute('/api/v1/dossiers/42')).toBe('/api/v1/dossiers/:id');
    expect(normaliseRoute('/zoek/Anna%20Peeters')).toBe('/zoek/:id');
    expect(normaliseRoute('/_next/static/chunks/abc.js')).toBe('/_next/static/*');
    expect(normaliseRoute('/')).toBe('/');
  });
});

describe('the app server wrapper', () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  async function start(handler: Parameters<typeof createAppServer>[0]) {
    const { lines, logger } = capture();
    server = createAppServer(handler, { logger });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return { lines, logger, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }

  it('echoes or creates the request id, carries it into the handler’s log lines and writes one access line', async () => {
    const { lines, logger, base } = await start(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 5));
      logger.info({ dossierId: 'd-9' }, 'inside');
      res.statusCode = 201;
      res.end('ok');
    });
    const given = await fetch(`${base}/dossiers/42?q=Anna`, { headers: { 'x-request-id': 'req-1234-abcd' } });
    expect(given.status).toBe(201);
    expect(given.headers.get('x-request-id')).toBe('req-1234-abcd');
    const fresh = await fetch(`${base}/zoek`, { headers: { 'x-request-id': 'bad id!' } });
    const freshId = fresh.headers.get('x-request-id')!;
    expect(freshId).toMatch(/^[0-9a-f-]{36}$/);

    await expect.poll(() => lines.filter((l) => l.access).length, { timeout: 10_000 }).toBe(2);
    expect(lines.find((l) => l.msg === 'inside' && l.reqId === 'req-1234-abcd')).toBeTruthy();
    expect(lines.find((l) => l.msg === 'inside' && l.reqId === freshId)).toBeTruthy();
    const access = lines.filter((l) => l.access);
    expect(access[0]).toMatchObject({ reqId: 'req-1234-abcd', method: 'GET', route: '/dossiers/:id', status: 201 });
    expect(access[0]?.durationMs).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain('Anna');
  });

  it('answers 500 when the handler throws, and logs the error name only', async () => {
    const { lines, base } = await start(() => {
      throw new TypeError('geheim: Anna Peeters');
    });
    const res = await fetch(`${base}/x`);
    expect(res.status).toBe(500);
    await expect.poll(() => lines.some((l) => l.access), { timeout: 10_000 }).toBe(true);
    expect(lines.find((l) => l.msg === 'request handler failed')).toMatchObject({ errName: 'TypeError' });
    expect(JSON.stringify(lines)).not.toContain('Anna');
  });
});
