import type pg from 'pg';
import { ownerDb } from './db';
import { liveSessionToken } from './sessions';

/**
 * For tests of the second wall: the RLS settings the app would set for `userId`
 * (lib/use-case/kernel.ts), computed independently from the owner's view of the tables.
 */
export async function actorSettings(userId: string) {
  const db = ownerDb();
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: { roles: true, organisation: { include: { corePartnerships: true } } },
  });
  const partnerHouses = new Set(user.organisation.corePartnerships.map((c) => c.safeHouseId));
  const houses = (...roles: string[]) => [
    ...new Set(user.roles.filter((r) => roles.includes(r.role) && r.safeHouseId).map((r) => r.safeHouseId!)),
  ];
  const participations = await db.caseParticipant.findMany({
    where: {
      userId,
      acceptedAt: { not: null },
      secrecyAcknowledgedAt: { not: null },
      leftAt: null,
      dossier: { status: { not: 'CLOSED' } },
    },
    select: { dossierId: true },
  });
  return {
    'app.user_id': user.id,
    'app.organisation_id': user.organisationId,
    'app.roles': `{${user.roles.map((r) => r.role).join(',')}}`,
    'app.coordinator_houses': `{${houses('COORDINATOR', 'COORDINATOR_REPRESENTATIVE').join(',')}}`,
    'app.core_partner_houses': `{${houses('CORE_PARTNER_STAFF')
      .filter((h) => partnerHouses.has(h))
      .join(',')}}`,
    'app.participant_dossiers': `{${participations.map((p) => p.dossierId).join(',')}}`,
  };
}

/**
 * Runs `sql` as the application role acting as `userId`, in a transaction that is always rolled
 * back. Resolves to the command's result, or rejects with PostgreSQL's error (with its `code`).
 */
export async function asActor(
  client: pg.Client,
  userId: string,
  sql: string,
  params: unknown[] = [],
): Promise<pg.QueryResult> {
  const token = await liveSessionToken(userId);
  await client.query('BEGIN');
  try {
    // the only thing the app can tell the database: its session's token (ADR 0020)
    await client.query(`SELECT set_config('app.session_token', $1, true)`, [token]);
    const result = await client.query(sql, params);
    await client.query('SET CONSTRAINTS ALL IMMEDIATE');
    return result;
  } finally {
    await client.query('ROLLBACK');
  }
}

/** The outcome of a forbidden write: refused with an error, or silently changing no row. */
export async function refused(client: pg.Client, userId: string, sql: string, params: unknown[] = []): Promise<string> {
  try {
    const r = await asActor(client, userId, sql, params);
    return r.rowCount === 0 ? 'no rows' : `ALLOWED (${r.rowCount} rows)`;
  } catch (e) {
    return `refused ${(e as { code?: string }).code ?? ''}`.trim();
  }
}
