/**
 * `npm run bench` (issue 11 §1; docs/performance.md): the large data set (scripts/bench/generate.ts),
 * the production build against it, sessions for the demo users, and autocannon on the pages at
 * concurrency 1, 10 and 50 — with the raw-pg floor (scripts/bench/floor.ts) for the list and
 * the dossier page in the same run. Prints a Markdown table and writes it, with the JSON, to
 * bench-results/<timestamp>.{md,json}.
 *
 * Flags / env:
 *   --quick                 smoke run: 1 run of 3 s per point, concurrency 1 and 10
 *   --runs N   BENCH_RUNS   runs per point, the median is reported (default 3)
 *   --duration S  BENCH_DURATION  seconds per run (default 8)
 *   --concurrency 1,10,50   BENCH_CONCURRENCY
 *   --only a,b              only the pages whose key contains one of these
 *   --no-build              use the existing .next as it is
 *   --no-floor              skip the floor server
 *   --force-generate        generate the data set again
 *   BENCH_PORT (3456), FLOOR_PORT (3457), BENCH_SEED, BENCH_DOSSIERS, BENCH_AUDIT_ROWS
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import autocannon from 'autocannon';
import { encode } from 'next-auth/jwt';
import { ROOT } from '../lib/database';
import { buildIfNeeded } from '../lib/build';
import { APP_NODE_FLAGS } from '../lib/runtime';
import { prepareBenchDatabase, parseGenerateOptions, BYPASSED } from './generate';
import { summariseCpuProfiles } from './profile';
import { runAuditVerification } from '../../lib/audit/verify-db';
import { startSealer } from '../../lib/audit/sealer';
import { RISK_FACTORS } from '../../lib/referrals/risk-screening';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const opt = (name: string, env: string | undefined, dflt: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1]! : (env ?? dflt);
};
const quick = flag('--quick');
const RUNS = Number(opt('--runs', process.env.BENCH_RUNS, quick ? '1' : '3'));
const DURATION = Number(opt('--duration', process.env.BENCH_DURATION, quick ? '3' : '8'));
const CONCURRENCY = opt('--concurrency', process.env.BENCH_CONCURRENCY, quick ? '1,10' : '1,10,50')
  .split(',')
  .map(Number);
const ONLY = opt('--only', process.env.BENCH_ONLY, '').split(',').filter(Boolean);
const PORT = Number(process.env.BENCH_PORT ?? 3456);
const FLOOR_PORT = Number(process.env.FLOOR_PORT ?? 3457);
const BASE = `http://127.0.0.1:${PORT}`;
const FLOOR = `http://127.0.0.1:${FLOOR_PORT}`;

const children: ChildProcess[] = [];
let stopCluster: (() => Promise<void>) | null = null;
let stopSealer: (() => Promise<void>) | null = null;
async function cleanup() {
  for (const c of children)
    if (c.exitCode === null && c.pid) {
      try {
        process.kill(-c.pid, 'SIGTERM');
      } catch {
        c.kill('SIGTERM');
      }
    }
  await new Promise((r) => setTimeout(r, 1500));
  if (stopSealer) await stopSealer().catch(() => undefined);
  if (stopCluster) await stopCluster().catch(() => undefined);
}
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => void cleanup().finally(() => process.exit(130)));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** RSS (MB) of a process and all its descendants. */
function treeRssMb(pid: number): number {
  try {
    const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' });
    const rows = out
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
    const kids = new Map<number, number[]>();
    for (const [p, pp] of rows) kids.set(pp, [...(kids.get(pp) ?? []), p]);
    const rss = new Map(rows.map(([p, , r]) => [p, r]));
    let total = 0;
    const stack = [pid];
    while (stack.length) {
      const p = stack.pop()!;
      total += rss.get(p) ?? 0;
      stack.push(...(kids.get(p) ?? []));
    }
    return Math.round(total / 1024);
  } catch {
    return 0;
  }
}

async function waitFor(url: string, timeoutMs: number, headers: Record<string, string> = {}) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(5000) });
      if (r.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await sleep(500);
  }
}

interface Target {
  key: string;
  label: string;
  user: string;
  path: string;
  floorPath?: string;
  note?: string;
  /** a form POST (a server action without JavaScript): its body, and the status that means success */
  post?: { body: Buffer; contentType: string; okStatus: number };
}

interface Point {
  key: string;
  label: string;
  concurrency: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
  floorRps: number | null;
  floorP95: number | null;
  ratio: number | null;
  skipped?: string;
  runs: RunResult[];
  floorRuns?: RunResult[];
}

interface RunResult {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  ok: number;
  errors: number;
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
const median = (xs: number[]) => {
  const s = [...xs].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};

/** autocannon's instance is a promise and an event emitter (its types only say the first). */
type Cannon = Promise<autocannon.Result> & {
  on(event: 'response', fn: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
};

/** One autocannon run; latencies of the 2xx responses, measured per response. */
async function measure(
  url: string,
  cookie: string,
  connections: number,
  seconds: number,
  rss?: { pid: number; max: number },
  post?: Target['post'],
): Promise<RunResult> {
  const latencies: number[] = [];
  let ok = 0;
  let bad = 0;
  const sampler = rss ? setInterval(() => (rss.max = Math.max(rss.max, treeRssMb(rss.pid))), 1000) : null;
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    headers: post
      ? { cookie, 'content-type': post.contentType, origin: new URL(url).origin, accept: 'text/html' }
      : { cookie },
    ...(post ? { method: 'POST' as const, body: post.body } : {}),
  }) as unknown as Cannon;
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (post ? statusCode === post.okStatus : statusCode >= 200 && statusCode < 300) {
      ok++;
      latencies.push(responseTime);
    } else bad++;
  });
  const result = await instance;
  if (sampler) clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  return {
    rps: ok / (result.duration || seconds),
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    ok,
    errors: bad + result.errors + result.timeouts,
  };
}

const SOAK = Number(opt('--soak', process.env.BENCH_SOAK, '0'));

/**
 * `--soak <seconds>` (issue 11 §5): the coordinator's list, dossier page and inbox in turn at one
 * concurrency for a long time, sampling every 10 s the app server's resident memory (process
 * tree) and the database's connections. Plateau: the highest RSS of the last third is at most
 * 10 % above that of the middle third; connections never above the first minute's maximum.
 */
async function soak(o: {
  seconds: number;
  connections: number;
  cookie: string;
  paths: string[];
  appPid: number;
  rssIdle: number;
  owner: pg.Client;
}): Promise<{ md: string; json: unknown }> {
  const samples: { t: number; rssMb: number; connections: number; ok: number; errors: number }[] = [];
  let ok = 0;
  let bad = 0;
  const started = Date.now();
  const connectionsNow = async () =>
    Number(
      (
        await o.owner.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        )
      ).rows[0]!.n,
    );
  const sample = async () =>
    samples.push({
      t: Math.round((Date.now() - started) / 1000),
      rssMb: treeRssMb(o.appPid),
      connections: await connectionsNow(),
      ok,
      errors: bad,
    });
  console.log(`[bench] soak: ${o.seconds} s at concurrency ${o.connections} over ${o.paths.join(', ')}`);
  await sample();
  const timer = setInterval(() => void sample(), 10_000);
  const instance = autocannon({
    url: BASE,
    connections: o.connections,
    duration: o.seconds,
    timeout: 30,
    headers: { cookie: o.cookie },
    requests: o.paths.map((p) => ({ method: 'GET' as const, path: p })),
  }) as unknown as Cannon;
  instance.on('response', (_c, status) => (status >= 200 && status < 300 ? ok++ : bad++));
  const result = await instance;
  clearInterval(timer);
  await sample();
  const third = Math.max(1, Math.floor(samples.length / 3));
  const max = (xs: number[]) => Math.max(...xs);
  const middle = max(samples.slice(third, 2 * third).map((x) => x.rssMb));
  const last = max(samples.slice(2 * third).map((x) => x.rssMb));
  const firstMinute = max(samples.filter((x) => x.t <= 60).map((x) => x.connections));
  const connectionsMax = max(samples.map((x) => x.connections));
  const plateau = last <= middle * 1.1;
  const errors = bad + result.errors + result.timeouts;
  const md = [
    `# npm run bench -- --soak ${o.seconds} — ${new Date().toISOString()}`,
    '',
    `Concurrency ${o.connections}, pages in turn: ${o.paths.join(', ')}. ${ok} responses 2xx, ${errors} errors, ${(ok / o.seconds).toFixed(1)} req/s.`,
    `App server RSS (process tree): idle ${o.rssIdle} MB; highest in the middle third ${middle} MB, in the last third ${last} MB — ${plateau ? 'a plateau' : 'STILL GROWING'}.`,
    `Database connections (all clients of the bench database): at most ${firstMinute} in the first minute, at most ${connectionsMax} overall — ${connectionsMax <= firstMinute ? 'no growth' : 'GROWING'}.`,
    '',
    '| s | RSS MB | connections | 2xx so far | errors so far |',
    '|---|---|---|---|---|',
    ...samples.map((x) => `| ${x.t} | ${x.rssMb} | ${x.connections} | ${x.ok} | ${x.errors} |`),
  ].join('\n');
  return { md, json: { seconds: o.seconds, connections: o.connections, ok, errors, plateau, samples } };
}

/** After a point, wait until the server answers a cheap page again (slow requests may still run). */
async function settle(cookie: string) {
  const end = Date.now() + 90_000;
  while (Date.now() < end) {
    const t = Date.now();
    try {
      const r = await fetch(`${BASE}/`, {
        headers: { cookie },
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      await r.arrayBuffer();
      if (r.status === 200 && Date.now() - t < 1500) return;
    } catch {
      // still busy
    }
    await sleep(1000);
  }
}

function spawnLogged(cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, 'w');
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', out, out], detached: true });
  children.push(child);
  return child;
}

const fmt = (n: number | null, digits = 1) => (n === null || Number.isNaN(n) ? '–' : n.toFixed(digits));
const ms = (n: number) => (Number.isNaN(n) ? '–' : `${Math.round(n)} ms`);

const REFERRER = 'aanmelder.huisarts@vhd.test';

/** The hidden fields React renders into a form whose action is a server action (progressive enhancement). */
function actionFields(html: string): [string, string][] {
  const unescape = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)]
    .map((m) => [m[0].match(/name="([^"]*)"/)?.[1], m[0].match(/value="([^"]*)"/)?.[1] ?? ''] as const)
    .filter((f): f is readonly [string, string] => !!f[0] && f[0].startsWith('$ACTION'))
    .map(([n, v]) => [unescape(n), unescape(v)]);
}

/**
 * A complete referral of a new client system to Antwerpen, submitted by a referrer (the demo's
 * general practitioner) through the form of /aanmeldingen/nieuw as a browser without JavaScript
 * posts it; success is the 303 to the new dossier. One warm-up post checks that it works.
 */
async function referralTarget(cookie: string, owner: pg.Client): Promise<Target> {
  const page = await fetch(`${BASE}/aanmeldingen/nieuw`, { headers: { cookie } });
  const html = await page.text();
  const hidden = actionFields(html);
  if (page.status !== 200 || !hidden.length) throw new Error(`referral form: HTTP ${page.status}, no action fields`);
  const house = (await owner.query<{ id: string }>(`SELECT id FROM "SafeHouse" WHERE code = 'ANT'`)).rows[0]!.id;
  const fd = new FormData();
  for (const [n, v] of hidden) fd.append(n, v);
  const fields: Record<string, string> = {
    safeHouseId: house,
    clientSystemLabel: 'Gezin Benchmark',
    'members.0.memberRole': 'VICTIM',
    'members.0.firstName': 'Els',
    'members.0.lastName': 'Benchmark',
    'members.0.dateOfBirth': '1984-05-17',
    'members.0.sex': 'FEMALE',
    'members.1.memberRole': 'ALLEGED_PERPETRATOR',
    'members.1.firstName': 'Dirk',
    'members.1.lastName': 'Benchmark',
    'members.1.isMinor': 'nee',
    'members.1.sex': 'MALE',
    situation: 'Herhaald fysiek geweld de voorbije maanden, escalatie na aangekondigde scheiding.',
    actionsTaken: 'Gesprekken bij de huisarts.',
    riskJudgement: 'HIGH',
    riskJudgementReason: 'Escalatie en doodsbedreigingen.',
    clientInformed: 'nee',
    notInformedReason: 'Veiligheid van het slachtoffer.',
    involvedOrganisations: 'Huisarts',
    intent: 'submit',
  };
  for (const [n, v] of Object.entries(fields)) fd.append(n, v);
  fd.append('violenceForms', 'PARTNER_VIOLENCE');
  fd.append('violenceTypes', 'PHYSICAL');
  for (const f of RISK_FACTORS) fd.append(`riskAnswers.${f.key}`, 'UNKNOWN');
  const encoded = new Response(fd);
  const body = Buffer.from(await encoded.arrayBuffer());
  const contentType = encoded.headers.get('content-type')!;
  const post = { body, contentType, okStatus: 303 };
  const check = await fetch(`${BASE}/aanmeldingen/nieuw`, {
    method: 'POST',
    headers: { cookie, 'content-type': contentType, origin: BASE, accept: 'text/html' },
    body,
    redirect: 'manual',
  });
  const location = check.headers.get('location') ?? '';
  await check.arrayBuffer();
  if (check.status !== 303 || !/\/dossiers\/[0-9a-f-]{36}/.test(location))
    throw new Error(
      `referral submission: HTTP ${check.status} (${location || 'no redirect'}), expected 303 to the dossier`,
    );
  return {
    key: 'referral',
    label: 'referral submission (referrer, form POST)',
    user: REFERRER,
    path: '/aanmeldingen/nieuw',
    post,
  };
}

async function main() {
  const started = Date.now();
  fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const logDir = path.join(ROOT, 'bench-results', `${stamp}-logs`);
  fs.mkdirSync(logDir, { recursive: true });

  // 1. data set
  const gen = parseGenerateOptions(argv.includes('--force-generate') ? ['--force', ...argv] : argv);
  const db = await prepareBenchDatabase(gen);
  stopCluster = db.embedded ? () => db.embedded!.stop() : null;
  const owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  // what the worker of `npm start` does every ten minutes (ADR 0026): the chain check whose result
  // the DPO's page shows — on from the last stored one, so only the first run walks the 1 M rows
  const checked = Date.now();
  const verification = await runAuditVerification(owner, 'incremental');
  console.log(
    `[bench] access-log chain check (${verification.scope}): ${verification.ok ? 'intact' : 'BROKEN'} through row ${verification.toSeq}, ${verification.checked} rows in ${((Date.now() - checked) / 1000).toFixed(1)} s`,
  );
  // and what its sealer does every two seconds (ADR 0028), so the log is chained while we measure
  stopSealer = startSealer(db.ownerUrl);
  const env: NodeJS.ProcessEnv = {
    ...db.env,
    APP_DATABASE_URL: db.appUrl,
    NEXTAUTH_URL: BASE,
    NEXT_TELEMETRY_DISABLED: '1',
  };

  // 2. build (or reuse .next) and start the production server, as scripts/start.ts does
  if (!flag('--no-build')) {
    const code = await buildIfNeeded(env);
    if (code !== 0) throw new Error('next build failed (use --no-build to measure the existing .next)');
  }
  const appEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: 'production' };
  // flags for the app server only (e.g. --max-semi-space-size=32), to compare runtime settings
  if (process.env.BENCH_APP_NODE_OPTIONS) appEnv.NODE_OPTIONS = process.env.BENCH_APP_NODE_OPTIONS;
  delete appEnv.DATABASE_URL;
  delete appEnv.APP_DB_PASSWORD;
  delete appEnv.AUDIT_CHECKPOINT_PRIVATE_KEY;
  // --cpu-prof: V8 CPU profiles of the app server, summarised at the end (issue 11 §3)
  const profileDir = path.join(logDir, 'profile');
  const app = spawnLogged(
    process.execPath,
    [
      // as npm start runs it (scripts/lib/runtime.ts)
      ...APP_NODE_FLAGS,
      ...(flag('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      // our server around Next's handler, as npm start and the image run it (ADR 0046)
      '--import',
      'tsx',
      path.join(ROOT, 'scripts/server.ts'),
      '-p',
      String(PORT),
      '-H',
      '127.0.0.1',
    ],
    appEnv,
    path.join(logDir, 'next.log'),
  );
  const floor = flag('--no-floor')
    ? null
    : spawnLogged(
        process.execPath,
        [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/bench/floor.ts')],
        { ...appEnv, FLOOR_PORT: String(FLOOR_PORT) },
        path.join(logDir, 'floor.log'),
      );
  await waitFor(`${BASE}/login`, 120_000);
  if (floor) await waitFor(`${FLOOR}/health`, 60_000);

  // 3. sessions: made directly as the owner, as a completed login (password + TOTP) makes them —
  //    the same shortcut as tests/e2e/helpers.ts directSession(); the login itself is not measured.
  const users = new Map<string, { id: string; name: string }>();
  for (const r of (
    await owner.query<{ id: string; name: string; email: string }>(
      `SELECT id, name, email FROM "User" WHERE email LIKE '%@vhd.test'`,
    )
  ).rows)
    users.set(r.email, r);
  const sessions = new Map<string, { cookie: string; floorCookie: string }>();
  async function session(email: string) {
    const have = sessions.get(email);
    if (have) return have;
    const u = users.get(email);
    if (!u) throw new Error(`demo user ${email} missing`);
    const token = crypto.randomBytes(32).toString('base64url');
    await owner.query(
      `INSERT INTO "AuthSession" ("userId", "tokenHash", "expiresAt", "idleMinutes", "secondFactorAt", "secondFactorMethod", "userAgent")
       VALUES ($1, encode(sha256(convert_to($2, 'UTF8')), 'hex'), now() + interval '12 hours', 480, now(), 'TOTP', 'npm run bench')`,
      [u.id, token],
    );
    const jwt = await encode({
      token: { uid: u.id, name: u.name, sid: token },
      secret: env.NEXTAUTH_SECRET!,
      maxAge: 12 * 3600,
    });
    const s = { cookie: `next-auth.session-token=${jwt}`, floorCookie: `floor-session=${token}` };
    sessions.set(email, s);
    return s;
  }

  // 4. what to measure: a rich case of Antwerpen (most content) and the DPO's filter
  const rich = (
    await owner.query<{ id: string; reference: string }>(`
      SELECT d.id, d.reference FROM "Dossier" d JOIN "SafeHouse" h ON h.id = d."safeHouseId"
       WHERE h.code = 'ANT' AND d.status = 'IN_TRAJECTORY' AND d.reference LIKE 'VH-ANT-%-B%'
       ORDER BY (SELECT count(*) FROM "InformationItem" i WHERE i."dossierId" = d.id)
              + (SELECT count(*) FROM "ClientMember" m WHERE m."dossierId" = d.id)
              + (SELECT count(*) FROM "CaseParticipant" p WHERE p."dossierId" = d.id)
              + (SELECT count(*) FROM "AgendaItem" a WHERE a."dossierId" = d.id) DESC, d.reference
       LIMIT 1`)
  ).rows[0];
  if (!rich) throw new Error('no rich case in the data set');
  const counts = (
    await owner.query(
      `SELECT (SELECT count(*) FROM "Dossier")::int AS dossiers, (SELECT count(*) FROM "AuditEvent")::int AS audit`,
    )
  ).rows[0];
  const coord = 'coordinator.antwerpen@vhd.test';
  const targets: Target[] = [
    // the dossier list moved to /dossiers (issue 13 §1); the floor serves it at '/'
    { key: 'list-coordinator', label: 'dossier list (coordinator)', user: coord, path: '/dossiers', floorPath: '/' },
    {
      key: 'list-participant',
      label: 'dossier list (participant)',
      user: 'kernpartner.politie@vhd.test',
      path: '/dossiers',
      floorPath: '/',
    },
    // Mijn werk, the start page (issue 13 §1; ADR 0038): every kind of waiting work in one transaction
    { key: 'work-coordinator', label: 'Mijn werk (coordinator)', user: coord, path: '/' },
    { key: 'work-participant', label: 'Mijn werk (participant)', user: 'kernpartner.politie@vhd.test', path: '/' },
    {
      key: 'dossier',
      label: `dossier page (rich case ${rich.reference})`,
      user: coord,
      path: `/dossiers/${rich.id}`,
      floorPath: `/dossiers/${rich.id}`,
    },
    { key: 'triage', label: 'triage inbox', user: coord, path: '/triage' },
    { key: 'conference', label: 'conference workspace', user: coord, path: `/dossiers/${rich.id}/casusoverleg` },
    {
      key: 'dpo',
      label: 'DPO log (filter: action + period)',
      user: 'dpo@vhd.test',
      path: '/toegangslog?actie=dossier.view&van=2026-10-01&tot=2026-11-30',
    },
    {
      key: 'statistics',
      label: 'statistics (analyst, 2026)',
      user: 'analist@vhd.test',
      path: '/statistieken?periode=2026',
    },
    { key: 'pdf', label: 'conference PDF', user: coord, path: `/api/v1/dossiers/${rich.id}/verslag` },
  ].filter((t) => !ONLY.length || ONLY.some((o) => t.key.includes(o)));
  // a referral submission (issue 11 §1): the form as the browser posts it without JavaScript
  const referralStarted = new Date();
  if (!ONLY.length || ONLY.some((o) => 'referral'.includes(o)))
    targets.push(await referralTarget((await session(REFERRER)).cookie, owner));

  // warm-up and a check that every target answers 200 for its user
  const coordCookie = (await session(coord)).cookie;
  const check: Record<string, string> = {};
  for (const t of targets) {
    if (t.post) continue; // checked when its body was made (referralTarget)
    const s = await session(t.user);
    let status = 0;
    for (let i = 0; i < 3; i++) {
      try {
        const r = await fetch(`${BASE}${t.path}`, {
          headers: { cookie: s.cookie },
          redirect: 'manual',
          signal: AbortSignal.timeout(60_000),
        });
        await r.arrayBuffer();
        status = r.status;
      } catch (err) {
        check[t.key] = (err as Error).message;
      }
    }
    if (status !== 200) check[t.key] = `HTTP ${status || check[t.key]}`;
    if (t.floorPath && floor) {
      const r = await fetch(`${FLOOR}${t.floorPath}`, { headers: { cookie: s.floorCookie } });
      await r.arrayBuffer();
      if (r.status !== 200) check[`${t.key} (floor)`] = `HTTP ${r.status}`;
    }
    await settle(coordCookie);
  }
  if (Object.keys(check).length) console.log('[bench] warm-up problems:', check);
  const rssIdle = treeRssMb(app.pid!);
  const rss = { pid: app.pid!, max: rssIdle };
  console.log(
    `[bench] app server RSS idle: ${rssIdle} MB; ${targets.length} pages × c=${CONCURRENCY.join(',')} × ${RUNS} run(s) of ${DURATION} s`,
  );

  // 5'. soak (issue 11 §5): one long run instead of the points
  if (SOAK > 0) {
    const report = await soak({
      seconds: SOAK,
      connections: CONCURRENCY[0] === 1 && CONCURRENCY.length > 1 ? CONCURRENCY[1]! : CONCURRENCY[0]!,
      cookie: coordCookie,
      paths: ['/', '/dossiers', `/dossiers/${rich.id}`, '/triage'],
      appPid: app.pid!,
      rssIdle,
      owner,
    });
    console.log(`\n${report.md}\n`);
    fs.writeFileSync(path.join(ROOT, 'bench-results', `${stamp}-soak.md`), report.md + '\n');
    fs.writeFileSync(path.join(ROOT, 'bench-results', `${stamp}-soak.json`), JSON.stringify(report.json, null, 2));
    console.log(`[bench] written to bench-results/${stamp}-soak.md and .json`);
    await owner.query(`DELETE FROM "AuthSession" WHERE "userAgent" = 'npm run bench'`).catch(() => undefined);
    await owner.end();
    return;
  }

  // 5. measure
  const points: Point[] = [];
  for (const t of targets) {
    const s = await session(t.user);
    let dead = false;
    for (const c of CONCURRENCY) {
      const point: Point = {
        key: t.key,
        label: t.label,
        concurrency: c,
        rps: 0,
        p50: NaN,
        p95: NaN,
        p99: NaN,
        errors: 0,
        requests: 0,
        floorRps: null,
        floorP95: null,
        ratio: null,
        runs: [],
      };
      if (dead) {
        point.skipped = 'no successful response at a lower concurrency';
        points.push(point);
        continue;
      }
      for (let i = 0; i < RUNS; i++) {
        const r = await measure(`${BASE}${t.path}`, s.cookie, c, DURATION, rss, t.post);
        point.runs.push(r);
        await settle(coordCookie);
        if (r.ok === 0) break; // repeating a point that never answers only costs time
      }
      if (t.floorPath && floor) {
        point.floorRuns = [];
        for (let i = 0; i < RUNS; i++)
          point.floorRuns.push(await measure(`${FLOOR}${t.floorPath}`, s.floorCookie, c, DURATION));
        point.floorRps = median(point.floorRuns.map((r) => r.rps));
        point.floorP95 = median(point.floorRuns.map((r) => r.p95));
      }
      point.rps = median(point.runs.map((r) => r.rps));
      point.p50 = median(point.runs.map((r) => r.p50));
      point.p95 = median(point.runs.map((r) => r.p95));
      point.p99 = median(point.runs.map((r) => r.p99));
      point.errors = point.runs.reduce((sum, r) => sum + r.errors, 0);
      point.requests = point.runs.reduce((sum, r) => sum + r.ok + r.errors, 0);
      point.ratio = point.floorRps && point.rps ? point.floorRps / point.rps : null;
      if (point.runs.every((r) => r.ok === 0)) dead = true;
      points.push(point);
      console.log(
        `[bench] ${t.label} c=${c}: ${fmt(point.rps)} req/s, p50 ${ms(point.p50)}, p95 ${ms(point.p95)}, p99 ${ms(point.p99)}, errors ${point.errors}` +
          (point.floorRps !== null ? `; floor ${fmt(point.floorRps)} req/s (×${fmt(point.ratio, 2)})` : ''),
      );
    }
  }
  // the referrals the bench submitted go again, so the data set stays what it was
  // (again after a pause, until none is left: posts still in flight when a run ended commit later)
  let removed = 0;
  for (let round = 0; round < 10; round++) {
    const r = await owner.query(
      `DELETE FROM "Dossier" WHERE "referrerUserId" = (SELECT id FROM "User" WHERE email = $1) AND "createdAt" >= $2`,
      [REFERRER, referralStarted],
    );
    removed += r.rowCount ?? 0;
    if (round > 0 && !r.rowCount) break;
    await sleep(3000);
  }
  if (removed) console.log(`[bench] ${removed} submitted benchmark referrals removed`);
  const rssLoad = rss.max;
  let profile = '';
  if (flag('--cpu-prof')) {
    // the profile is written when the server exits: stop it gracefully and wait
    const exited = new Promise((resolve) => app.on('exit', resolve));
    app.kill('SIGTERM');
    await Promise.race([exited, sleep(60_000)]);
    profile = summariseCpuProfiles(profileDir);
  }

  // 6. report
  const lines = [
    `# npm run bench — ${new Date().toISOString()}`,
    '',
    `Data set: ${counts.dossiers} dossiers, ${counts.audit} access-log rows (${db.marker}${db.generated ? `, generated in ${db.seconds!.total.toFixed(0)} s` : ', reused'}).`,
    `Runs: ${RUNS} × ${DURATION} s per point, median reported; concurrency = autocannon connections. Machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}.`,
    `App server RSS (next start, process tree): idle ${rssIdle} MB, under load max ${rssLoad} MB.`,
    '',
    '| page | concurrency | req/s | p50 | p95 | p99 | errors | floor req/s | ratio floor/app |',
    '|---|---|---|---|---|---|---|---|---|',
    ...points.map((p) =>
      p.skipped
        ? `| ${p.label} | ${p.concurrency} | skipped: ${p.skipped} | | | | | | |`
        : p.requests === 0
          ? `| ${p.label} | ${p.concurrency} | 0 | no response within ${DURATION} s | | | timeout | ${fmt(p.floorRps)} | |`
          : `| ${p.label} | ${p.concurrency} | ${fmt(p.rps)} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.p99)} | ${p.errors}/${p.requests} | ${fmt(p.floorRps)} | ${p.ratio === null ? '–' : `${fmt(p.ratio, 2)}×`} |`,
    ),
    '',
    Object.keys(check).length
      ? `Warm-up problems: ${JSON.stringify(check)}`
      : 'Every page answered 200 for its user before measuring.',
    `Total bench time: ${Math.round((Date.now() - started) / 1000)} s.`,
    ...(profile ? ['', profile] : []),
  ];
  const md = lines.join('\n');
  console.log(`\n${md}\n`);
  fs.writeFileSync(path.join(ROOT, 'bench-results', `${stamp}.md`), md + '\n');
  fs.writeFileSync(
    path.join(ROOT, 'bench-results', `${stamp}.json`),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        data: { ...counts, marker: db.marker, generatedSeconds: db.seconds, bypassed: BYPASSED },
        runs: RUNS,
        duration: DURATION,
        concurrency: CONCURRENCY,
        rss: { idleMb: rssIdle, loadMaxMb: rssLoad },
        warmup: check,
        points,
      },
      null,
      2,
    ),
  );
  console.log(`[bench] written to bench-results/${stamp}.md and .json (server logs in bench-results/${stamp}-logs/)`);
  await owner.query(`DELETE FROM "AuthSession" WHERE "userAgent" = 'npm run bench'`).catch(() => undefined);
  await owner.end();
}

let code = 0;
try {
  await main();
} catch (err) {
  console.error(`[bench] ${(err as Error).stack ?? err}`);
  code = 1;
} finally {
  await cleanup();
}
process.exit(code);
