/**
 * Per-route request latency and error counts (issue 14 §3, ADR 0046), recorded by our web server
 * (lib/ops/http-server.ts, scripts/server.ts) and rendered by /api/metrics. One registry per
 * process on globalThis: the server loads this module unbundled, the route handler from Next's
 * bundle, and both must see the same histogram. Labels: method, normalised route (ids as `:id`,
 * never a query string), status class — a bounded set, never a name or a dossier.
 */
import { Counter, Histogram, Registry } from 'prom-client';
import type { AccessRecord } from './http-server';

type HttpMetrics = { registry: Registry; duration: Histogram; errors: Counter };
const KEY = Symbol.for('vhd.ops.httpMetrics');
const g = globalThis as unknown as Record<symbol, HttpMetrics | undefined>;

export function httpMetrics(): HttpMetrics {
  return (g[KEY] ??= (() => {
    const registry = new Registry();
    return {
      registry,
      duration: new Histogram({
        name: 'vhd_http_request_duration_seconds',
        help: 'HTTP request duration per method, normalised route and status class',
        labelNames: ['method', 'route', 'status'],
        buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
      }),
      errors: new Counter({
        name: 'vhd_http_request_errors_total',
        help: 'HTTP responses with status 500 or higher (or cut off), per method and normalised route',
        labelNames: ['method', 'route'],
        registers: [registry],
      }),
    };
  })());
}

/** One finished request: its duration by status class, and an error when 5xx or cut off. */
export function recordRequest(r: AccessRecord): void {
  const m = httpMetrics();
  const status = `${Math.floor(r.status / 100)}xx`;
  m.duration.observe({ method: r.method, route: r.route, status }, r.durationMs / 1000);
  if (r.status >= 500 || r.status === 499) m.errors.inc({ method: r.method, route: r.route });
}
