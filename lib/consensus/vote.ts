import 'server-only';
import { withActor, DeniedError } from '@/lib/db/scoped';
import { recordAudit } from '@/lib/audit/log';
import { conflict } from '@/lib/errors';
import { notifyCase, requireDossierAction } from '@/lib/conferences/context';
import type { ConsensusOutcome, VoteChoice } from './outcome';
import { z } from '@/lib/validation/zod';
import { CONSENSUS_SUBJECTS, type ConsensusKind } from './subjects';

const uuid = z.string().uuid();
import { consensusView } from './voters';

/**
 * One vote on a proposal decided by consensus (a disclosure, art. 14 §2, or a longer retention,
 * art. 15 §3) — written once for both: lock the proposal, check the voter is in the frozen set
 * and can still vote, no double vote, insert, settle. Votes on one proposal are serialised by a
 * transaction-scoped advisory lock; the database checks every step again (ADR 0014).
 */
export async function castConsensusVote(kind: ConsensusKind, userId: string, id: string, vote: VoteChoice, now = new Date()) {
  const s = CONSENSUS_SUBJECTS[kind];
  const purpose = kind === 'disclosure' ? 'castVote' : 'voteRetentionExtension';
  return withActor(userId, async (tx, actor) => {
    // a malformed id is "not found" (and logged as denied), never a database error
    if (!uuid.safeParse(id).success) throw new DeniedError({ action: s.voteAction, objectType: s.objectType, objectId: id.slice(0, 64), purpose });
    const [row] = await tx.$queryRawUnsafe<{ dossierId: string }[]>(`SELECT "dossierId" FROM "${s.proposals}" WHERE "id" = $1::uuid`, id);
    if (!row) throw new DeniedError({ action: s.voteAction, objectType: s.objectType, objectId: id, purpose });
    const dossier = await requireDossierAction(tx, actor, row.dossierId, s.voteAction, purpose, 'Enkel bij een lopend traject wordt gestemd.');
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, ${s.lockSalt}))`;
    const [{ status }] = (await tx.$queryRawUnsafe<{ status: string }[]>(`SELECT "status"::text AS status FROM "${s.proposals}" WHERE "id" = $1::uuid`, id)) as [{ status: string }];
    const before = await consensusView(tx, kind, id);
    const me = before.voters.find((v) => v.userId === actor.userId);
    if (!me) throw conflict('Je hoort niet bij wie over dit voorstel beslist: de deelnemers op het moment van het voorstel en de voorzitter.');
    if (!me.eligible) throw conflict('Je neemt niet (meer) deel aan deze casus en kunt niet stemmen.');
    if (status !== 'OPEN') throw conflict('Over dit voorstel is al beslist.');
    if (me.vote) throw conflict('Je hebt al gestemd over dit voorstel.');
    await tx.$executeRawUnsafe(
      `INSERT INTO "${s.votes}" ("${s.key}", "dossierId", "safeHouseId", "userId", "vote", "votedAt") VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::"VoteChoice", $6)`,
      id, dossier.id, dossier.safeHouseId, actor.userId, vote, now,
    );
    const after = await consensusView(tx, kind, id);
    const outcome: ConsensusOutcome = after.status;
    if (outcome !== 'OPEN') {
      await tx.$executeRawUnsafe(
        `UPDATE "${s.proposals}" SET "status" = $2::text::"${kind === 'disclosure' ? 'DisclosureStatus' : 'ConsensusStatus'}", "decidedAt" = $3 WHERE "id" = $1::uuid AND "status" = 'OPEN'`,
        id, outcome, now,
      );
    }
    const audit = { objectType: s.objectType, objectId: id, dossierId: dossier.id, safeHouseId: dossier.safeHouseId, purpose, outcome: 'ALLOWED' as const };
    await recordAudit(tx, actor, { ...audit, action: `${kind}.vote.${vote === 'AGREE' ? 'agree' : 'object'}` });
    if (outcome !== 'OPEN') await recordAudit(tx, actor, { ...audit, action: `${kind}.${outcome === 'APPROVED' ? 'approved' : 'blocked'}` });
    await notifyCase(tx, dossier.id, s.notifyKind, id);
    return { status: outcome, unreachable: after.unreachable };
  });
}

/**
 * Withdraws a proposal that is open (or approved and not yet shared): by the one who made it or
 * by the coordinator. This is the only way out of a proposal whose voters can no longer all agree.
 */
export async function withdrawConsensus(kind: ConsensusKind, userId: string, id: string, now = new Date()) {
  const s = CONSENSUS_SUBJECTS[kind];
  const purpose = kind === 'disclosure' ? 'withdrawDisclosure' : 'withdrawRetentionExtension';
  return withActor(userId, async (tx, actor) => {
    if (!uuid.safeParse(id).success) throw new DeniedError({ action: s.withdrawAction, objectType: s.objectType, objectId: id.slice(0, 64), purpose });
    const [row] = await tx.$queryRawUnsafe<{ dossierId: string; proposedByUserId: string }[]>(
      `SELECT "dossierId", "proposedByUserId" FROM "${s.proposals}" WHERE "id" = $1::uuid`, id);
    if (!row) throw new DeniedError({ action: s.withdrawAction, objectType: s.objectType, objectId: id, purpose });
    const dossier = await requireDossierAction(tx, actor, row.dossierId, s.withdrawAction, purpose, 'Enkel bij een lopend traject.');
    if (row.proposedByUserId !== actor.userId && !actor.coordinatorHouses.includes(dossier.safeHouseId)) {
      throw conflict('Enkel wie het voorstel deed, of de coördinator, kan het intrekken.');
    }
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, ${s.lockSalt}))`;
    const moved = await tx.$executeRawUnsafe(
      `UPDATE "${s.proposals}" SET "status" = 'WITHDRAWN', "decidedAt" = $2 WHERE "id" = $1::uuid AND "status" IN ('OPEN', 'APPROVED')`, id, now);
    if (moved !== 1) throw conflict('Dit voorstel kan niet meer ingetrokken worden.');
    await recordAudit(tx, actor, {
      action: s.withdrawAction, objectType: s.objectType, objectId: id, dossierId: dossier.id, safeHouseId: dossier.safeHouseId, purpose, outcome: 'ALLOWED',
    });
    await notifyCase(tx, dossier.id, s.notifyKind, id);
  });
}
