/**
 * The benchmark's "floor" (issue 11 §1): a minimal Node HTTP server on raw `pg` that serves the
 * dossier list and the dossier page with the SQL the app needs for them — one transaction per
 * request as the application role (vhd_app, under row-level security), the session token and
 * `jit = off` set transaction-locally, the actor checked (app_user_id) and loaded, the dossier's
 * visibility checked as lib/access/policy.ts `dossierWhere`, the sections of
 * lib/dossiers/get-dossier.ts / list-dossiers.ts, and the access-log row through audit_append
 * in the same transaction — and renders a bare HTML page. No React, no Prisma, no next-auth:
 * what is left is the cost of the database work itself, the lower bound for the app.
 *
 * The session token travels in the cookie `floor-session` (the raw token, not a sealed JWT).
 * Started by scripts/bench/run.ts; env: APP_DATABASE_URL, FLOOR_PORT, FLOOR_POOL (default 10,
 * like lib/db/pool.ts).
 */
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.APP_DATABASE_URL, max: Number(process.env.FLOOR_POOL ?? 10) });
pool.on('error', () => undefined);
const PAGE_SIZE = 25;

interface Actor {
  userId: string;
  organisationId: string;
  roles: string[];
  coordinatorHouses: string[];
  corePartnerHouses: string[];
  participantDossiers: string[];
  agencyDossiers: string[];
}

const esc = (v: unknown) => String(v ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

async function loadActor(c: pg.PoolClient, token: string): Promise<Actor | null> {
  await c.query(`SELECT set_config('app.session_token', $1, true), set_config('jit', 'off', true)`, [token]);
  const who = await c.query<{ uid: string | null }>(`SELECT app_user_id()::text AS uid`);
  const uid = who.rows[0]?.uid;
  if (!uid) return null;
  const { rows } = await c.query<{
    org: string;
    active: boolean;
    roles: { role: string; house: string | null }[];
    partner: string[];
  }>(
    `SELECT u."organisationId" AS org, u.active,
            coalesce((SELECT json_agg(json_build_object('role', r.role, 'house', r."safeHouseId")) FROM "RoleAssignment" r WHERE r."userId" = u.id), '[]') AS roles,
            coalesce((SELECT array_agg(cp."safeHouseId"::text) FROM "CorePartnership" cp WHERE cp."organisationId" = u."organisationId"), '{}') AS partner
       FROM "User" u WHERE u.id = $1`,
    [uid],
  );
  const u = rows[0];
  if (!u?.active) return null;
  const open = await c.query<{ ids: string[]; agency: string[] }>(
    `SELECT app_open_participations($1::uuid)::text[] AS ids, app_agency_dossiers()::text[] AS agency`,
    [uid],
  );
  const houses = (...roles: string[]) => [
    ...new Set(u.roles.filter((r) => roles.includes(r.role) && r.house).map((r) => r.house!)),
  ];
  return {
    userId: uid,
    organisationId: u.org,
    roles: [...new Set(u.roles.map((r) => r.role))].sort(),
    coordinatorHouses: houses('COORDINATOR', 'COORDINATOR_REPRESENTATIVE'),
    corePartnerHouses: houses('CORE_PARTNER_STAFF').filter((h) => u.partner.includes(h)),
    participantDossiers: open.rows[0]?.ids ?? [],
    agencyDossiers: open.rows[0]?.agency ?? [],
  };
}

/** dossierWhere(actor) of lib/access/policy.ts, with the case list as one array parameter. */
const VISIBLE = `(("safeHouseId" = ANY($1::uuid[]) AND status <> 'DRAFT')
  OR ("referrerUserId" = $2::uuid AND status <> 'CLOSED')
  OR ("safeHouseId" = ANY($3::uuid[]) AND "inputRequestedAt" IS NOT NULL AND "inputClosedAt" IS NULL AND status <> 'CLOSED')
  OR (id = ANY($4::uuid[]) AND status <> 'CLOSED')
  OR (id = ANY($5::uuid[]) AND status = 'SUBMITTED'))`;
const visibleParams = (a: Actor) => [
  a.coordinatorHouses,
  a.userId,
  a.corePartnerHouses,
  a.participantDossiers,
  a.agencyDossiers,
];

async function audit(
  c: pg.PoolClient,
  a: Actor,
  action: string,
  objectType: string,
  objectId: string,
  dossierId: string | null,
  house: string | null,
) {
  await c.query(
    `SELECT audit_append($1::uuid, $2::uuid, $3, $4::uuid, $5, $6, $7, $8::uuid, 'caseWork', NULL, 'ALLOWED')`,
    [a.userId, a.organisationId, a.roles.join(','), house, action, objectType, objectId, dossierId],
  );
}

async function list(c: pg.PoolClient, a: Actor, page: number): Promise<string> {
  const p = visibleParams(a);
  const [count, rows] = await Promise.all([
    c.query<{ n: string }>(`SELECT count(*) AS n FROM "Dossier" WHERE ${VISIBLE}`, p),
    c.query(
      `SELECT d.id, d.reference, d.status, d."clientSystemLabel", d."createdAt", d."submittedAt", d."referrerUserId", h.name AS house
         FROM "Dossier" d JOIN "SafeHouse" h ON h.id = d."safeHouseId"
        WHERE ${VISIBLE.replace(/"(safeHouseId|referrerUserId|inputRequestedAt|inputClosedAt)"|\b(status|id)\b/g, (m) => `d.${m}`)}
        ORDER BY d."createdAt" DESC, d.id ASC OFFSET $6 LIMIT ${PAGE_SIZE}`,
      [...p, (page - 1) * PAGE_SIZE],
    ),
  ]);
  await audit(c, a, 'dossier.list', 'DossierList', `page:${page}`, null, null);
  return `<h1>Dossiers (${count.rows[0]!.n})</h1><table>${rows.rows
    .map(
      (r) =>
        `<tr><td><a href="/dossiers/${r.id}">${esc(r.reference)}</a></td><td>${esc(r.clientSystemLabel)}</td><td>${esc(r.status)}</td><td>${esc(r.house)}</td><td>${esc(r.createdAt?.toISOString())}</td></tr>`,
    )
    .join('')}</table>`;
}

async function dossier(c: pg.PoolClient, a: Actor, id: string): Promise<string | null> {
  const facts = await c.query(
    `SELECT id, "safeHouseId", status, "referrerUserId", "inputRequestedAt", "inputClosedAt", reference, "clientSystemLabel"
      FROM "Dossier" WHERE id = $6::uuid AND ${VISIBLE}`,
    [...visibleParams(a), id],
  );
  if (!facts.rowCount) return null;
  const d = (
    await c.query(
      `SELECT d.*, h.name AS house FROM "Dossier" d JOIN "SafeHouse" h ON h.id = d."safeHouseId" WHERE d.id = $1`,
      [id],
    )
  ).rows[0];
  const coordinates = a.coordinatorHouses.includes(d.safeHouseId);
  const [referral, members, contacts, referrer] = await Promise.all([
    c.query(`SELECT * FROM "Referral" WHERE "dossierId" = $1`, [id]),
    c.query(`SELECT * FROM "ClientMember" WHERE "dossierId" = $1 ORDER BY "createdAt", id`, [id]),
    c.query(`SELECT * FROM "Contact" WHERE "dossierId" = $1 ORDER BY "createdAt", id`, [id]),
    c.query(
      `SELECT u.name, o.name AS org FROM "User" u JOIN "Organisation" o ON o.id = u."organisationId" WHERE u.id = $1`,
      [d.referrerUserId],
    ),
  ]);
  const partner = a.corePartnerHouses.includes(d.safeHouseId);
  const [assessment, consultations, inputs, corePartners] = await Promise.all([
    coordinates ? c.query(`SELECT * FROM "AdmissionAssessment" WHERE "dossierId" = $1`, [id]) : null,
    coordinates
      ? c.query(`SELECT * FROM "MandatedAgencyConsultation" WHERE "dossierId" = $1 ORDER BY "consultedAt"`, [id])
      : null,
    coordinates || partner
      ? c.query(
          `SELECT p.*, o.name AS org FROM "PartnerInput" p JOIN "Organisation" o ON o.id = p."organisationId"
            WHERE p."dossierId" = $1 AND ($2::uuid IS NULL OR p."organisationId" = $2) ORDER BY p."createdAt"`,
          [id, coordinates ? null : a.organisationId],
        )
      : null,
    coordinates
      ? c.query(
          `SELECT o.id, o.name FROM "CorePartnership" cp JOIN "Organisation" o ON o.id = cp."organisationId" WHERE cp."safeHouseId" = $1`,
          [d.safeHouseId],
        )
      : null,
  ]);
  const [transfers, houses] = coordinates
    ? await Promise.all([
        c.query(`SELECT * FROM "TransferRequest" WHERE "dossierId" = $1 ORDER BY "createdAt" DESC`, [id]),
        c.query(`SELECT id, name FROM "SafeHouse" ORDER BY name`),
      ])
    : [null, null];
  await c.query(
    `SELECT reason, "showIdentity" FROM "CaseParticipant" WHERE "dossierId" = $1 AND "userId" = $2 AND "leftAt" IS NULL LIMIT 1`,
    [id, a.userId],
  );
  await audit(c, a, 'dossier.view', 'Dossier', id, id, d.safeHouseId);
  const r = referral.rows[0];
  return [
    `<h1>${esc(d.reference)} — ${esc(d.clientSystemLabel)}</h1><p>${esc(d.status)} · ${esc(d.house)} · ${esc(referrer.rows[0]?.name)} (${esc(referrer.rows[0]?.org)})</p>`,
    r ? `<h2>Aanmelding</h2><p>${esc(r.violenceForms)}</p><p>${esc(r.situation)}</p><p>${esc(r.actionsTaken)}</p>` : '',
    `<h2>Leden</h2><ul>${members.rows.map((m) => `<li>${esc(m.memberRole)} ${esc(m.firstName)} ${esc(m.lastName)} ${esc(m.dateOfBirth?.toISOString?.().slice(0, 10))}${m.nationalNumberEnc ? ' · rijksregisternummer afgeschermd' : ''}</li>`).join('')}</ul>`,
    `<h2>Contacten</h2><ul>${contacts.rows.map((m) => `<li>${esc(m.firstName)} ${esc(m.lastName)} (${esc(m.relation)})</li>`).join('')}</ul>`,
    assessment?.rows[0]
      ? `<h2>Toets</h2><p>${esc(assessment.rows[0].decision)}: ${esc(assessment.rows[0].decisionReasons)}</p>`
      : '',
    consultations
      ? `<ul>${consultations.rows.map((x) => `<li>${esc(x.agencyName)}: ${esc(x.view)}</li>`).join('')}</ul>`
      : '',
    inputs
      ? `<h2>Aanvullingen</h2><ul>${inputs.rows.map((x) => `<li>${esc(x.org)}: ${esc(x.viewOnFollowUp)}</li>`).join('')}</ul>`
      : '',
    corePartners ? `<p>${corePartners.rows.length} kernpartners</p>` : '',
    transfers ? `<p>${transfers.rows.length} overdrachten; ${houses!.rows.length} Veilige Huizen</p>` : '',
  ].join('\n');
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://floor');
  const token = /(?:^|;\s*)floor-session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (url.pathname === '/health') return void res.end('ok');
  if (!token) {
    res.writeHead(401);
    return void res.end('no session');
  }
  const dossierMatch = /^\/dossiers\/([0-9a-f-]{36})$/.exec(url.pathname);
  if (url.pathname !== '/' && !dossierMatch) {
    res.writeHead(404);
    return void res.end('not found');
  }
  const c = await pool.connect();
  let body: string | null = null;
  let status = 200;
  try {
    await c.query('BEGIN');
    const actor = await loadActor(c, decodeURIComponent(token));
    if (!actor) status = 401;
    else if (dossierMatch) body = await dossier(c, actor, dossierMatch[1]!);
    else body = await list(c, actor, Math.max(1, Number(url.searchParams.get('pagina') ?? 1) || 1));
    if (status === 200 && body === null) status = 404;
    await c.query(status === 200 ? 'COMMIT' : 'ROLLBACK');
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    status = 500;
    body = esc((err as Error).message);
  } finally {
    c.release();
  }
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    `<!doctype html><html lang="nl"><head><title>floor</title></head><body><main>${body ?? ''}</main></body></html>`,
  );
}

const port = Number(process.env.FLOOR_PORT ?? 3399);
http
  .createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  })
  .listen(port, '127.0.0.1', () => console.log(`[floor] listening on http://127.0.0.1:${port}`));
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => pool.end().finally(() => process.exit(0)));
