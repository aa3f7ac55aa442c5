/**
 * Node flags for the web app's server process (issue 11 §3). A larger young generation: a page
 * view allocates a few MB (Prisma results, React's render, the HTML), and with V8's default
 * 16 MB semi-space the server spent about a tenth of its CPU in scavenges. Measured with
 * `npm run bench` (3 runs × 8 s, concurrency 10): the dossier list 55.8 → 74.5 req/s, the dossier
 * page 52.8 → 58.7 req/s; 64 MB gained nothing more. Used by `npm start`, the bench and (as a
 * literal) the Dockerfile.
 */
export const APP_NODE_FLAGS = ['--max-semi-space-size=32'];
