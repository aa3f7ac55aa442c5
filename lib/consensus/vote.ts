import 'server-only';
import type { DossierAction } from '@/lib/access/policy';
import { dossierUseCase, type DossierNeed } from '@/lib/use-case/kernel';
import { conflict } from '@/lib/errors';
import { openAgendaItem, NO_OPEN_SESSION } from '@/lib/conferences/open-agenda-item';
import type { ConsensusOutcome, VoteChoice } from './outcome';
import { CONSENSUS_SUBJECTS, type ConsensusKind } from './subjects';
import { consensusView } from './voters';

/** The dossier of a proposal, looked up from the proposal (never taken from the browser). */
function proposalNeed(kind: ConsensusKind, id: string, action: DossierAction, notNow: string): DossierNeed {
  const s = CONSENSUS_SUBJECTS[kind];
  return {
    action,
    purpose: kind === 'disclosure' ? 'disclosure' : 'closure',
    objectType: s.objectType,
    objectId: id,
    notNow,
    dossierId: async (tx) =>
      (
        await tx.$queryRawUnsafe<{ dossierId: string }[]>(
          `SELECT "dossierId"::text AS "dossierId" FROM "${s.proposals}" WHERE "id" = $1::uuid`,
          id,
        )
      )[0]?.dossierId,
  };
}

/**
 * One vote on a proposal decided by consensus (a disclosure, art. 14 §2, or a longer retention,
 * art. 15 §3) — written once for both: lock the proposal, check the voter is in the frozen set
 * and can still vote, no double vote, insert, settle. Votes on one proposal are serialised by a
 * transaction-scoped advisory lock; the database checks every step again (ADR 0014).
 */
export async function castConsensusVote(
  kind: ConsensusKind,
  userId: string,
  id: string,
  vote: VoteChoice,
  now = new Date(),
) {
  const s = CONSENSUS_SUBJECTS[kind];
  const need = proposalNeed(kind, id, s.voteAction, 'Enkel bij een lopend traject wordt gestemd.');
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log, notify }) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, ${s.lockSalt}))`;
    const [{ status }] = (await tx.$queryRawUnsafe<{ status: string }[]>(
      `SELECT "status"::text AS status FROM "${s.proposals}" WHERE "id" = $1::uuid`,
      id,
    )) as [{ status: string }];
    const before = await consensusView(tx, kind, id);
    const me = before.voters.find((v) => v.userId === actor.userId);
    if (!me)
      throw conflict(
        'Je hoort niet bij wie over dit voorstel beslist: de deelnemers op het moment van het voorstel en de voorzitter.',
      );
    if (!me.eligible) throw conflict('Je neemt niet (meer) deel aan deze casus en kunt niet stemmen.');
    if (status !== 'OPEN') throw conflict('Over dit voorstel is al beslist.');
    if (me.vote) throw conflict('Je hebt al gestemd over dit voorstel.');
    // votes are cast at the conference: while a session with this case on its agenda is open (art. 13)
    if (!(await openAgendaItem(tx, dossier.id))) throw conflict(NO_OPEN_SESSION);
    await tx.$executeRawUnsafe(
      `INSERT INTO "${s.votes}" ("${s.key}", "dossierId", "safeHouseId", "userId", "vote", "votedAt") VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::"VoteChoice", $6)`,
      id,
      dossier.id,
      dossier.safeHouseId,
      actor.userId,
      vote,
      now,
    );
    const after = await consensusView(tx, kind, id);
    const outcome: ConsensusOutcome = after.status;
    if (outcome !== 'OPEN') {
      await tx.$executeRawUnsafe(
        `UPDATE "${s.proposals}" SET "status" = $2::text::"${kind === 'disclosure' ? 'DisclosureStatus' : 'ConsensusStatus'}", "decidedAt" = $3 WHERE "id" = $1::uuid AND "status" = 'OPEN'`,
        id,
        outcome,
        now,
      );
    }
    await log({
      objectType: s.objectType,
      objectId: id,
      action: `${kind}.vote.${vote === 'AGREE' ? 'agree' : 'object'}`,
    });
    if (outcome !== 'OPEN')
      await log({
        objectType: s.objectType,
        objectId: id,
        action: `${kind}.${outcome === 'APPROVED' ? 'approved' : 'blocked'}`,
      });
    await notify(s.notifyKind, id);
    return { status: outcome, unreachable: after.unreachable };
  });
}

/**
 * Withdraws a proposal that is open (or approved and not yet shared): by the one who made it or
 * by the coordinator. This is the only way out of a proposal whose voters can no longer all agree.
 */
export async function withdrawConsensus(kind: ConsensusKind, userId: string, id: string, now = new Date()) {
  const s = CONSENSUS_SUBJECTS[kind];
  return dossierUseCase(
    userId,
    proposalNeed(kind, id, s.withdrawAction, 'Enkel bij een lopend traject.'),
    async ({ tx, actor, dossier, log, notify }) => {
      const [row] = (await tx.$queryRawUnsafe<{ proposedByUserId: string }[]>(
        `SELECT "proposedByUserId"::text AS "proposedByUserId" FROM "${s.proposals}" WHERE "id" = $1::uuid`,
        id,
      )) as [{ proposedByUserId: string }];
      if (row.proposedByUserId !== actor.userId && !actor.coordinatorHouses.includes(dossier.safeHouseId)) {
        throw conflict('Enkel wie het voorstel deed, of de coördinator, kan het intrekken.');
      }
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, ${s.lockSalt}))`;
      const moved = await tx.$executeRawUnsafe(
        `UPDATE "${s.proposals}" SET "status" = 'WITHDRAWN', "decidedAt" = $2 WHERE "id" = $1::uuid AND "status" IN ('OPEN', 'APPROVED')`,
        id,
        now,
      );
      if (moved !== 1) throw conflict('Dit voorstel kan niet meer ingetrokken worden.');
      await log({ objectType: s.objectType, objectId: id });
      await notify(s.notifyKind, id);
    },
  );
}
