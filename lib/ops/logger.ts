/**
 * Structured JSON logs (issue 14 §3, ADR 0046): one pino logger for the web server, the app's
 * server code and the worker. Every line written while a request is handled carries its request
 * id (`reqId`), taken from an AsyncLocalStorage that the custom server (scripts/server.ts) fills.
 *
 * Never log personal data or case content: log ids, counts and error names/codes. The redaction
 * below is a second line of defence for known sensitive keys, not a licence to log objects.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';

export type RequestContext = { reqId: string };

/**
 * One store per process: Next bundles this module into its server chunks, while the custom
 * server loads it unbundled, so the instance lives on globalThis under a registered symbol.
 */
const STORE_KEY = Symbol.for('vhd.ops.requestContext');
const g = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestContext> | undefined>;
export const requestContext: AsyncLocalStorage<RequestContext> = (g[STORE_KEY] ??=
  new AsyncLocalStorage<RequestContext>());

/** Keys whose values never reach a log line, at the top level and one level down. */
export const SENSITIVE_KEYS = [
  'password',
  'passwd',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'authorization',
  'cookie',
  'set-cookie',
  'nationalNumber',
  'rijksregisternummer',
  'email',
  'name',
  'firstName',
  'lastName',
  'phone',
  'address',
  'birthDate',
  'notes',
  'body',
  'content',
  'query',
  'q',
];

const REDACT_PATHS = SENSITIVE_KEYS.flatMap((k) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`;
  const nested = key.startsWith('[') ? `*${key}` : `*.${key}`;
  return [key, nested];
});

/** A logger writing to `destination` (stdout by default); tests pass a stream of their own. */
export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      mixin: () => {
        const ctx = requestContext.getStore();
        return ctx ? { reqId: ctx.reqId } : {};
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

const LOGGER_KEY = Symbol.for('vhd.ops.logger');
const gl = globalThis as unknown as Record<symbol, Logger | undefined>;
/** The process's logger (shared between Next's bundles and the custom server). */
export const logger: Logger = (gl[LOGGER_KEY] ??= createLogger());

/** An error's name and code, never its message (messages may quote data). */
export function errorInfo(err: unknown): { errName: string; errCode?: string } {
  const e = err as { name?: unknown; code?: unknown } | null | undefined;
  const errName = typeof e?.name === 'string' ? e.name : typeof err;
  const code = e?.code;
  return typeof code === 'string' || typeof code === 'number' ? { errName, errCode: String(code) } : { errName };
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** An incoming x-request-id when it is short and plain ([A-Za-z0-9-], 8–64), otherwise a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return v && REQUEST_ID.test(v) ? v : crypto.randomUUID();
}

const ID_SEGMENT =
  /^(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|c[a-z0-9]{20,}|[A-Za-z0-9_-]{20,}|[0-9a-f]{16,})$/i;

/**
 * The route of a URL for logs and metrics: no query string (it can hold search terms), ids and
 * other long or numeric segments replaced by `:id`, Next's build-hashed assets collapsed.
 */
export function normaliseRoute(url: string | undefined): string {
  const pathname = (url ?? '/').split(/[?#]/, 1)[0] || '/';
  if (pathname.startsWith('/_next/static/')) return '/_next/static/*';
  if (pathname.startsWith('/_next/image')) return '/_next/image';
  const segments = pathname.split('/').map((s) => {
    if (s === '') return s;
    let d: string;
    try {
      d = decodeURIComponent(s);
    } catch {
      return ':id';
    }
    return ID_SEGMENT.test(d) || /[^A-Za-z0-9._-]/.test(d) ? ':id' : d;
  });
  return segments.join('/') || '/';
}
