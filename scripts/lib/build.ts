import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './database';
import { run } from './run';

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) {
    if (e === 'node_modules' || e === 'generated' || e.startsWith('.')) continue;
    max = Math.max(max, newestMtime(path.join(p, e)));
  }
  return max;
}

/** Builds the app when there is no build yet or a source file is newer than the build. */
export async function buildIfNeeded(env: NodeJS.ProcessEnv, force = false): Promise<number> {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  const sources = [
    'app',
    'components',
    'lib',
    'prisma/schema.prisma',
    'next.config.ts',
    'package-lock.json',
    'app/globals.css',
  ];
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const newest = Math.max(...sources.map((s) => newestMtime(path.join(ROOT, s))));
  if (!force && built > newest) return 0;
  console.log('[start] de app wordt gebouwd (next build)…');
  return run('npx', ['next', 'build'], { ...env, NEXT_TELEMETRY_DISABLED: '1' }, ROOT);
}
