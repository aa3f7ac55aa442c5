import 'server-only';
import { useCase, DeniedError } from '@/lib/use-case/kernel';
import { conflict } from '@/lib/errors';

/**
 * Art. 14 §1 / art. 458ter Sw.: before seeing anything of a case, the participant acknowledges
 * that what is shared in the conference is secret. Recorded with its time; per case.
 */
export async function acknowledgeSecrecy(userId: string, participationId: string, now = new Date()) {
  return useCase(userId, { action: 'secrecy.acknowledge', purpose: 'caseConference' }, async ({ tx, actor, log }) => {
    const p = await tx.caseParticipant.findFirst({
      where: { id: participationId, userId: actor.userId, acceptedAt: { not: null }, leftAt: null },
    });
    if (!p)
      throw new DeniedError({
        action: 'secrecy.acknowledge',
        objectType: 'CaseParticipant',
        objectId: participationId,
        purpose: 'caseConference',
      });
    if (p.secrecyAcknowledgedAt) throw conflict('Je hebt de geheimhoudingsplicht voor deze casus al bevestigd.');
    await tx.caseParticipant.update({ where: { id: p.id }, data: { secrecyAcknowledgedAt: now } });
    await log({ objectType: 'CaseParticipant', objectId: p.id, dossierId: p.dossierId, safeHouseId: p.safeHouseId });
    return { dossierId: p.dossierId };
  });
}

/**
 * A participant leaves a case (or the coordinator removes them): no more access, no vote. Open
 * proposals are NOT settled again: who must agree was frozen when they were made, so a leaver who
 * had not voted makes them unreachable — leaving never approves (art. 14 §2; ADR 0014).
 */
export async function leaveCase(userId: string, participationId: string, now = new Date()) {
  return useCase(userId, { action: 'participant.leave', purpose: 'caseConference' }, async ({ tx, actor, log }) => {
    const p = await tx.caseParticipant.findFirst({
      where: {
        id: participationId,
        leftAt: null,
        OR: [{ userId: actor.userId }, { safeHouseId: { in: actor.coordinatorHouses } }],
      },
    });
    if (!p)
      throw new DeniedError({
        action: 'participant.leave',
        objectType: 'CaseParticipant',
        objectId: participationId,
        purpose: 'caseConference',
      });
    // Serialise with votes on the case's open proposals (same locks as lib/consensus/vote.ts), so
    // a vote is either counted before the removal or refused after it — never in between.
    const open = await tx.$queryRaw<{ id: string; salt: number }[]>`
      SELECT "id"::text AS id, 7270414 AS salt FROM "DisclosureProposal" WHERE "dossierId" = ${p.dossierId}::uuid AND "status" = 'OPEN'
      UNION ALL SELECT "id"::text, 7270415 FROM "RetentionExtension" WHERE "dossierId" = ${p.dossierId}::uuid AND "status" = 'OPEN'
      ORDER BY 1`;
    for (const o of open) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${o.id}, ${o.salt}))`;
    await tx.caseParticipant.update({ where: { id: p.id }, data: { leftAt: now } });
    await log({ objectType: 'CaseParticipant', objectId: p.id, dossierId: p.dossierId, safeHouseId: p.safeHouseId });
    await tx.$executeRaw`SELECT notify_case_event(${p.dossierId}::uuid, 'participants', ${p.id}::uuid)`;
  });
}
