/**
 * Graceful shutdown (issue 14 §3, ADR 0046): long-lived responses (the SSE streams of
 * lib/realtime) register a hook here that ends them; the web server (scripts/server.ts) runs the
 * hooks on SIGTERM after it stopped accepting connections. On globalThis: the server loads this
 * module unbundled, the route handlers from Next's bundle.
 */
type Hooks = Set<() => void>;
const KEY = Symbol.for('vhd.ops.shutdownHooks');
const g = globalThis as unknown as Record<symbol, Hooks | undefined>;
const hooks = (): Hooks => (g[KEY] ??= new Set());

/** Registers `fn` to run on shutdown; returns the function that unregisters it. */
export function onShutdown(fn: () => void): () => void {
  hooks().add(fn);
  return () => void hooks().delete(fn);
}

/** Runs (and forgets) every registered hook; one that throws does not stop the others. */
export function runShutdownHooks(): number {
  const all = [...hooks()];
  hooks().clear();
  for (const fn of all) {
    try {
      fn();
    } catch {
      /* a stream that is already gone */
    }
  }
  return all.length;
}
