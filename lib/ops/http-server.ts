/**
 * The web server around Next's request handler (issue 14 §3, ADR 0046): every request gets a
 * request id (a valid incoming `x-request-id`, or a new one), echoed in the response and carried
 * by an AsyncLocalStorage so that every log line written while it is handled names it; and one
 * access line when it ends: method, normalised route (no query string, ids as `:id`), status,
 * duration. Nothing else of the request is logged (no query, no headers, no body).
 */
import http from 'node:http';
import type { Logger } from 'pino';
import { logger as defaultLogger, normaliseRoute, requestContext, requestIdFrom } from './logger';

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

export type AccessRecord = { method: string; route: string; status: number; durationMs: number };

export function createAppServer(
  handle: RequestHandler,
  options: { logger?: Logger; onResponse?: (r: AccessRecord) => void } = {},
): http.Server {
  const log = options.logger ?? defaultLogger;
  return http.createServer((req, res) => {
    const reqId = requestIdFrom(req.headers['x-request-id']);
    const started = process.hrtime.bigint();
    res.setHeader('x-request-id', reqId);
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const record: AccessRecord = {
        method: req.method ?? 'GET',
        route: normaliseRoute(req.url),
        // a response cut off before its head was sent counts as a failure
        status: res.headersSent || res.writableFinished ? res.statusCode : 499,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      };
      requestContext.run({ reqId }, () => log.info({ access: true, ...record }, 'request'));
      options.onResponse?.(record);
    };
    res.on('finish', done);
    res.on('close', done);
    requestContext.run({ reqId }, () => {
      Promise.resolve()
        .then(() => handle(req, res))
        .catch((err: unknown) => {
          log.error({ errName: (err as Error)?.name ?? 'Error' }, 'request handler failed');
          if (!res.headersSent) {
            res.statusCode = 500;
            res.end();
          } else res.destroy();
        });
    });
  });
}

/**
 * Stops `server` gracefully: no new connections, idle keep-alive connections closed, the
 * registered long-lived responses ended (`endStreams`), in-flight requests finished. Resolves
 * true when everything closed within `timeoutMs`, false when connections had to be cut.
 */
export async function closeGracefully(
  server: http.Server,
  endStreams: () => unknown,
  timeoutMs = 20_000,
): Promise<boolean> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  endStreams();
  // a keep-alive connection becomes idle once its in-flight response is done
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const inTime = await Promise.race([
    closed.then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
  ]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (!inTime) {
    server.closeAllConnections();
    await closed;
  }
  return inTime;
}
