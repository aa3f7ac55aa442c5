import fs from 'node:fs';
import path from 'node:path';

/**
 * Summarises V8 CPU profiles (`node --cpu-prof`) of the app server: where its CPU went, by
 * function and by part (React, Next.js, Prisma, pg, next-auth, our code, GC …). Issue 11 §3:
 * "profile the Node process". Used by `npm run bench -- --cpu-prof`; also runnable on a folder:
 * `npx tsx scripts/bench/profile.ts bench-results/<stamp>-logs/profile`.
 */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const PARTS: [RegExp, string][] = [
  [/^\(idle\)$/, 'idle'],
  [/^\(garbage collector\)$/, 'garbage collector'],
  [/^\(program\)$/, 'V8 / native (program)'],
  [/react-dom|react-server-dom|compiled\/react/, 'React (render, flight)'],
  [/next\/dist/, 'Next.js'],
  [/@prisma|prisma\/client|generated\/prisma|query_compiler|query-compiler/, 'Prisma'],
  [/node_modules\/pg|pg-protocol|pg-pool|postgres-/, 'pg driver'],
  [/next-auth|jose|@panva|oauth/, 'next-auth / jose'],
  [/zod/, 'zod'],
  [/\.next\/server/, 'app bundle (our code and bundled libraries)'],
  [/^node:|^internal\//, 'Node.js internals'],
];

function partOf(frame: CallFrame): string {
  const key = frame.url || frame.functionName;
  for (const [re, name] of PARTS) if (re.test(key)) return name;
  return frame.url ? path.basename(frame.url) : '(native)';
}

export function summariseCpuProfiles(dir: string, top = 25): string {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  if (!files.length) return `No CPU profile in ${dir}.`;
  const byPart = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const f of files) {
    const p = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CpuProfile;
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((id, i) => {
      const dt = (p.timeDeltas[i] ?? 0) / 1000; // µs -> ms
      const frame = nodes.get(id)!.callFrame;
      const part = partOf(frame);
      byPart.set(part, (byPart.get(part) ?? 0) + dt);
      if (part !== 'idle') {
        const name = `${frame.functionName || '(anonymous)'} ${frame.url ? `${frame.url.replace(/^.*\/(node_modules|\.next)\//, '$1/')}:${frame.lineNumber + 1}` : ''}`;
        byFunction.set(name, (byFunction.get(name) ?? 0) + dt);
      }
      total += dt;
    });
  }
  const busy = total - (byPart.get('idle') ?? 0);
  const pct = (v: number, of: number) => `${((100 * v) / of).toFixed(1)} %`;
  const rows = (m: Map<string, number>, n: number, of: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `| ${k.replace(/\|/g, '\\|')} | ${v.toFixed(0)} ms | ${pct(v, of)} |`);
  return [
    `CPU profile of the app server (${files.length} file(s)): ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy.`,
    '',
    '| part (self time) | ms | share of busy |',
    '|---|---|---|',
    ...rows(new Map([...byPart].filter(([k]) => k !== 'idle')), 20, busy),
    '',
    `| top ${top} functions (self time) | ms | share of busy |`,
    '|---|---|---|',
    ...rows(byFunction, top, busy),
  ].join('\n');
}

if (process.argv[1]?.endsWith('scripts/bench/profile.ts')) {
  console.log(summariseCpuProfiles(process.argv[2] ?? '.'));
}
