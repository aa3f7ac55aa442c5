/**
 * Every line a server process writes is a JSON line (issue 14 §3, ADR 0046). Next.js (and the
 * libraries under the worker) print through `console.*` and, here and there, straight to
 * `process.stdout`/`process.stderr`; `routeProcessOutput` sends both through the pino logger, so
 * they carry a level, the request id when written while a request is handled, and the redaction.
 *
 * No recursion: the logger writes to file descriptor 1 itself (pino's sonic-boom, not
 * `process.stdout.write`), and a write made while a captured line is being logged goes straight
 * to the original stream — whatever destination a logger was given.
 *
 * Never content: an Error argument is logged as its name, code, Next's `digest` and its stack
 * frames (file positions), never its message (messages can quote data); any other object as its
 * kind and key names, never its values. Plain text arguments are Next's and the libraries' own
 * wording and are kept (ANSI colours removed).
 */
import { format, stripVTControlCharacters } from 'node:util';
import type { Logger } from 'pino';
import { errorInfo } from './logger';

type Level = 'debug' | 'info' | 'warn' | 'error';

const CONSOLE_LEVELS: Record<string, Level> = {
  debug: 'debug',
  trace: 'debug',
  log: 'info',
  info: 'info',
  warn: 'warn',
  error: 'error',
};

const MAX_FRAMES = 20;
const MAX_KEYS = 20;

/** An error for a log line: name, code, Next's digest and stack frames; never the message. */
export function errorForLog(err: Error): Record<string, unknown> {
  const frames = (typeof err.stack === 'string' ? err.stack.split('\n') : [])
    .filter((l) => /^\s+at /.test(l))
    .slice(0, MAX_FRAMES)
    .map((l) => l.trim());
  const digest = (err as { digest?: unknown }).digest;
  return {
    ...errorInfo(err),
    ...(typeof digest === 'string' ? { digest } : {}),
    ...(frames.length ? { stack: frames } : {}),
  };
}

const isStructured = (a: unknown): a is object => (typeof a === 'object' && a !== null) || typeof a === 'function';

/**
 * One console call as a log entry: the text arguments formatted as `console` would (placeholders
 * included), each Error as `err`, `err2`, … and each other object as `obj`, `obj2`, … (kind and
 * key names only); in the message they stand as `[name]`.
 */
export function consoleEntry(args: unknown[]): { fields: Record<string, unknown>; msg: string } {
  const fields: Record<string, unknown> = {};
  let errors = 0;
  let objects = 0;
  const text = args.map((a) => {
    if (!isStructured(a)) return a;
    if (a instanceof Error) {
      fields[errors++ ? `err${errors}` : 'err'] = errorForLog(a);
      return `[${errorInfo(a).errName}]`;
    }
    const kind = typeof a === 'function' ? 'Function' : (Object.getPrototypeOf(a)?.constructor?.name ?? 'Object');
    const keys = typeof a === 'function' ? [] : Object.keys(a).slice(0, MAX_KEYS);
    fields[objects++ ? `obj${objects}` : 'obj'] = { kind, keys };
    return `[${kind}]`;
  });
  return { fields, msg: stripVTControlCharacters(format(...text)).trim() };
}

type Write = NodeJS.WriteStream['write'];

/**
 * Routes `console.*` and raw writes to `process.stdout`/`process.stderr` through `log`, with
 * `base` (e.g. `{ component: 'server' }`) on each line and `source` saying where it came from.
 * Raw writes are cut into lines (a partial line waits for its end, or for the restore/exit);
 * stdout lines are `info`, stderr lines `warn`. Returns the restore function.
 */
export function routeProcessOutput(log: Logger, base: Record<string, unknown> = {}): () => void {
  let logging = false;
  const emit = (level: Level, fields: Record<string, unknown>, msg: string) => {
    logging = true;
    try {
      log[level]({ ...base, ...fields }, msg);
    } finally {
      logging = false;
    }
  };

  const restores: (() => void)[] = [];
  for (const [method, level] of Object.entries(CONSOLE_LEVELS)) {
    const c = console as unknown as Record<string, (...a: unknown[]) => void>;
    const original = c[method]!;
    c[method] = (...args: unknown[]) => {
      if (logging) return original.apply(console, args);
      const { fields, msg } = consoleEntry(args);
      if (msg !== '' || Object.keys(fields).length) emit(level, { source: 'console', ...fields }, msg);
    };
    restores.push(() => (c[method] = original));
  }

  const flushers: (() => void)[] = [];
  for (const [name, level] of [
    ['stdout', 'info'],
    ['stderr', 'warn'],
  ] as const) {
    const stream = process[name];
    const original = stream.write;
    let pending = '';
    const line = (l: string) => {
      const msg = stripVTControlCharacters(l).trim();
      if (msg !== '') emit(level, { source: name }, msg);
    };
    const flush = () => {
      const rest = pending;
      pending = '';
      line(rest);
    };
    stream.write = function (this: NodeJS.WriteStream, chunk: unknown, encoding?: unknown, cb?: unknown) {
      if (logging) return (original as (...a: unknown[]) => boolean).call(stream, chunk, encoding, cb);
      const enc = typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8';
      pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(enc);
      let i: number;
      while ((i = pending.indexOf('\n')) >= 0) {
        const l = pending.slice(0, i);
        pending = pending.slice(i + 1);
        line(l);
      }
      const done = typeof encoding === 'function' ? encoding : cb;
      if (typeof done === 'function') process.nextTick(done as () => void);
      return true;
    } as Write;
    flushers.push(flush);
    restores.push(() => {
      flush();
      stream.write = original;
    });
  }
  const onExit = () => flushers.forEach((f) => f());
  process.on('exit', onExit);
  return () => {
    process.off('exit', onExit);
    for (const r of restores.reverse()) r();
  };
}

/**
 * An uncaught exception or unhandled rejection: one `fatal` JSON line (name, code, frames, never
 * the message) and exit 1 — instead of Node's plain-text stack on stderr. The process dies as it
 * did before; only the line it leaves is JSON.
 */
export function exitOnUncaught(log: Logger, base: Record<string, unknown> = {}): void {
  process.on('uncaughtException', (err: unknown) => {
    const fields = err instanceof Error ? errorForLog(err) : errorInfo(err);
    log.fatal({ ...base, ...fields }, 'uncaught exception');
    process.exit(1);
  });
}
