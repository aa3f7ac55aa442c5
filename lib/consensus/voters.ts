import 'server-only';
import type { Tx } from '@/lib/use-case/kernel';
import { conflict } from '@/lib/errors';
import { currentParticipants } from '@/lib/participants/current';
import { consensusOutcome, type ConsensusResult, type VoteChoice } from './outcome';
import { CONSENSUS_SUBJECTS, type ConsensusKind } from './subjects';

export interface FrozenVoter {
  userId: string;
  organisationId: string;
  capacity: 'PARTICIPANT' | 'CHAIR';
}

/**
 * Who must agree to a proposal made now at this session of the case (ADR 0014): every current
 * participant (accepted, secrecy acknowledged, not left) and the coordinator who chairs the
 * session (its creator, while coordinator of the holding safe house). Read only.
 */
export async function votersFor(tx: Tx, dossierId: string, agendaItemId: string): Promise<FrozenVoter[]> {
  const [chairRow] = await tx.$queryRaw<
    { chair: string | null }[]
  >`SELECT consensus_chair(${agendaItemId}::uuid) AS chair`;
  const chairId = chairRow?.chair ?? null;
  if (!chairId)
    throw conflict(
      'Dit overleg heeft geen voorzitter meer die coördinator is van dit Veilig Huis. Plan een nieuw overleg.',
    );
  const [chairUser] = await tx.$queryRaw<
    { organisationId: string }[]
  >`SELECT "organisationId" FROM "User" WHERE "id" = ${chairId}::uuid`;
  const participants = await currentParticipants(tx, dossierId);
  return [
    { userId: chairId, organisationId: chairUser!.organisationId, capacity: 'CHAIR' as const },
    ...participants
      .filter((p) => p.userId !== chairId)
      .map((p) => ({ userId: p.userId, organisationId: p.organisationId, capacity: 'PARTICIPANT' as const })),
  ];
}

/** Stores the frozen set of a proposal just created (the database checks it is complete). */
export async function freezeVoters(
  tx: Tx,
  kind: ConsensusKind,
  proposalId: string,
  dossier: { id: string; safeHouseId: string },
  voters: FrozenVoter[],
) {
  const s = CONSENSUS_SUBJECTS[kind];
  for (const v of voters) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "${s.voters}" ("${s.key}", "dossierId", "safeHouseId", "userId", "organisationId", "capacity")
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::"VoterCapacity")`,
      proposalId,
      dossier.id,
      dossier.safeHouseId,
      v.userId,
      v.organisationId,
      v.capacity,
    );
  }
}

export interface ConsensusView extends ConsensusResult {
  voters: (FrozenVoter & { eligible: boolean; vote: VoteChoice | null })[];
}

/** The frozen voters of several proposals with their votes and whether they can still vote. */
export async function consensusViews(tx: Tx, kind: ConsensusKind, ids: string[]): Promise<Map<string, ConsensusView>> {
  const s = CONSENSUS_SUBJECTS[kind];
  const out = new Map<string, ConsensusView>();
  if (ids.length === 0) return out;
  const rows = await tx.$queryRawUnsafe<
    {
      id: string;
      userId: string;
      organisationId: string;
      capacity: 'PARTICIPANT' | 'CHAIR';
      eligible: boolean;
      vote: VoteChoice | null;
    }[]
  >(
    `SELECT w."${s.key}" AS id, w."userId", w."organisationId", w."capacity"::text AS capacity, v."vote"::text AS vote,
            consensus_voter_eligible(w."capacity", w."dossierId", w."safeHouseId", w."userId") AS eligible
       FROM "${s.voters}" w LEFT JOIN "${s.votes}" v ON v."${s.key}" = w."${s.key}" AND v."userId" = w."userId"
      WHERE w."${s.key}" = ANY ($1::uuid[])
      ORDER BY w."capacity" DESC, w."userId"`,
    ids,
  );
  for (const id of ids) {
    const voters = rows.filter((r) => r.id === id).map(({ id: _id, ...v }) => v);
    out.set(id, { ...consensusOutcome(voters), voters });
  }
  return out;
}

export async function consensusView(tx: Tx, kind: ConsensusKind, id: string): Promise<ConsensusView> {
  return (await consensusViews(tx, kind, [id])).get(id)!;
}
