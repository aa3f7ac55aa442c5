import { spawn } from 'node:child_process';
import path from 'node:path';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, requestContext } from '@/lib/ops/logger';
import { consoleEntry, routeProcessOutput } from '@/lib/ops/process-output';

// Issue 14 §3, ADR 0046: every line a server process writes is a JSON line with a level, and the
// request id when it is written while a request is handled.
const ROOT = path.resolve(import.meta.dirname, '../..');

type Line = Record<string, unknown>;

function capture() {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      cb();
    },
  });
  return { lines, logger: createLogger(stream, 'debug') };
}

describe('consoleEntry', () => {
  it('keeps the text, formats placeholders, strips colours; an Error by name, code, digest and frames only', () => {
    const err = Object.assign(new TypeError('kon Anna Peeters niet vinden'), { code: 'E_X', digest: '123' });
    const { fields, msg } = consoleEntry(['\x1b[31m⨯\x1b[39m %s failed:', 'render', err]);
    expect(msg).toBe('⨯ render failed: [TypeError]');
    expect(fields.err).toMatchObject({ errName: 'TypeError', errCode: 'E_X', digest: '123' });
    expect((fields.err as { stack: string[] }).stack[0]).toMatch(/^at /);
    expect(JSON.stringify({ fields, msg })).not.toContain('Anna');
  });

  it('shows an object as its kind and key names, never its values', () => {
    const { fields, msg } = consoleEntry(['user', { name: 'Anna Peeters', nationalNumber: '85073003328' }, new Map()]);
    expect(msg).toBe('user [Object] [Map]');
    expect(fields).toEqual({
      obj: { kind: 'Object', keys: ['name', 'nationalNumber'] },
      obj2: { kind: 'Map', keys: [] },
    });
  });
});

describe('routeProcessOutput (in this process)', () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('turns console calls and raw writes into log lines with a level and, inside a request, the reqId', () => {
    const { lines, logger } = capture();
    restore = routeProcessOutput(logger, { component: 'server' });
    requestContext.run({ reqId: 'req-abc-12345' }, () => {
      console.warn('⚠ a warning');
      process.stderr.write('raw ');
      process.stderr.write('stderr\nsecond');
    });
    console.debug('outside');
    restore();
    restore = undefined;
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        reqId: 'req-abc-12345',
        source: 'console',
        component: 'server',
        msg: '⚠ a warning',
      }),
      expect.objectContaining({ level: 40, reqId: 'req-abc-12345', source: 'stderr', msg: 'raw stderr' }),
      expect.objectContaining({ level: 20, source: 'console', msg: 'outside' }),
      // the partial line is written when the routing ends (or at exit)
      expect.objectContaining({ level: 40, source: 'stderr', msg: 'second' }),
    ]);
    expect(lines[2]).not.toHaveProperty('reqId');
  });

  it('does not recurse when the logger itself writes to process.stdout', () => {
    const written: string[] = [];
    const original = process.stdout.write;
    // a stand-in stdout that records what reaches the real stream
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written.push(chunk.toString());
      return true;
    }) as typeof process.stdout.write;
    try {
      const logger = createLogger({ write: (s: string) => void process.stdout.write(s) }, 'info');
      const r = routeProcessOutput(logger);
      console.log('once');
      process.stdout.write('raw\n');
      r();
    } finally {
      process.stdout.write = original;
    }
    expect(written.map((w) => JSON.parse(w).msg)).toEqual(['once', 'raw']);
  });
});

/** The fixture server (a stand-in for scripts/server.ts) as a process of its own. */
function startFixture() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/json-output-server.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', FORCE_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
  const lines = () => out.stdout.split('\n').filter((l) => l.trim() !== '');
  const parsed = () =>
    lines().flatMap((l) => {
      try {
        return [JSON.parse(l) as Line];
      } catch {
        return [];
      }
    });
  return { child, out, exited, lines, parsed };
}

describe('a server process with the routing', () => {
  it('writes only JSON lines to stdout and nothing to stderr; the request’s lines carry its reqId', async () => {
    const f = startFixture();
    try {
      await expect.poll(() => f.parsed().find((l) => l.msg === 'listening'), { timeout: 20_000 }).toBeTruthy();
      const port = f.parsed().find((l) => l.msg === 'listening')!.port;
      const res = await fetch(`http://127.0.0.1:${port}/x`, { headers: { 'x-request-id': 'req-fixture-0001' } });
      expect(res.status).toBe(200);
      await expect.poll(() => f.parsed().some((l) => l.access), { timeout: 10_000 }).toBe(true);
    } finally {
      f.child.kill('SIGTERM');
    }
    const [code] = await f.exited;
    expect(code).toBe(0);
    expect(f.out.stderr).toBe('');
    for (const l of f.lines()) {
      const entry = JSON.parse(l) as Line;
      expect(typeof entry.level, l).toBe('number');
    }
    const all = f.parsed();
    const inRequest = all.filter((l) => l.reqId === 'req-fixture-0001');
    const by = (source: string, msg: string) => inRequest.find((l) => l.source === source && l.msg === msg);
    expect(by('console', '⚠ a warning from next')).toMatchObject({ level: 40, component: 'server' });
    expect(by('console', '⨯ [Error]')).toMatchObject({ level: 50, err: { errName: 'Error', digest: 'DIGEST-1' } });
    expect(by('console', 'a plain log line [Object]')).toMatchObject({ level: 30 });
    expect(by('stderr', 'raw stderr line')).toMatchObject({ level: 40 });
    expect(by('stdout', 'raw stdout in two writes')).toMatchObject({ level: 30 });
    expect(by('stdout', 'and a second')).toMatchObject({ level: 30 });
    expect(all.find((l) => l.msg === '⚠ outside any request')).toMatchObject({ level: 40, component: 'server' });
    expect(all.find((l) => l.msg === '⚠ outside any request')).not.toHaveProperty('reqId');
    expect(f.out.stdout).not.toMatch(/Anna|85073003328/);
    // the colours are gone
    expect(f.out.stdout).not.toContain('\u001b[');
  });

  it('an uncaught exception leaves one fatal JSON line (no message) and exit code 1', async () => {
    const f = startFixture();
    await expect.poll(() => f.parsed().find((l) => l.msg === 'listening'), { timeout: 20_000 }).toBeTruthy();
    const port = f.parsed().find((l) => l.msg === 'listening')!.port;
    await fetch(`http://127.0.0.1:${port}/crash`).catch(() => undefined);
    const [code] = await f.exited;
    expect(code).toBe(1);
    expect(f.out.stderr).toBe('');
    for (const l of f.lines()) expect(() => JSON.parse(l), l).not.toThrow();
    expect(f.parsed().find((l) => l.msg === 'uncaught exception')).toMatchObject({ level: 60, errName: 'RangeError' });
    expect(f.out.stdout).not.toMatch(/Anna|85\.07\.30/);
  });
});
