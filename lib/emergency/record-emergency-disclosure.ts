import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { invalid } from '@/lib/errors';
import { composeEmergencyMail } from '@/lib/mail/emergency';
import { appLink, sendMail } from '@/lib/mail/transport';
import { brusselsWallClockToInstant } from '@/lib/time';
import { validateForm } from '@/lib/validation/form';
import { emergencySchema, type EmergencyValues } from './schemas';

/** A few minutes of clock difference between the browser and the server. */
const SKEW_MS = 5 * 60_000;

/**
 * A participant (or the coordinator) records that they disclosed information urgently outside
 * consensus — on the state of necessity, art. 458bis Sw. or the duty to help a person in danger
 * (art. 422bis Sw.) — with what, to whom, when and why it could not wait (seeds 001, 002;
 * ADR 0035). The record is append-only, in the recorder's name and for their organisation; it is
 * on the case file, in the access log and on the agenda of the case's next session. After the
 * commit every other participant and the coordinators of the safe house get a mail that says
 * only that such a record waits, and where (a failed mail does not undo the record).
 */
export async function recordEmergencyDisclosure(
  userId: string,
  dossierId: string,
  values: EmergencyValues,
  now = new Date(),
) {
  const parsed = validateForm(emergencySchema, values);
  if (!parsed.ok) throw invalid('De dringende mededeling is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  const disclosedAt = brusselsWallClockToInstant(v.disclosedAt.slice(0, 10), v.disclosedAt.slice(11, 16));
  if (disclosedAt.getTime() > now.getTime() + SKEW_MS)
    throw invalid('De mededeling moet al gebeurd zijn.', { disclosedAt: 'Dit tijdstip ligt in de toekomst.' });

  const need = {
    action: 'emergency.record',
    purpose: 'caseConference',
    dossierId,
    objectType: 'EmergencyDisclosure',
    notNow: 'Dit dossier is niet (meer) in traject.',
  } as const;
  const result = await dossierUseCase(userId, need, async ({ tx, actor, dossier, log, notify }) => {
    const row = await tx.emergencyDisclosure.create({
      data: {
        dossierId,
        safeHouseId: dossier.safeHouseId,
        recordedByUserId: actor.userId,
        organisationId: actor.organisationId,
        ground: v.ground,
        disclosed: v.disclosed,
        recipient: v.recipient,
        disclosedAt,
        urgency: v.urgency,
        createdAt: now,
      },
      select: { id: true },
    });
    await log({ objectType: 'EmergencyDisclosure', objectId: row.id });
    await notify('recordEmergencyDisclosure', row.id);
    // who is told: the case's participants now (accepted, acknowledged, not left) and the
    // coordinators of the holding safe house — not the one who recorded it
    const [participants, coordinators, house] = await Promise.all([
      tx.caseParticipant.findMany({
        where: { dossierId, acceptedAt: { not: null }, secrecyAcknowledgedAt: { not: null }, leftAt: null },
        select: { userId: true },
      }),
      tx.roleAssignment.findMany({
        where: { safeHouseId: dossier.safeHouseId, role: { in: ['COORDINATOR', 'COORDINATOR_REPRESENTATIVE'] } },
        select: { userId: true },
      }),
      tx.safeHouse.findUniqueOrThrow({ where: { id: dossier.safeHouseId }, select: { name: true } }),
    ]);
    const ids = [...new Set([...participants, ...coordinators].map((p) => p.userId))].filter(
      (id) => id !== actor.userId,
    );
    const users = await tx.user.findMany({ where: { id: { in: ids }, active: true }, select: { email: true } });
    return { id: row.id, to: users.map((u) => u.email).sort(), house: house.name };
  });

  const url = appLink(`/dossiers/${dossierId}/casusoverleg#dringend`);
  if (!url) return { id: result.id, mail: { sent: 0, failed: result.to.length } };
  let sent = 0;
  for (const to of result.to) {
    const r = await sendMail(composeEmergencyMail({ to, safeHouseName: result.house, url }));
    if (r.delivered) sent++;
  }
  return { id: result.id, mail: { sent, failed: result.to.length - sent } };
}
