import http from 'node:http';

/**
 * A small local reverse proxy in front of the app instances (issue 14 §5; ADR 0048): round-robin
 * per request, like a Kubernetes Service or an ingress without session affinity, so every
 * request may land on another instance. Responses are piped unbuffered, so server-sent events
 * stream through as they are written. The Host header is passed on unchanged (the server actions'
 * origin check compares Origin with it), X-Forwarded-For/-Proto are added as a real proxy does.
 *
 * For the tests only: a request with `x-vhd-upstream: <index>` goes to that instance, so a test
 * can put two browsers on different instances deterministically; every response says which
 * instance served it in `x-vhd-instance`. Usage: npx tsx tests/helpers/proxy.ts <port> <upstream port>...
 */

/** The proxy's port in the e2e run (E2E_PORT+2 and +3 belong to the OIDC instance and its IdP). */
export const proxyPort = (port: number) => port + 5;

export function startProxy(listenPort: number, upstreams: number[]): Promise<http.Server> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const pinned = Number(req.headers['x-vhd-upstream']);
    const index = Number.isInteger(pinned) && upstreams[pinned] ? pinned : next++ % upstreams.length;
    const upstream = upstreams[index]!;
    const headers = { ...req.headers };
    delete headers['x-vhd-upstream'];
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? '127.0.0.1';
    headers['x-forwarded-proto'] = 'http';
    const out = http.request(
      { host: '127.0.0.1', port: upstream, method: req.method, path: req.url, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { ...up.headers, 'x-vhd-instance': String(upstream) });
        // no buffering: every chunk (an SSE event) is written to the client as it arrives
        res.flushHeaders();
        up.pipe(res);
      },
    );
    out.on('error', (err) => {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`proxy: ${err.message}`);
      } else res.destroy(err);
    });
    // the client went away (e.g. an EventSource closed): close the upstream request too
    res.on('close', () => out.destroy());
    req.pipe(out);
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => server.listen(listenPort, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1]?.endsWith('proxy.ts')) {
  const [listen, ...ups] = process.argv.slice(2).map(Number);
  if (!listen || ups.length === 0) {
    console.error('usage: proxy.ts <port> <upstream port>...');
    process.exit(2);
  }
  void startProxy(listen, ups).then(() => console.log(`[proxy] :${listen} -> ${ups.join(', ')}`));
}
