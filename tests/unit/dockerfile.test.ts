import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 14 §5 (ADR 0048): no Docker engine runs here, so the image is not built in CI — but what
 * the build stage copies can be checked: a source root the Next build reads and that is missing
 * from the image still builds (Next simply does not see it) and ships without it. That happened:
 * `proxy.ts` (the per-request Content-Security-Policy nonce, HSTS, the 413 on oversized bodies)
 * was not copied, so the image would have served pages without their CSP.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

/** The sources of the COPY lines (not --from) of one stage. */
function copiedIn(stage: string): Set<string> {
  const lines = dockerfile.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^FROM\\s+\\S+\\s+AS\\s+${stage}\\s*$`, 'i').test(l));
  expect(start, `stage ${stage}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && /^FROM\s/i.test(l));
  const copied = new Set<string>();
  for (const line of lines.slice(start + 1, end === -1 ? undefined : end)) {
    const m = /^COPY\s+(?!.*--from)(?:--\S+\s+)*(.+)$/i.exec(line.trim());
    if (!m) continue;
    const parts = m[1]!.split(/\s+/);
    for (const src of parts.slice(0, -1)) copied.add(src.replace(/^\.\//, '').replace(/\/$/, ''));
  }
  return copied;
}

/** Every file under `dir` with one of the extensions. */
function filesUnder(dir: string, ext: RegExp): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('Dockerfile (ADR 0048)', () => {
  it("the build stage copies every root the Next build reads: Next's root files that exist, and every '@/…' root the code imports", () => {
    const copied = copiedIn('build');
    // the conventions Next reads from the project root, when present
    const conventions = [
      'proxy.ts',
      'middleware.ts',
      'instrumentation.ts',
      'instrumentation-client.ts',
      'next.config.ts',
      'tsconfig.json',
      'postcss.config.mjs',
      'public',
      'app',
    ].filter((f) => fs.existsSync(path.join(ROOT, f)));
    expect(conventions).toContain('proxy.ts');
    // what app/, components/, lib/ and the root files import through the '@/' alias
    const sources = [
      ...filesUnder('app', /\.(ts|tsx)$/),
      ...filesUnder('components', /\.(ts|tsx)$/),
      ...filesUnder('lib', /\.(ts|tsx)$/).filter((f) => !f.includes(`${path.sep}generated${path.sep}`)),
      ...conventions.filter((f) => f.endsWith('.ts')).map((f) => path.join(ROOT, f)),
    ];
    const roots = new Set<string>();
    for (const file of sources)
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/from '@\/([^/']+)/g)) roots.add(m[1]!);
    expect(roots.has('lib')).toBe(true);
    const missing = [...new Set([...conventions, ...roots])].filter((f) => !copied.has(f));
    expect(missing).toEqual([]);
    // and .dockerignore keeps none of them out of the build context
    const ignored = fs
      .readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
    expect([...copied].filter((c) => ignored.includes(c))).toEqual([]);
  });

  it('the runtime copies the built app and what the server and the worker start from, and runs as a non-root user', () => {
    expect(dockerfile).toMatch(/COPY --from=build \/app\/\.next \.\/\.next/);
    for (const dir of ['lib', 'scripts', 'prisma'])
      expect(dockerfile).toMatch(new RegExp(`COPY --from=build /app/${dir} \\./${dir}`));
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile.match(/^USER node$/gm)?.length).toBeGreaterThanOrEqual(2);
  });
});
