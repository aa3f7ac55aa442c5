/**
 * The benchmark's large data set (issue 11 §1), generated reproducibly into its own database
 * `vhd_bench`: 10,000 dossiers over 5 safe houses with their full case content and ~1,000,000
 * hash-chained access-log rows. See docs/performance.md.
 *
 * Server: DATABASE_URL when set, else an embedded PostgreSQL of its own under .data/pg-bench
 * (port EMBEDDED_PG_BENCH_PORT, default 54349) — never the cluster of `npm start` or `npm test`,
 * so a benchmark does not reset the cluster-wide vhd_app password under a running test.
 *
 * How: the demo seed (prisma/demo.ts, for the demo users and their second factor), then one
 * transaction of bulk `INSERT … SELECT generate_series` as the owner, with
 * `session_replication_role = replica` (see BYPASSED below), then the access log in batches of
 * 10,000 rows whose hashes Node computes with lib/audit/verify.ts `rowHash` — the same canonical
 * form as audit_append, so `npm run audit:verify` passes. Every id and value derives from the
 * seed (md5-based), so two runs with the same seed give the same data set.
 *
 * Reuse: the database's comment holds a marker (version, seed, sizes, key id); when it matches,
 * nothing is generated again.
 *
 * Run alone: `npx tsx scripts/bench/generate.ts [--force] [--dossiers N] [--audit N] [--verify]`.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { parseFieldKeys, encryptField, lookupHmac, type FieldKeys } from '../../lib/crypto/fields';
import { rowHash, GENESIS_HASH } from '../../lib/audit/verify';
import { sealAuditLog, verifyAuditLog } from '../../lib/audit/verify-db';
import { seedDemo } from '../../prisma/demo';
import { makeNationalNumber } from '../../lib/validation/national-number';
import { unsafeOwnerClient } from '../lib/owner';
import { ROOT, prepareDatabase, resolveServer } from '../lib/database';
import { databaseName, withDatabase } from '../lib/bootstrap';
import { persistentSecrets, withDefaults } from '../lib/secrets';
import type { EmbeddedCluster } from '../lib/embedded';

export const DATA_VERSION = 2;
export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'vhd_bench';

/**
 * What the generator's transaction bypasses with session_replication_role = replica, and why:
 *  - closed_read_only (forbid_writes_to_closed_dossier): the case content of CLOSED dossiers is
 *    inserted after the dossier row already says CLOSED; in real life it was written before.
 *  - dossier_state_guard / dossier_decision_has_assessment: dossiers are inserted directly in
 *    their final state (the guards are BEFORE/AFTER UPDATE; the assessment is inserted anyway).
 *  - the consensus wall (consensus_insert_guard, consensus_voters_complete, consensus_voter_guard,
 *    consensus_vote_guard, disclosure_item_guard): proposals, frozen voters and votes are inserted
 *    set-wise in their end state, not one vote at a time through the use cases.
 *  - client_work_only: every generated participant/addressee does client work; the per-row
 *    check would only cost time.
 *  - foreign-key triggers (replica mode disables them too): all references are built from the
 *    same temporary tables; `checkForeignKeys` re-checks a sample of them afterwards.
 * CHECK constraints, NOT NULL and unique indexes stay enforced.
 */
export const BYPASSED = [
  'closed_read_only',
  'dossier_state_guard',
  'dossier_decision_has_assessment',
  'consensus_insert_guard',
  'consensus_voters_complete',
  'consensus_voter_guard',
  'consensus_vote_guard',
  'disclosure_item_guard',
  'client_work_only',
  'foreign-key triggers',
];

export interface GenerateOptions {
  seed: number;
  dossiers: number;
  auditRows: number;
  force?: boolean;
  verify?: boolean;
}

export interface BenchDatabase {
  ownerUrl: string;
  appUrl: string;
  env: NodeJS.ProcessEnv;
  embedded: EmbeddedCluster | null;
  generated: boolean;
  seconds: { demo: number; bulk: number; audit: number; analyze: number; total: number } | null;
  marker: string;
}

/** The bench's secrets: from the environment, else .data/bench-secrets.json (made once). */
export function benchEnv(): NodeJS.ProcessEnv {
  return withDefaults(process.env, persistentSecrets(path.join(ROOT, '.data', 'bench-secrets.json')));
}

function markerOf(o: GenerateOptions, keyId: string): string {
  return `vhd-bench v${DATA_VERSION} seed=${o.seed} dossiers=${o.dossiers} audit=${o.auditRows} key=${keyId}`;
}

async function readMarker(serverUrl: string, db: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await c.connect();
  try {
    const { rows } = await c.query<{ d: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS d FROM pg_database WHERE datname = $1`,
      [db],
    );
    return rows[0]?.d ?? null;
  } finally {
    await c.end();
  }
}

export async function prepareBenchDatabase(o: GenerateOptions, log = console.log): Promise<BenchDatabase> {
  const started = Date.now();
  let cluster: EmbeddedCluster | null = null;
  try {
    return await prepare(o, log, started, (e) => (cluster = e));
  } catch (err) {
    await (cluster as EmbeddedCluster | null)?.stop().catch(() => undefined);
    throw err;
  }
}

async function prepare(
  o: GenerateOptions,
  log: (m: string) => void,
  started: number,
  onCluster: (e: EmbeddedCluster | null) => void,
): Promise<BenchDatabase> {
  const env = benchEnv();
  const { serverUrl, embedded } = await resolveServer({
    embeddedDir: '.data/pg-bench',
    embeddedPort: Number(process.env.EMBEDDED_PG_BENCH_PORT ?? 54349),
  });
  onCluster(embedded);
  const keys = parseFieldKeys(env.FIELD_ENCRYPTION_KEYS!, env.FIELD_ENCRYPTION_KEY_ID!, env.LOOKUP_HMAC_KEY!);
  const marker = markerOf(
    o,
    `${env.FIELD_ENCRYPTION_KEY_ID}:${crypto.createHash('sha256').update(env.FIELD_ENCRYPTION_KEYS!).digest('hex').slice(0, 8)}`,
  );
  const existing = await readMarker(serverUrl, BENCH_DATABASE);
  const reuse = !o.force && existing === marker;
  log(reuse ? `[bench] data set reused (${marker})` : `[bench] generating data set into ${BENCH_DATABASE}: ${marker}`);
  const db = await prepareDatabase(serverUrl, {
    database: BENCH_DATABASE,
    fresh: !reuse,
    appPassword: env.APP_DATABASE_URL ? undefined : env.APP_DB_PASSWORD,
    quiet: true,
  });
  if (reuse) return { ...db, env, embedded, generated: false, seconds: null, marker };

  const t0 = Date.now();
  const owner = unsafeOwnerClient(db.ownerUrl);
  await seedDemo(owner, keys);
  await owner.$disconnect();
  const tDemo = Date.now();

  const client = new pg.Client({ connectionString: db.ownerUrl });
  await client.connect();
  try {
    await bulkInsert(client, o, keys, log);
    const tBulk = Date.now();
    await appendAuditLog(client, o, log);
    const tAudit = Date.now();
    await client.query('ANALYZE');
    const tAnalyze = Date.now();
    await checkForeignKeys(client);
    const lit = await client.query<{ q: string }>('SELECT quote_literal($1) AS q', [marker]);
    await client.query(`COMMENT ON DATABASE "${databaseName(db.ownerUrl)}" IS ${lit.rows[0]!.q}`);
    const seconds = {
      demo: (tDemo - t0) / 1000,
      bulk: (tBulk - tDemo) / 1000,
      audit: (tAudit - tBulk) / 1000,
      analyze: (tAnalyze - tAudit) / 1000,
      total: (Date.now() - started) / 1000,
    };
    log(
      `[bench] generated in ${seconds.total.toFixed(1)} s (demo ${seconds.demo.toFixed(1)}, bulk SQL ${seconds.bulk.toFixed(1)}, access log ${seconds.audit.toFixed(1)}, analyze ${seconds.analyze.toFixed(1)})`,
    );
    return { ...db, env, embedded, generated: true, seconds, marker };
  } finally {
    await client.end();
  }
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Everything but the access log: one transaction, set-wise. */
async function bulkInsert(c: pg.Client, o: GenerateOptions, keys: FieldKeys, log: (m: string) => void) {
  const S = lit(`vhd-bench-${o.seed}:`);
  // a few pre-encrypted values, reused (encryption per row would only cost time)
  const nn = [0, 1, 2].map((i) => makeNationalNumber(new Date(Date.UTC(1980 + i * 7, i * 3, 10 + i)), 100 + i * 37));
  const nnEnc = nn.map((n) => encryptField(keys, n));
  const nnHmac = nn.map((n) => lookupHmac(keys, n));
  const contactEnc = ['Kerkstraat 1, 2000 Antwerpen; 0470 00 00 01', 'Veldstraat 20, 9000 Gent', 'contact via CAW'].map(
    (t) => encryptField(keys, t),
  );
  const arr = (a: string[]) => `ARRAY[${a.map(lit).join(',')}]`;
  const steps: [string, string][] = [
    [
      'functions',
      `
      -- an RFC 4122 version-4 UUID from the md5 (the app validates ids as such: a bare md5 is no
      -- valid UUID in about three cases of four, and its dossier would answer 404)
      CREATE FUNCTION pg_temp.u(t text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
        SELECT overlay(overlay(h PLACING '4' FROM 13)
                       PLACING substr('89ab', ('x' || substr(h, 17, 1))::bit(4)::int % 4 + 1, 1) FROM 17)::uuid
          FROM md5(${S} || t) AS h $$;
      CREATE FUNCTION pg_temp.r(t text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
        $$ SELECT ('x' || substr(md5(${S} || t), 1, 8))::bit(32)::bigint / 4294967296.0 $$;
      CREATE FUNCTION pg_temp.pick(a text[], x float8) RETURNS text LANGUAGE sql IMMUTABLE AS
        $$ SELECT a[1 + floor(x * array_length(a, 1))::int] $$;
      CREATE TEMP TABLE _base AS SELECT timestamptz '2026-11-30 00:00:00+00' AS t;`,
    ],
    [
      'houses',
      `
      INSERT INTO "SafeHouse" ("id", "code", "name", "judicialDistrict") VALUES
        (pg_temp.u('house:LIM'), 'LIM', 'Veilig Huis Limburg', 'Limburg'),
        (pg_temp.u('house:VBR'), 'VBR', 'Veilig Huis Vlaams-Brabant', 'Leuven'),
        (pg_temp.u('house:WVL'), 'WVL', 'Veilig Huis West-Vlaanderen', 'West-Vlaanderen');
      CREATE TEMP TABLE _h AS
        SELECT (row_number() OVER (ORDER BY code) - 1)::int AS h, id, code FROM "SafeHouse" WHERE code IN ('ANT','OVL','LIM','VBR','WVL');
      CREATE TEMP TABLE _demo AS SELECT email, id AS uid, "organisationId" AS org FROM "User";
      -- five core-partner organisations per house, four staff each (CORE_PARTNER_STAFF + REFERRER)
      CREATE TEMP TABLE _org AS
        SELECT h.h, o.o, pg_temp.u('org:' || h.code || ':' || o.o) AS id,
               (ARRAY['CAW','Politiezone','Justitiehuis','Vertrouwenscentrum','Stad'])[o.o + 1] || ' ' || h.code || ' (bench)' AS name,
               (ARRAY['CAW','POLICE','JUSTICE_HOUSE','VK','LOCAL_GOVERNMENT'])[o.o + 1]::"OrganisationKind" AS kind
          FROM _h h CROSS JOIN generate_series(0, 4) o(o);
      INSERT INTO "Organisation" ("id", "name", "kind") SELECT id, name, kind FROM _org;
      INSERT INTO "CorePartnership" ("safeHouseId", "organisationId") SELECT h.id, o.id FROM _org o JOIN _h h USING (h);
      CREATE TEMP TABLE _staff AS
        SELECT o.h, o.o * 4 + j AS n, o.o, pg_temp.u('user:' || h.code || ':' || (o.o * 4 + j)) AS uid, o.id AS org,
               'medewerker' || (o.o * 4 + j) || '.' || lower(h.code) || '@bench.vhd.test' AS email
          FROM _org o JOIN _h h USING (h) CROSS JOIN generate_series(0, 3) j(j);
      INSERT INTO "User" ("id", "email", "name", "organisationId")
        SELECT uid, email, 'Medewerker ' || n || ' ' || (SELECT code FROM _h WHERE _h.h = s.h), org FROM _staff s;
      INSERT INTO "RoleAssignment" ("userId", "role", "safeHouseId")
        SELECT s.uid, 'CORE_PARTNER_STAFF'::"Role", h.id FROM _staff s JOIN _h h USING (h)
        UNION ALL SELECT s.uid, 'REFERRER'::"Role", NULL FROM _staff s;
      -- a coordinator per new house; ANT and OVL have the demo coordinators
      INSERT INTO "User" ("id", "email", "name", "organisationId")
        SELECT pg_temp.u('coord:' || h.code), 'coordinator.' || lower(h.code) || '@bench.vhd.test', 'Coördinator ' || h.code, o.id
          FROM _h h JOIN _org o ON o.h = h.h AND o.o = 4 WHERE h.code IN ('LIM','VBR','WVL');
      INSERT INTO "RoleAssignment" ("userId", "role", "safeHouseId")
        SELECT pg_temp.u('coord:' || h.code), 'COORDINATOR', h.id FROM _h h WHERE h.code IN ('LIM','VBR','WVL');
      CREATE TEMP TABLE _coord AS
        SELECT h.h, coalesce(d.uid, pg_temp.u('coord:' || h.code)) AS uid, coalesce(d.org, o.id) AS org
          FROM _h h JOIN _org o ON o.h = h.h AND o.o = 4
          LEFT JOIN _demo d ON d.email = CASE h.code WHEN 'ANT' THEN 'coordinator.antwerpen@vhd.test' WHEN 'OVL' THEN 'coordinator.oostvlaanderen@vhd.test' END;`,
    ],
    [
      'dossiers',
      `
      CREATE TEMP TABLE _d AS
      WITH g AS (
        SELECT g, (g % 5) AS h, pg_temp.r('st:' || g) AS rs, pg_temp.r('c:' || g) AS rc, pg_temp.r('dec:' || g) AS rd,
               pg_temp.r('cl:' || g) AS rcl, pg_temp.r('in:' || g) AS ri, pg_temp.r('ref:' || g) AS rr, pg_temp.r('ret:' || g) AS rret
          FROM generate_series(1, ${o.dossiers}) g
      ), s AS (
        SELECT g.*, CASE WHEN rs < 0.03 THEN 'DRAFT' WHEN rs < 0.15 THEN 'SUBMITTED' WHEN rs < 0.25 THEN 'REFERRED_TO_REGULAR_CARE'
                         WHEN rs < 0.33 THEN 'ATTACHED_TO_EXISTING_CARE' WHEN rs < 0.40 THEN 'NOT_ADMISSIBLE'
                         WHEN rs < 0.80 THEN 'IN_TRAJECTORY' ELSE 'CLOSED' END AS status,
               (SELECT t FROM _base) - make_interval(mins => (60 * 24 * (5 + rc * 715))::int) AS created
          FROM g
      )
      SELECT s.g, s.h, pg_temp.u('d:' || s.g) AS id, hh.id AS house, hh.code, s.status::"DossierStatus" AS status, s.created,
             CASE WHEN s.status = 'DRAFT' THEN NULL ELSE s.created + interval '1 hour' END AS submitted,
             CASE WHEN s.status IN ('DRAFT','SUBMITTED') THEN NULL ELSE s.created + interval '1 hour' + make_interval(mins => (60 * 24 * (1 + s.rd * 3))::int) END AS decided,
             s.rcl, s.ri, s.rr, s.rret
        FROM s JOIN _h hh ON hh.h = s.h;
      ALTER TABLE _d ADD COLUMN closed timestamptz, ADD COLUMN years int, ADD COLUMN ground "ExtensionGround",
        ADD COLUMN input_req timestamptz, ADD COLUMN input_closed timestamptz, ADD COLUMN referrer uuid, ADD COLUMN referrer_org uuid;
      UPDATE _d SET closed = decided, years = 5 WHERE status IN ('REFERRED_TO_REGULAR_CARE','ATTACHED_TO_EXISTING_CARE','NOT_ADMISSIBLE');
      UPDATE _d SET closed = least(decided + make_interval(mins => (60 * 24 * (20 + rcl * 300))::int), (SELECT t FROM _base) - interval '1 day'),
                    years = CASE WHEN rret < 0.1 THEN 20 ELSE 15 END,
                    ground = CASE WHEN rret < 0.1 THEN 'VERY_SERIOUS_FACTS'::"ExtensionGround" END
       WHERE status = 'CLOSED';
      UPDATE _d SET input_req = submitted + interval '2 hours' WHERE status <> 'DRAFT' AND ri < 0.6;
      UPDATE _d SET input_closed = decided - interval '1 hour' WHERE input_req IS NOT NULL AND decided IS NOT NULL;
      -- referrers: the demo huisarts in Antwerpen and the CAW of Oost-Vlaanderen for some, bench staff for the rest
      UPDATE _d d SET referrer = x.uid, referrer_org = x.org FROM _demo x
       WHERE (d.code = 'ANT' AND d.rr < 0.15 AND x.email = 'aanmelder.huisarts@vhd.test')
          OR (d.code = 'OVL' AND d.rr < 0.10 AND x.email = 'kernpartner.gent@vhd.test');
      UPDATE _d d SET referrer = s.uid, referrer_org = s.org FROM _staff s
       WHERE d.referrer IS NULL AND s.h = d.h AND s.n = floor(d.rr * 20)::int;
      CREATE UNIQUE INDEX ON _d (g);
      INSERT INTO "Dossier" ("id", "reference", "safeHouseId", "status", "clientSystemLabel", "referrerUserId", "referrerOrganisationId",
          "createdAt", "submittedAt", "decidedAt", "inputRequestedAt", "inputClosedAt", "closedAt", "retentionUntil", "retentionYears",
          "retentionGround", "decisionReasons", "closureReasons")
        SELECT id,
               CASE WHEN status = 'DRAFT' THEN 'CONCEPT-B' || lpad(g::text, 6, '0')
                    ELSE 'VH-' || code || '-' || extract(year FROM submitted)::int || '-B' || lpad(g::text, 5, '0') END,
               house, status,
               'Gezin ' || pg_temp.pick(${arr(['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Dubois', 'Lambert', 'Dupont', 'Hermans', 'Aerts', 'Vermeulen'])}, pg_temp.r('lbl:' || g)),
               referrer, referrer_org, created, submitted, decided, input_req, input_closed, closed,
               CASE WHEN closed IS NULL THEN NULL ELSE closed + make_interval(years => years) END, years, ground,
               CASE WHEN decided IS NOT NULL THEN 'Beslissing na toetsing van de drie criteria en overleg met de kernpartners.' END,
               CASE WHEN status = 'CLOSED' THEN 'Doelen van het plan van aanpak bereikt; veiligheid stabiel.' END
          FROM _d;`,
    ],
    [
      'referrals',
      `
      INSERT INTO "Referral" ("dossierId", "violenceForms", "violenceTypes", "situation", "actionsTaken", "clientInformed", "riskAnswers", "riskScore", "riskJudgement", "riskJudgementReason", "involvedOrganisations")
        SELECT id,
               ARRAY[pg_temp.pick(${arr(['PARTNER_VIOLENCE', 'CHILD_ABUSE', 'CHILDREN_WITNESSING', 'WORRYING_UPBRINGING', 'HONOUR_RELATED'])}, pg_temp.r('vf:' || g))],
               ARRAY['PHYSICAL', 'PSYCHOLOGICAL'],
               'Herhaalde meldingen van geweld in het gezin; de situatie escaleert sinds enkele maanden. ' || repeat('Beschrijving van de situatie. ', 10),
               'Gesprekken met de huisarts en het CAW; de politie kwam twee keer ter plaatse.',
               true, '{}'::jsonb, floor(pg_temp.r('rs:' || g) * 10)::int,
               (ARRAY['LOW','ELEVATED','HIGH','ACUTE'])[1 + floor(pg_temp.r('rj:' || g) * 4)::int]::"RiskLevel",
               'Inschatting van de aanmelder op basis van de risicotaxatie.', 'Huisarts, CAW'
          FROM _d;`,
    ],
    [
      'members and contacts',
      `
      CREATE TEMP TABLE _m AS
        SELECT d.g, d.id AS dossier, i, pg_temp.u('m:' || d.g || ':' || i) AS id, d.created
          FROM _d d CROSS JOIN LATERAL generate_series(1, 2 + floor(pg_temp.r('nm:' || d.g) * 4)::int) i;
      INSERT INTO "ClientMember" ("id", "dossierId", "memberRole", "firstName", "lastName", "dateOfBirth", "isMinor", "sex",
          "nationalNumberEnc", "nationalNumberHmac", "contactEnc", "safeAddress", "createdAt")
        SELECT m.id, m.dossier,
               (CASE m.i WHEN 1 THEN 'VICTIM' WHEN 2 THEN 'ALLEGED_PERPETRATOR' ELSE 'CHILD' END)::"MemberRole",
               pg_temp.pick(${arr(['Sarah', 'Kevin', 'Lina', 'Amira', 'Hassan', 'Els', 'Noah', 'Ilse', 'Tom', 'Marie', 'Jonas', 'Emma', 'Lucas', 'Louise'])}, pg_temp.r('fn:' || m.g || ':' || m.i)),
               pg_temp.pick(${arr(['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet'])}, pg_temp.r('ln:' || m.g)),
               CASE WHEN m.i <= 2 THEN date '1970-01-01' + floor(pg_temp.r('dob:' || m.g || ':' || m.i) * 10000)::int
                    ELSE date '2010-01-01' + floor(pg_temp.r('dob:' || m.g || ':' || m.i) * 4000)::int END,
               m.i > 2,
               (CASE WHEN m.i = 1 THEN 'FEMALE' WHEN m.i = 2 THEN 'MALE' ELSE 'UNKNOWN' END)::"Sex",
               CASE WHEN pg_temp.r('nn:' || m.g || ':' || m.i) < 0.5 THEN (${arr(nnEnc)})[1 + (m.g % 3)] END,
               CASE WHEN pg_temp.r('nn:' || m.g || ':' || m.i) < 0.5 THEN (${arr(nnHmac)})[1 + (m.g % 3)] END,
               CASE WHEN pg_temp.r('ce:' || m.g || ':' || m.i) < 0.3 THEN (${arr(contactEnc)})[1 + (m.i % 3)] END,
               pg_temp.r('sa:' || m.g || ':' || m.i) < 0.05,
               m.created + make_interval(secs => m.i)
          FROM _m m;
      INSERT INTO "Contact" ("id", "dossierId", "firstName", "lastName", "relation", "contactEnc", "createdAt")
        SELECT pg_temp.u('ct:' || d.g || ':' || i), d.id, 'Contact' || i, 'Steunfiguur', 'grootouder',
               (${arr(contactEnc)})[1 + (i % 3)], d.created + make_interval(secs => i)
          FROM _d d CROSS JOIN LATERAL generate_series(1, floor(pg_temp.r('nc:' || d.g) * 3)::int) i;`,
    ],
    [
      'admission',
      `
      INSERT INTO "AdmissionAssessment" ("dossierId", "safeHouseId", "assessorUserId", "criterion1Met", "criterion1Reason", "criterion2Met",
          "criterion2Reason", "criterion3Met", "criterion3Reason", "riskLevel", "riskAssessment", "decision", "decisionReasons", "decidedAt")
        SELECT d.id, d.house, c.uid, true, 'Verhoogd risico op herhaling.', d.status IN ('IN_TRAJECTORY','CLOSED'), 'Complexe meervoudige problematiek.',
               d.status IN ('IN_TRAJECTORY','CLOSED'), 'Reguliere hulp volstaat niet.',
               (ARRAY['LOW','ELEVATED','HIGH','ACUTE'])[1 + floor(pg_temp.r('rl:' || d.g) * 4)::int]::"RiskLevel",
               'Risicotaxatie op basis van de aanmelding, de aanvullingen en het overleg.',
               (CASE d.status WHEN 'REFERRED_TO_REGULAR_CARE' THEN 'REFER_TO_REGULAR_CARE' WHEN 'ATTACHED_TO_EXISTING_CARE' THEN 'ATTACH_TO_EXISTING_CARE'
                             WHEN 'NOT_ADMISSIBLE' THEN 'NOT_ADMISSIBLE' ELSE 'START_TRAJECTORY' END)::"AdmissionDecision",
               'Beslissing na toetsing van de drie criteria.', d.decided
          FROM _d d JOIN _coord c USING (h) WHERE d.decided IS NOT NULL;
      INSERT INTO "MandatedAgencyConsultation" ("dossierId", "safeHouseId", "agency", "agencyName", "consultedPerson", "consultedAt", "view", "recordedByUserId")
        SELECT d.id, d.house, 'VK', 'Vertrouwenscentrum Kindermishandeling', 'Consulent van dienst', d.decided - interval '1 day',
               'Geen lopende opvolging bij het VK; opname in een traject aangewezen.', c.uid
          FROM _d d JOIN _coord c USING (h) WHERE d.decided IS NOT NULL AND pg_temp.r('mac:' || d.g) < 0.25;
      INSERT INTO "PartnerInput" ("dossierId", "safeHouseId", "organisationId", "authorUserId", "knownStatus", "trajectory", "trajectoryProgress", "viewOnFollowUp", "createdAt")
        SELECT d.id, d.house, s.org, s.uid, (ARRAY['KNOWN','PREVIOUSLY_KNOWN','NOT_KNOWN'])[1 + (k % 3)]::"KnownStatus",
               'Begeleiding sinds vorig jaar.', 'Wisselend; moeilijk bereikbaar.', 'Traject bij het Veilig Huis aangewezen.', d.input_req + make_interval(hours => k)
          FROM _d d CROSS JOIN LATERAL generate_series(1, 1 + floor(pg_temp.r('pi:' || d.g) * 3)::int) k
          JOIN _staff s ON s.h = d.h AND s.n = ((d.g + k) % 5) * 4 + (d.g % 4)
         WHERE d.input_req IS NOT NULL;`,
    ],
    [
      'conferences',
      `
      CREATE TEMP TABLE _s AS
        SELECT h.h, h.id AS house, k, pg_temp.u('s:' || h.h || ':' || k) AS id,
               (SELECT t FROM _base) - make_interval(days => (112 - k) * 7) + interval '9 hours' AS starts
          FROM _h h CROSS JOIN generate_series(0, 119) k;
      INSERT INTO "ConferenceSession" ("id", "safeHouseId", "startsAt", "endsAt", "location", "createdByUserId", "createdAt")
        SELECT s.id, s.house, s.starts, s.starts + interval '2 hours', 'Vergaderzaal Veilig Huis', c.uid, s.starts - interval '14 days'
          FROM _s s JOIN _coord c USING (h);
      CREATE TEMP TABLE _t AS SELECT * FROM _d WHERE status IN ('IN_TRAJECTORY','CLOSED');
      CREATE UNIQUE INDEX ON _t (g);
      CREATE TEMP TABLE _a AS
        SELECT DISTINCT ON (t.g, sk) t.g, t.id AS dossier, t.house, t.h, i, pg_temp.u('a:' || t.g || ':' || i) AS id, sk AS k
          FROM _t t CROSS JOIN LATERAL generate_series(1, 1 + floor(pg_temp.r('na:' || t.g) * 3)::int) i
          CROSS JOIN LATERAL (SELECT least(119, greatest(0, 112 - floor(extract(epoch FROM (SELECT t FROM _base) - t.decided) / 604800)::int + 1) + 2 * (i - 1)) AS sk) x
         ORDER BY t.g, sk, i;
      CREATE INDEX ON _a (g, k);
      INSERT INTO "AgendaItem" ("id", "sessionId", "dossierId", "safeHouseId", "position", "minutes", "minutesUpdatedAt")
        SELECT a.id, s.id, a.dossier, a.house, a.i - 1, 'Verslag: stand van zaken besproken, afspraken gemaakt. ' || repeat('Toelichting. ', 8), s.starts + interval '3 hours'
          FROM _a a JOIN _s s ON s.h = a.h AND s.k = a.k;
      INSERT INTO "ConferenceDecision" ("agendaItemId", "dossierId", "safeHouseId", "text", "recordedByUserId", "createdAt")
        SELECT a.id, a.dossier, a.house, 'Beslissing ' || j || ': de casusregisseur volgt de afspraken op.', c.uid, s.starts + interval '3 hours'
          FROM _a a JOIN _s s ON s.h = a.h AND s.k = a.k JOIN _coord c ON c.h = a.h
          CROSS JOIN LATERAL generate_series(1, 1 + floor(pg_temp.r('cd:' || a.id) * 2)::int) j;
      -- participants: 2-4 bench staff from different organisations, and the demo users in hundreds of cases
      CREATE TEMP TABLE _p AS
        SELECT t.g, t.id AS dossier, t.house, s.uid, s.org, j AS slot, false AS director, t.decided
          FROM _t t CROSS JOIN LATERAL generate_series(0, 1 + floor(pg_temp.r('np:' || t.g) * 3)::int) j
          JOIN _staff s ON s.h = t.h AND s.n = ((t.g + j) % 5) * 4 + ((t.g / 5) % 4);
      INSERT INTO _p SELECT t.g, t.id, t.house, x.uid, x.org, 10 + n, x.email = 'casusregisseur.caw@vhd.test', t.decided
        FROM _t t JOIN (VALUES ('kernpartner.politie@vhd.test', 'ANT', 0.7, 1), ('deelnemer.justitiehuis@vhd.test', 'ANT', 0.3, 2),
                               ('casusregisseur.caw@vhd.test', 'ANT', 0.3, 3), ('kernpartner.gent@vhd.test', 'OVL', 0.5, 4)) v(email, code, p, n)
          ON v.code = t.code AND pg_temp.r('dp:' || v.email || ':' || t.g) < v.p
        JOIN _demo x ON x.email = v.email;
      CREATE INDEX ON _p (g, slot);
      INSERT INTO "CaseParticipant" ("dossierId", "safeHouseId", "organisationId", "userId", "attendance", "reason", "isCaseDirector",
          "invitedAt", "acceptedAt", "secrecyAcknowledgedAt")
        SELECT dossier, house, org, uid, 'CASE_WORKER', 'INVOLVEMENT', director OR slot = 0, decided, decided + interval '1 day', decided + interval '1 day'
          FROM _p ON CONFLICT DO NOTHING;
      -- an open invitation for the CGG worker in a fifth of the open trajectories
      INSERT INTO "CaseInvitation" ("dossierId", "safeHouseId", "sessionId", "organisationId", "addresseeUserId", "reason", "reasonNote", "invitedByUserId", "invitedAt")
        SELECT t.id, t.house, s.id, x.org, x.uid, 'EXPERTISE', 'Expertise geestelijke gezondheid', c.uid, (SELECT t FROM _base) - interval '2 days'
          FROM _t t JOIN _s s ON s.h = t.h AND s.k = 114 JOIN _coord c ON c.h = t.h JOIN _demo x ON x.email = 'medewerker.cgg@vhd.test'
         WHERE t.status = 'IN_TRAJECTORY' AND pg_temp.r('inv:' || t.g) < 0.2;
      -- information items: 3-8 per case, by its participants
      CREATE TEMP TABLE _i AS
        SELECT t.g, t.id AS dossier, t.house, i, pg_temp.u('ii:' || t.g || ':' || i) AS id, p.uid, p.org,
               (SELECT a.id FROM _a a WHERE a.g = t.g ORDER BY a.k LIMIT 1) AS agenda, t.decided
          FROM _t t CROSS JOIN LATERAL generate_series(1, 3 + floor(pg_temp.r('ni:' || t.g) * 6)::int) i
          JOIN _p p ON p.g = t.g AND p.slot = i % 2;
      INSERT INTO "InformationItem" ("id", "dossierId", "safeHouseId", "agendaItemId", "organisationId", "authorUserId", "category", "concernsMemberId", "content", "createdAt")
        SELECT i.id, i.dossier, i.house, i.agenda, i.org, i.uid, 1 + floor(pg_temp.r('cat:' || i.id) * 14)::int,
               CASE WHEN i.i % 2 = 1 THEN pg_temp.u('m:' || i.g || ':1') END,
               'Informatie ingebracht door de organisatie: ' || repeat('feiten en context. ', 6), i.decided + make_interval(days => i.i)
          FROM _i i;
      -- plan of approach: 1-3 goals with 1-3 actions
      CREATE TEMP TABLE _goal AS
        SELECT t.g, t.id AS dossier, t.house, t.h, j, pg_temp.u('goal:' || t.g || ':' || j) AS id, t.decided
          FROM _t t CROSS JOIN LATERAL generate_series(1, 1 + floor(pg_temp.r('ng:' || t.g) * 3)::int) j;
      INSERT INTO "Goal" ("id", "dossierId", "safeHouseId", "title", "createdByUserId", "createdAt")
        SELECT g.id, g.dossier, g.house, 'Doel ' || g.j || ': veiligheid van het gezin verzekeren', c.uid, g.decided + interval '7 days'
          FROM _goal g JOIN _coord c USING (h);
      INSERT INTO "PlanAction" ("goalId", "dossierId", "safeHouseId", "description", "ownerOrganisationId", "dueDate", "done", "createdAt")
        SELECT g.id, g.dossier, g.house, 'Actie ' || k || ' bij doel ' || g.j, o.id, (g.decided + make_interval(days => 30 * k))::date,
               pg_temp.r('done:' || g.id || k) < 0.4, g.decided + interval '7 days'
          FROM _goal g CROSS JOIN LATERAL generate_series(1, 1 + floor(pg_temp.r('npa:' || g.id) * 3)::int) k
          JOIN _org o ON o.h = g.h AND o.o = (g.g + k) % 5;`,
    ],
    [
      'proposals and votes',
      `
      CREATE TEMP TABLE _dp AS
        SELECT t.g, t.id AS dossier, t.house, t.h, t.status AS dstatus, pg_temp.u('dp:' || t.g) AS id,
               (SELECT a.id FROM _a a WHERE a.g = t.g ORDER BY a.k LIMIT 1) AS agenda, t.decided,
               CASE WHEN t.status = 'IN_TRAJECTORY' THEN (ARRAY['OPEN','OPEN','APPROVED','SHARED'])[1 + floor(pg_temp.r('dps:' || t.g) * 4)::int]
                    ELSE (ARRAY['SHARED','BLOCKED'])[1 + floor(pg_temp.r('dps:' || t.g) * 2)::int] END AS status
          FROM _t t WHERE pg_temp.r('hasdp:' || t.g) < 0.3;
      INSERT INTO "DisclosureProposal" ("id", "dossierId", "safeHouseId", "kind", "proposedByUserId", "memberId", "sharerUserId", "ground",
          "necessity", "status", "createdAt", "decidedAt", "sharedAt", "agendaItemId", "givenAt", "givenByUserId", "givenHow")
        SELECT p.id, p.dossier, p.house, 'CLIENT_MEMBER', c.uid, pg_temp.u('m:' || p.g || ':1'), c.uid, 'SAFETY',
               'Het slachtoffer moet weten welke afspraken er rond haar veiligheid gemaakt zijn.', p.status::"DisclosureStatus",
               p.decided + interval '10 days', CASE WHEN p.status <> 'OPEN' THEN p.decided + interval '12 days' END,
               CASE WHEN p.status = 'SHARED' THEN p.decided + interval '13 days' END, p.agenda,
               -- art. 14 §2 (migration 20261205140000): information given to a member says when, by whom and how
               CASE WHEN p.status = 'SHARED' THEN p.decided + interval '13 days' END,
               CASE WHEN p.status = 'SHARED' THEN c.uid END,
               CASE WHEN p.status = 'SHARED' THEN 'in een gesprek op het Veilig Huis' END
          FROM _dp p JOIN _coord c USING (h);
      INSERT INTO "DisclosureItem" ("proposalId", "informationItemId", "dossierId", "safeHouseId")
        SELECT p.id, pg_temp.u('ii:' || p.g || ':1'), p.dossier, p.house FROM _dp p;
      INSERT INTO "DisclosureVoter" ("proposalId", "dossierId", "safeHouseId", "userId", "organisationId", "capacity")
        SELECT DISTINCT ON (p.id, x.uid) p.id, p.dossier, p.house, x.uid, x.org, 'PARTICIPANT'::"VoterCapacity" FROM _dp p JOIN _p x ON x.g = p.g
        UNION ALL SELECT p.id, p.dossier, p.house, c.uid, c.org, 'CHAIR'::"VoterCapacity" FROM _dp p JOIN _coord c USING (h);
      INSERT INTO "DisclosureVote" ("proposalId", "dossierId", "safeHouseId", "userId", "vote", "votedAt")
        SELECT v."proposalId", v."dossierId", v."safeHouseId", v."userId",
               (CASE WHEN p.status = 'BLOCKED' AND v.capacity = 'CHAIR' THEN 'OBJECT' ELSE 'AGREE' END)::"VoteChoice", p.decided + interval '11 days'
          FROM "DisclosureVoter" v JOIN _dp p ON p.id = v."proposalId"
         WHERE p.status <> 'OPEN' OR pg_temp.r('vote:' || v."userId" || p.g) < 0.5;
      -- the extended retention terms (20 years) were decided by consensus at the closing conference
      CREATE TEMP TABLE _re AS
        SELECT t.g, t.id AS dossier, t.house, t.h, pg_temp.u('re:' || t.g) AS id, t.closed,
               (SELECT a.id FROM _a a WHERE a.g = t.g ORDER BY a.k DESC LIMIT 1) AS agenda
          FROM _t t WHERE t.status = 'CLOSED' AND t.years = 20;
      INSERT INTO "RetentionExtension" ("id", "dossierId", "safeHouseId", "years", "ground", "groundNote", "proposedByUserId", "status", "createdAt", "decidedAt", "agendaItemId")
        SELECT r.id, r.dossier, r.house, 20, 'VERY_SERIOUS_FACTS', 'Zeer ernstige feiten.', c.uid, 'APPROVED', r.closed - interval '2 days', r.closed - interval '1 day', r.agenda
          FROM _re r JOIN _coord c USING (h);
      INSERT INTO "RetentionVoter" ("extensionId", "dossierId", "safeHouseId", "userId", "organisationId", "capacity")
        SELECT DISTINCT ON (r.id, x.uid) r.id, r.dossier, r.house, x.uid, x.org, 'PARTICIPANT'::"VoterCapacity" FROM _re r JOIN _p x ON x.g = r.g
        UNION ALL SELECT r.id, r.dossier, r.house, c.uid, c.org, 'CHAIR'::"VoterCapacity" FROM _re r JOIN _coord c USING (h);
      INSERT INTO "RetentionVote" ("extensionId", "dossierId", "safeHouseId", "userId", "vote", "votedAt")
        SELECT v."extensionId", v."dossierId", v."safeHouseId", v."userId", 'AGREE', r.closed - interval '1 day'
          FROM "RetentionVoter" v JOIN _re r ON r.id = v."extensionId";`,
    ],
  ];
  await c.query('BEGIN');
  try {
    await c.query(`SET LOCAL session_replication_role = replica`);
    for (const [name, sql] of steps) {
      const t = Date.now();
      await c.query(sql);
      log(`[bench]   ${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    const m = (err as Error).message;
    if (/session_replication_role/.test(m)) {
      throw new Error(
        `${m}\nThe generator needs an owner that may SET session_replication_role (a superuser, or PostgreSQL ≥ 15 with that privilege granted).`,
      );
    }
    throw err;
  }
}

/** mulberry32: a small seeded PRNG, so the access log is the same for the same seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIONS: { action: string; purpose: string; objectType: string; dossier: boolean; w: number }[] = [
  { action: 'dossier.view', purpose: 'caseWork', objectType: 'Dossier', dossier: true, w: 40 },
  { action: 'dossier.list', purpose: 'caseWork', objectType: 'DossierList', dossier: false, w: 15 },
  { action: 'conference.view', purpose: 'caseConference', objectType: 'Dossier', dossier: true, w: 12 },
  { action: 'triage.view', purpose: 'admission', objectType: 'TriageInbox', dossier: false, w: 5 },
  { action: 'conference.contribute', purpose: 'caseConference', objectType: 'InformationItem', dossier: true, w: 5 },
  { action: 'partnerInput.write', purpose: 'partnerInput', objectType: 'PartnerInput', dossier: true, w: 3 },
  { action: 'admission.decide', purpose: 'admission', objectType: 'Dossier', dossier: true, w: 2 },
  { action: 'disclosure.vote', purpose: 'disclosure', objectType: 'DisclosureProposal', dossier: true, w: 2 },
  { action: 'referral.submit', purpose: 'referral', objectType: 'Dossier', dossier: true, w: 2 },
  { action: 'conference.downloadPdf', purpose: 'caseConference', objectType: 'Dossier', dossier: true, w: 2 },
  { action: 'auth.login', purpose: 'authentication', objectType: 'User', dossier: false, w: 5 },
  { action: 'auth.mfa', purpose: 'authentication', objectType: 'User', dossier: false, w: 5 },
  { action: 'statistics.view', purpose: 'statistics', objectType: 'Statistics', dossier: false, w: 1 },
  { action: 'audit.view', purpose: 'accessLogOversight', objectType: 'AuditLog', dossier: false, w: 1 },
];

/** ~1,000,000 access-log rows, chained exactly as audit_append chains them. */
async function appendAuditLog(c: pg.Client, o: GenerateOptions, log: (m: string) => void) {
  const users = (
    await c.query<{ id: string; org: string; roles: string; house: string | null }>(`
      SELECT u.id, u."organisationId" AS org, string_agg(DISTINCT r.role::text, ',' ORDER BY r.role::text) AS roles,
             min(r."safeHouseId"::text) AS house
        FROM "User" u JOIN "RoleAssignment" r ON r."userId" = u.id GROUP BY u.id ORDER BY u.email`)
  ).rows;
  const dossiers = (
    await c.query<{ id: string; house: string }>(`SELECT id, "safeHouseId" AS house FROM "Dossier" ORDER BY reference`)
  ).rows;
  // ADR 0028: seal what the seed appended, then go on from the sealed head (nothing may wait)
  await sealAuditLog(c);
  const unsealed = (await c.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "hash" IS NULL`)).rows[0].n;
  if (unsealed > 0) throw new Error(`[bench] ${unsealed} access-log rows could not be sealed; is the app running?`);
  const last = (
    await c.query<{ seq: string; hash: string }>(
      `SELECT "sealedSeq"::text AS seq, "sealedHash" AS hash FROM "AuditSeal"`,
    )
  ).rows[0];
  let seq = BigInt(last?.seq ?? 0);
  let prev = last?.hash ?? GENESIS_HASH;
  const rnd = prng(o.seed);
  const totalW = ACTIONS.reduce((s, a) => s + a.w, 0);
  const end = Date.UTC(2026, 10, 30);
  const start = end - 730 * 86_400_000;
  // the month partitions of the generated period (ADR 0028)
  await c.query(`SELECT audit_partitions_ensure($1::timestamptz, now() + interval '2 months')`, [
    new Date(start).toISOString(),
  ]);
  const step = (end - start) / o.auditRows;
  const BATCH = 10_000;
  const t0 = Date.now();
  for (let done = 0; done < o.auditRows;) {
    const n = Math.min(BATCH, o.auditRows - done);
    const cols: (string | null)[][] = Array.from({ length: 14 }, () => new Array(n));
    for (let k = 0; k < n; k++) {
      const i = done + k;
      let x = rnd() * totalW;
      let a = ACTIONS[0]!;
      for (const cand of ACTIONS) {
        if ((x -= cand.w) < 0) {
          a = cand;
          break;
        }
      }
      const u = users[Math.floor(rnd() * users.length)]!;
      const d = a.dossier ? dossiers[Math.floor(rnd() * dossiers.length)]! : null;
      const denied = rnd() < 0.01;
      seq += 1n;
      const row = {
        seq,
        occurredAt: new Date(Math.floor(start + i * step)),
        actorUserId: u.id,
        actorOrganisationId: u.org,
        actorRoles: u.roles,
        safeHouseId: d?.house ?? u.house,
        action: a.action,
        objectType: a.objectType,
        objectId: d ? d.id : a.action === 'dossier.list' ? 'page:1' : null,
        dossierId: d?.id ?? null,
        purpose: a.purpose,
        reason: null,
        outcome: denied ? 'DENIED' : 'ALLOWED',
        prevHash: prev,
      };
      const hash = rowHash(row);
      const values = [
        row.seq.toString(),
        row.occurredAt.toISOString(),
        row.actorUserId,
        row.actorOrganisationId,
        row.actorRoles,
        row.safeHouseId,
        row.action,
        row.objectType,
        row.objectId,
        row.dossierId,
        row.purpose,
        row.outcome,
        row.prevHash,
        hash,
      ];
      for (let col = 0; col < 14; col++) cols[col]![k] = values[col]!;
      prev = hash;
    }
    await c.query(
      `INSERT INTO "AuditEvent" ("seq", "occurredAt", "actorUserId", "actorOrganisationId", "actorRoles", "safeHouseId", "action",
         "objectType", "objectId", "dossierId", "purpose", "reason", "outcome", "prevHash", "hash")
       SELECT s, o, u, g, r, h, a, ot, oi, d, p, NULL, oc::"AuditOutcome", ph, hs
         FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::text[],
                     $10::uuid[], $11::text[], $12::text[], $13::text[], $14::text[]) AS t(s, o, u, g, r, h, a, ot, oi, d, p, oc, ph, hs)`,
      cols,
    );
    done += n;
    if (done % 200_000 === 0 || done === o.auditRows)
      log(`[bench]   access log: ${done} rows (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  // the numbers and the sealer go on after the generated rows
  await c.query(`SELECT setval('"AuditEvent_seq_seq"', $1::bigint)`, [seq.toString()]);
  await c.query(`UPDATE "AuditSeal" SET "sealedSeq" = $1, "sealedHash" = $2, "horizonSeq" = $1, "horizonXmax" = NULL`, [
    seq.toString(),
    prev,
  ]);
}

/** A cheap re-check of what replica mode did not check: references of the generated rows. */
async function checkForeignKeys(c: pg.Client) {
  const checks = [
    `SELECT count(*) FROM "CaseParticipant" p LEFT JOIN "User" u ON u.id = p."userId" WHERE u.id IS NULL`,
    `SELECT count(*) FROM "InformationItem" i LEFT JOIN "AgendaItem" a ON a.id = i."agendaItemId" WHERE i."agendaItemId" IS NOT NULL AND a.id IS NULL`,
    `SELECT count(*) FROM "InformationItem" i LEFT JOIN "ClientMember" m ON m.id = i."concernsMemberId" WHERE i."concernsMemberId" IS NOT NULL AND m.id IS NULL`,
    `SELECT count(*) FROM "DisclosureProposal" p LEFT JOIN "ClientMember" m ON m.id = p."memberId" WHERE p."memberId" IS NOT NULL AND m.id IS NULL`,
    `SELECT count(*) FROM "DisclosureItem" p LEFT JOIN "InformationItem" m ON m.id = p."informationItemId" WHERE m.id IS NULL`,
    `SELECT count(*) FROM "Dossier" d LEFT JOIN "User" u ON u.id = d."referrerUserId" WHERE u.id IS NULL`,
    `SELECT count(*) FROM "PartnerInput" p LEFT JOIN "CorePartnership" c ON c."organisationId" = p."organisationId" AND c."safeHouseId" = p."safeHouseId" WHERE c."organisationId" IS NULL`,
  ];
  for (const q of checks) {
    const { rows } = await c.query<{ count: string }>(q);
    if (rows[0]!.count !== '0')
      throw new Error(`[bench] generated data has dangling references: ${q} → ${rows[0]!.count}`);
  }
}

export function parseGenerateOptions(argv: string[]): GenerateOptions {
  const num = (flag: string, env: string | undefined, dflt: number) => {
    const i = argv.indexOf(flag);
    return Number(i >= 0 ? argv[i + 1] : (env ?? dflt));
  };
  return {
    seed: num('--seed', process.env.BENCH_SEED, 20261130),
    dossiers: num('--dossiers', process.env.BENCH_DOSSIERS, 10_000),
    auditRows: num('--audit', process.env.BENCH_AUDIT_ROWS, 1_000_000),
    force: argv.includes('--force'),
    verify: argv.includes('--verify'),
  };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/bench/generate.ts')) {
  const o = parseGenerateOptions(process.argv.slice(2));
  const db = await prepareBenchDatabase(o);
  try {
    const c = new pg.Client({ connectionString: db.ownerUrl });
    await c.connect();
    const { rows } =
      await c.query(`SELECT (SELECT count(*) FROM "Dossier") AS dossiers, (SELECT count(*) FROM "ClientMember") AS members,
      (SELECT count(*) FROM "CaseParticipant") AS participants, (SELECT count(*) FROM "InformationItem") AS items,
      (SELECT count(*) FROM "DisclosureVote") AS votes, (SELECT count(*) FROM "AuditEvent") AS audit,
      pg_size_pretty(pg_database_size(current_database())) AS size`);
    console.log('[bench] contents:', rows[0]);
    if (o.verify) {
      const t = Date.now();
      const r = await verifyAuditLog(c);
      console.log(
        `[bench] access-log chain: ${JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))} in ${((Date.now() - t) / 1000).toFixed(1)} s`,
      );
    }
    await c.end();
  } finally {
    await db.embedded?.stop();
  }
  process.exit(0);
}
