import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { makeUser, unique } from '@/prisma/factories';
import { AUDIT_COUNT_CAP, searchAuditEvents } from '@/lib/dpo/search-events';
import { runAuditVerification } from '@/lib/audit/verify-db';
import { exportAuditEvents, openAuditExport, AUDIT_CSV_HEADER } from '@/lib/dpo/export-events';
import { brusselsDayEnd, brusselsDayStart, brusselsToday } from '@/lib/time';
import { recordAudit } from '@/lib/audit/log';
import { withActor } from '@/lib/use-case/kernel';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { appRoleClient, ownerDb, ownerPgClient, sealThroughNow } from '../helpers/db';
import { liveSessionToken } from '../helpers/sessions';
import { buildScenario, type Scenario } from '../helpers/scenario';

/**
 * The DPO / supervisor's access log (memorandum to art. 15; DOMAIN.md §3): who had access to
 * which data, when, what they did and why — filterable, exportable, with the chain check, and
 * without any dossier content.
 */
let s: Scenario;
let purged: { dossierId: string; reference: string };
let busy: { id: string; organisationId: string };
const dayOffset = (days: number) => {
  const [y, m, d] = brusselsToday().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

beforeAll(async () => {
  s = await buildScenario();
  await getDossier(s.users.coordA.id, s.dossiers.submittedA.id);
  await getDossier(s.users.referrer2.id, s.dossiers.submittedB.id);
  // a denied attempt: logged with the dossier as its object only
  await expect(getDossier(s.users.coordB.id, s.dossiers.submittedA.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

  // a dossier whose personal data were purged after its retention term: only the deletion
  // record and the log remain
  purged = { dossierId: crypto.randomUUID(), reference: unique('VH-DEL').toUpperCase() };
  const now = new Date();
  await ownerDb().deletionRecord.create({
    data: {
      dossierId: purged.dossierId,
      reference: purged.reference,
      safeHouseId: s.houseA.id,
      closedAt: new Date(now.getTime() - 86_400_000),
      retentionUntil: now,
      purgedAt: now,
      rowsDeleted: 12,
    },
  });
  await withActor(s.users.coordA.id, (tx, actor) =>
    recordAudit(tx, actor, {
      action: 'dossier.view',
      objectType: 'Dossier',
      objectId: purged.dossierId,
      dossierId: purged.dossierId,
      safeHouseId: s.houseA.id,
      purpose: 'caseWork',
      outcome: 'ALLOWED',
    }),
  );

  // a user with many events (pagination) and a reason a spreadsheet must not execute
  busy = await makeUser(ownerDb(), {
    organisationId: s.users.referrer.organisationId,
    name: 'Druk Bezet',
    roles: [{ role: 'REFERRER' }],
  });
  await withActor(busy.id, async (tx, actor) => {
    for (let i = 0; i < 53; i++) {
      await recordAudit(tx, actor, {
        action: 'referral.listOwn',
        objectType: 'Test',
        objectId: `nr-${i}`,
        purpose: 'referral',
        outcome: 'ALLOWED',
      });
    }
    await recordAudit(tx, actor, {
      action: 'personalData.reveal',
      objectType: 'Test',
      objectId: 'csv',
      purpose: 'needToKnow',
      reason: 'overleg; "dringend"',
      outcome: 'ALLOWED',
    });
    await recordAudit(tx, actor, {
      action: 'personalData.reveal',
      objectType: 'Test',
      objectId: 'formule',
      purpose: 'needToKnow',
      reason: '=HYPERLINK("x")',
      outcome: 'DENIED',
    });
  });
});

describe('art. 15: the DPO searches the access log', () => {
  it('art. 15: the DPO filters the access log by user, and sees names and dossier references', async () => {
    const r = await searchAuditEvents(s.users.dpo.id, { gebruiker: s.users.coordA.id });
    expect(r.errors).toEqual({});
    expect(r.events.length).toBeGreaterThan(0);
    expect(r.events.every((e) => e.actorUserId === s.users.coordA.id)).toBe(true);
    const view = r.events.find((e) => e.action === 'dossier.view' && e.dossierId === s.dossiers.submittedA.id);
    expect(view).toMatchObject({
      actorName: s.users.coordA.name,
      organisationName: expect.any(String),
      objectType: 'Dossier',
      dossierReference: s.dossiers.submittedA.reference,
      purpose: 'caseWork',
      outcome: 'ALLOWED',
    });
    expect(r.verification.ok).toBe(true);
    // the filter choices come from the log itself
    expect(r.options.users.map((u) => u.value)).toContain(s.users.coordA.id);
    expect(r.options.actions).toContainEqual({ value: 'dossier.view', label: 'Dossier geraadpleegd' });
    expect(r.options.purposes).toContainEqual({
      value: 'caseWork',
      label: expect.stringContaining('Opvolging van het dossier'),
    });
  });

  it('art. 15: the DPO filters the access log by organisation', async () => {
    const r = await searchAuditEvents(s.users.dpo.id, { organisatie: s.users.referrer2.organisationId });
    expect(r.events.length).toBeGreaterThan(0);
    expect(r.events.every((e) => e.actorOrganisationId === s.users.referrer2.organisationId)).toBe(true);
    expect(
      r.events.some((e) => e.actorUserId === s.users.referrer2.id && e.dossierId === s.dossiers.submittedB.id),
    ).toBe(true);
  });

  it('art. 15: the DPO filters the access log by dossier reference, including denied attempts', async () => {
    const ref = s.dossiers.submittedA.reference;
    const r = await searchAuditEvents(s.users.dpo.id, { dossier: ` ${ref.toLowerCase()} ` });
    expect(r.unknownReference).toBe(false);
    expect(r.filters.dossier).toBe(ref);
    expect(r.events.length).toBeGreaterThan(0);
    expect(
      r.events.every((e) => e.dossierId === s.dossiers.submittedA.id || e.objectId === s.dossiers.submittedA.id),
    ).toBe(true);
    expect(r.events.every((e) => e.dossierReference === ref)).toBe(true);
    expect(r.events.some((e) => e.actorUserId === s.users.coordA.id && e.outcome === 'ALLOWED')).toBe(true);
    expect(r.events.some((e) => e.actorUserId === s.users.coordB.id && e.outcome === 'DENIED')).toBe(true);
  });

  it('art. 15: the DPO finds the log of a purged dossier through its deletion record', async () => {
    const r = await searchAuditEvents(s.users.dpo.id, { dossier: purged.reference });
    expect(r.unknownReference).toBe(false);
    expect(r.events.length).toBeGreaterThan(0);
    expect(r.events.every((e) => e.dossierId === purged.dossierId || e.objectId === purged.dossierId)).toBe(true);
    expect(r.events.find((e) => e.action === 'dossier.view')?.dossierReference).toBe(purged.reference);

    const unknown = await searchAuditEvents(s.users.dpo.id, { dossier: 'VH-BESTAAT-NIET-0000' });
    expect(unknown).toMatchObject({ unknownReference: true, total: 0, events: [] });
  });

  it('art. 15: the DPO filters the access log by action and by purpose', async () => {
    const byAction = await searchAuditEvents(s.users.dpo.id, { actie: 'dossier.view', gebruiker: s.users.coordB.id });
    expect(byAction.events.length).toBeGreaterThan(0);
    expect(byAction.events.every((e) => e.action === 'dossier.view' && e.actorUserId === s.users.coordB.id)).toBe(true);
    expect(byAction.events.some((e) => e.outcome === 'DENIED')).toBe(true);

    const byPurpose = await searchAuditEvents(s.users.dpo.id, { doel: 'needToKnow', gebruiker: busy.id });
    expect(byPurpose.total).toBe(2);
    expect(byPurpose.events.every((e) => e.purpose === 'needToKnow' && e.actorUserId === busy.id)).toBe(true);
  });

  it('art. 15: the DPO filters the access log by period, in Brussels days', async () => {
    const today = brusselsToday();
    const inPeriod = await searchAuditEvents(s.users.dpo.id, { gebruiker: s.users.coordA.id, van: today, tot: today });
    expect(inPeriod.events.length).toBeGreaterThan(0);
    for (const e of inPeriod.events) {
      expect(e.occurredAt.getTime()).toBeGreaterThanOrEqual(brusselsDayStart(today).getTime());
      expect(e.occurredAt.getTime()).toBeLessThan(brusselsDayEnd(today).getTime());
    }
    expect((await searchAuditEvents(s.users.dpo.id, { gebruiker: s.users.coordA.id, van: dayOffset(1) })).total).toBe(
      0,
    );
    expect((await searchAuditEvents(s.users.dpo.id, { gebruiker: s.users.coordA.id, tot: dayOffset(-1) })).total).toBe(
      0,
    );

    const wrong = await searchAuditEvents(s.users.dpo.id, { van: today, tot: dayOffset(-1), gebruiker: 'iemand' });
    expect(wrong.errors).toMatchObject({
      tot: expect.stringMatching(/vóór de begindatum/),
      gebruiker: expect.any(String),
    });
    expect(wrong.events).toEqual([]);
  });

  it('art. 15: the access log is paginated and pages keep their filters', async () => {
    const p1 = await searchAuditEvents(s.users.dpo.id, { gebruiker: busy.id, actie: 'referral.listOwn' });
    expect(p1).toMatchObject({ total: 53, pages: 2, page: 1 });
    expect(p1.events).toHaveLength(50);
    const p2 = await searchAuditEvents(s.users.dpo.id, { gebruiker: busy.id, actie: 'referral.listOwn', pagina: '2' });
    expect(p2.events).toHaveLength(3);
    expect(p2.events.map((e) => e.objectId)).toEqual(['nr-2', 'nr-1', 'nr-0']);
  });

  it("art. 15: the DPO's own search is logged, with the filters and no more", async () => {
    await searchAuditEvents(s.users.dpo.id, {
      dossier: s.dossiers.trajectoryA.reference,
      actie: 'dossier.view',
      pagina: '1',
    });
    const event = await ownerDb().auditEvent.findFirst({
      where: {
        actorUserId: s.users.dpo.id,
        action: 'audit.view',
        purpose: 'accessLogOversight',
        dossierId: s.dossiers.trajectoryA.id,
      },
      orderBy: { seq: 'desc' },
    });
    expect(event?.objectId).toBe(`dossier=${s.dossiers.trajectoryA.reference};actie=dossier.view;pagina=1`);
    expect(event?.outcome).toBe('ALLOWED');

    // whatever was typed into the reference field is not copied unless it is a real reference
    await searchAuditEvents(s.users.dpo.id, { dossier: 'PEETERS' });
    const typed = await ownerDb().auditEvent.findFirst({
      where: { actorUserId: s.users.dpo.id, action: 'audit.view' },
      orderBy: { seq: 'desc' },
    });
    expect(typed?.objectId).toBe('dossier=(onbekend);pagina=1');
  });
});

describe('art. 15: the DPO exports the access log', () => {
  it('art. 15: the export is CSV with a BOM, semicolons and quoting, of the filtered events', async () => {
    const { csv, rows, truncated, filename } = await exportAuditEvents(s.users.dpo.id, {
      gebruiker: busy.id,
      actie: 'personalData.reveal',
    });
    expect(rows).toBe(2);
    expect(truncated).toBe(false);
    expect(filename).toMatch(/^toegangslog-\d{8}-\d{4}\.csv$/);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(AUDIT_CSV_HEADER.join(';'));
    expect(lines).toHaveLength(4); // header, two rows, empty after the last CRLF
    expect(lines[3]).toBe('');
    // newest first; the formula is defused; quotes doubled; a semicolon in a field is quoted
    expect(lines[1]).toContain(`;"'=HYPERLINK(""x"")";geweigerd;`);
    expect(lines[2]).toContain(';"overleg; ""dringend""";toegestaan;');
    expect(lines[2]).toContain(`;Druk Bezet;${busy.id};`);
    expect(lines[2]).toMatch(/;\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0[12]:00;/);
  });

  it('art. 15: exporting is logged', async () => {
    await exportAuditEvents(s.users.dpo.id, { dossier: s.dossiers.submittedA.reference });
    const event = await ownerDb().auditEvent.findFirst({
      where: { actorUserId: s.users.dpo.id, action: 'audit.export' },
      orderBy: { seq: 'desc' },
    });
    expect(event).toMatchObject({
      purpose: 'accessLogOversight',
      outcome: 'ALLOWED',
      dossierId: s.dossiers.submittedA.id,
    });
    expect(event?.objectId).toMatch(new RegExp(`^dossier=${s.dossiers.submittedA.reference};rijen=\\d+$`));
  });

  it('art. 15, issue 11 §4: the export streams page by page — the same file at any page size, without what was logged after it opened', async () => {
    const filters = { gebruiker: busy.id };
    const whole = await exportAuditEvents(s.users.dpo.id, filters);
    expect(whole.rows).toBe(55);
    const exp = await openAuditExport(s.users.dpo.id, filters, { pageRows: 7 });
    expect(exp).toMatchObject({ rows: 55, truncated: false });
    const chunks = exp.chunks();
    let csv = (await chunks.next()).value ?? '';
    expect(csv).toBe(`\uFEFF${AUDIT_CSV_HEADER.join(';')}\r\n`);
    // logged after the opening: not part of this file
    await withActor(busy.id, (tx, actor) =>
      recordAudit(tx, actor, {
        action: 'dossier.view',
        objectType: 'Test',
        objectId: 'na-het-openen',
        purpose: 'caseWork',
        outcome: 'ALLOWED',
      }),
    );
    let pieces = 0;
    for await (const chunk of chunks) {
      csv += chunk;
      pieces++;
    }
    expect(pieces).toBe(Math.ceil(55 / 7));
    expect(csv).toBe(whole.csv);
    expect(csv).not.toContain('na-het-openen');
  });

  it('art. 15, issue 11 §4: every page re-checks the right — a DPO whose role ends mid-download gets no further rows', async () => {
    const dpo2 = await makeUser(ownerDb(), {
      organisationId: s.users.dpo.organisationId,
      name: 'Tweede Toezicht',
      roles: [{ role: 'DPO' }],
    });
    const exp = await openAuditExport(dpo2.id, { gebruiker: busy.id }, { pageRows: 10 });
    const chunks = exp.chunks();
    await chunks.next(); // header
    expect((await chunks.next()).value?.split('\r\n')).toHaveLength(11); // ten rows
    await ownerDb().roleAssignment.deleteMany({ where: { userId: dpo2.id } });
    // the page is refused: for the lost right, or because a role change ended the session
    await expect(chunks.next()).rejects.toMatchObject({
      code: expect.stringMatching(/^(FORBIDDEN_ACTION|UNAUTHENTICATED)$/),
    });
  });

  it('art. 15: an export with invalid filters is refused', async () => {
    await expect(exportAuditEvents(s.users.dpo.id, { van: '2026-02-30' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { van: expect.any(String) },
    });
  });
});

describe('art. 15: the DPO sees no dossier content, and only the DPO sees the log', () => {
  it('art. 15: the DPO cannot open a dossier', async () => {
    await expect(getDossier(s.users.dpo.id, s.dossiers.submittedA.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getDossier(s.users.dpo.id, s.dossiers.trajectoryA.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('art. 15: the log and its export carry no client names', async () => {
    const page = await searchAuditEvents(s.users.dpo.id, { dossier: s.dossiers.submittedA.reference });
    expect(JSON.stringify(page, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain(s.secretName);
    const { csv } = await exportAuditEvents(s.users.dpo.id, {});
    expect(csv).not.toContain(s.secretName);
  });

  it('art. 15: anyone but the DPO gets FORBIDDEN_ACTION for the log and its export', async () => {
    for (const user of [s.users.coordA, s.users.admin, s.users.analyst, s.users.referrer]) {
      await expect(searchAuditEvents(user.id, {})).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
      await expect(exportAuditEvents(user.id, {})).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
    }
  });
});

describe('art. 15: the reference functions answer the DPO only', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = await appRoleClient();
  });
  afterAll(async () => {
    await client.end();
  });

  async function asRoles(userId: string | null) {
    await client.query('BEGIN');
    try {
      if (userId)
        await client.query(`SELECT set_config('app.session_token', $1, true)`, [await liveSessionToken(userId)]);
      const byRef = await client.query(`SELECT audit_dossier_id_for_reference($1) AS id`, [
        s.dossiers.submittedA.reference,
      ]);
      const byPurged = await client.query(`SELECT audit_dossier_id_for_reference($1) AS id`, [purged.reference]);
      const refs = await client.query(`SELECT * FROM audit_dossier_references($1::uuid[])`, [
        [s.dossiers.submittedA.id, purged.dossierId],
      ]);
      return { id: byRef.rows[0].id as string | null, purgedId: byPurged.rows[0].id as string | null, refs: refs.rows };
    } finally {
      await client.query('ROLLBACK');
    }
  }

  it('art. 15: the reference function refuses a coordinator, an administrator and a caller without actor', async () => {
    for (const userId of [s.users.coordA.id, s.users.admin.id, null]) {
      expect(await asRoles(userId)).toEqual({ id: null, purgedId: null, refs: [] });
    }
  });

  it('art. 15: the reference functions give the DPO ids and references, nothing else', async () => {
    const r = await asRoles(s.users.dpo.id);
    expect(r.id).toBe(s.dossiers.submittedA.id);
    expect(r.purgedId).toBe(purged.dossierId);
    expect(r.refs).toHaveLength(2);
    expect(r.refs).toEqual(
      expect.arrayContaining([
        { dossierId: s.dossiers.submittedA.id, reference: s.dossiers.submittedA.reference },
        { dossierId: purged.dossierId, reference: purged.reference },
      ]),
    );
  });

  it('art. 15: the DPO still cannot read dossier rows directly', async () => {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT set_config('app.session_token', $1, true)`, [await liveSessionToken(s.users.dpo.id)]);
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Dossier" WHERE "id" = $1`, [
        s.dossiers.submittedA.id,
      ]);
      expect(rows[0].n).toBe(0);
    } finally {
      await client.query('ROLLBACK');
    }
  });
});

describe('art. 15: the access log page at scale (issue 11 §4)', () => {
  it("art. 15: the page shows the worker's newest chain check and checks only the rows after it", async () => {
    const c = await ownerPgClient();
    try {
      const stored = await runAuditVerification(c, 'full');
      expect(stored).toMatchObject({ scope: 'full', fromSeq: 0n, ok: true });
      // numbers of rolled-back transactions are gaps (ADR 0028): at most one row per number
      expect(stored.checked).toBeGreaterThan(0n);
      expect(stored.checked).toBeLessThanOrEqual(stored.toSeq);
      // events after the check wait for the sealer (ADR 0028), and the page says so: a transaction
      // that holds a lower number keeps every sealer (of any test file) from passing it
      const holder = await ownerPgClient();
      try {
        await holder.query('BEGIN');
        await holder.query(
          `SELECT audit_append(NULL, NULL, '', NULL, 'test.event', 'Test', 'held', NULL, 'test', NULL, 'ALLOWED')`,
        );
        await getDossier(s.users.coordA.id, s.dossiers.submittedA.id);
        const waiting = await searchAuditEvents(s.users.dpo.id, {});
        expect(waiting.verification).toMatchObject({ ok: true, pending: 0 });
        if (!waiting.verification.ok) throw new Error('unreachable');
        expect(waiting.verification.unsealed).toBeGreaterThan(0);
        await holder.query('COMMIT');
      } finally {
        await holder.end();
      }
      // once sealed, the page checks those rows itself
      await sealThroughNow();
      const r = await searchAuditEvents(s.users.dpo.id, {});
      expect(r.verification).toMatchObject({ ok: true, pending: 0, lastFullRunAt: expect.any(Date) });
      if (!r.verification.ok) throw new Error('unreachable');
      expect(BigInt(r.verification.throughSeq ?? '0')).toBeGreaterThan(stored.toSeq);
      // the next run of the worker starts where the last one ended
      const next = await runAuditVerification(c, 'incremental');
      expect(next).toMatchObject({ scope: 'incremental', fromSeq: stored.toSeq, ok: true });
      expect(next.toSeq).toBeGreaterThan(stored.toSeq);
    } finally {
      await c.end();
    }
  });

  it('art. 15: the count stops at its cap and the page says "more than"', async () => {
    const many = await makeUser(ownerDb(), {
      organisationId: s.users.referrer.organisationId,
      name: 'Zeer Druk',
      roles: [{ role: 'REFERRER' }],
    });
    const c = await ownerPgClient();
    try {
      await c.query(
        `SELECT audit_append($1, $2, 'REFERRER', NULL, 'referral.listOwn', 'Test', 'n-' || g, NULL, 'referral', NULL, 'ALLOWED')
           FROM generate_series(1, $3::int) g`,
        [many.id, many.organisationId, AUDIT_COUNT_CAP + 5],
      );
    } finally {
      await c.end();
    }
    const r = await searchAuditEvents(s.users.dpo.id, { gebruiker: many.id });
    expect(r).toMatchObject({ total: AUDIT_COUNT_CAP, totalCapped: true, pages: AUDIT_COUNT_CAP / 50, page: 1 });
    expect(r.events).toHaveLength(50);
    expect(r.events[0]!.objectId).toBe(`n-${AUDIT_COUNT_CAP + 5}`);
    const exact = await searchAuditEvents(s.users.dpo.id, { gebruiker: busy.id, actie: 'referral.listOwn' });
    expect(exact).toMatchObject({ total: 53, totalCapped: false });
  });
});
