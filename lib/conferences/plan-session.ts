import 'server-only';
import { useCase } from '@/lib/use-case/kernel';
import { invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { brusselsWallClockToInstant } from '@/lib/time';
import { planSessionSchema, type PlanSessionValues } from './schemas';

/**
 * The coordinator plans a conference session of their safe house with an agenda of admitted
 * cases (art. 12). Participants are invited per case afterwards.
 */
export async function planSession(userId: string, values: PlanSessionValues, now = new Date()) {
  const parsed = validateForm(planSessionSchema, values, (v): Record<string, string> =>
    v.startTime && v.endTime && v.endTime <= v.startTime ? { endTime: 'Het einduur ligt na het beginuur.' } : {},
  );
  if (!parsed.ok) throw invalid('Het overleg is nog niet volledig. Controleer de gemarkeerde velden.', parsed.errors);
  const d = parsed.data;
  const startsAt = brusselsWallClockToInstant(d.date, d.startTime);
  const endsAt = brusselsWallClockToInstant(d.date, d.endTime);
  if (startsAt.getTime() < now.getTime() - 86_400_000)
    throw invalid('Het overleg ligt in het verleden.', { date: 'Kies een datum vanaf vandaag.' });
  // a typo must not plan a session in 2999: at most two years ahead
  if (startsAt.getTime() > now.getTime() + 2 * 366 * 86_400_000)
    throw invalid('Het overleg ligt te ver in de toekomst.', { date: 'Kies een datum binnen de komende twee jaar.' });
  return useCase(userId, { action: 'conference.plan', purpose: 'caseConference' }, async ({ tx, actor, log }) => {
    const dossiers = await tx.dossier.findMany({
      where: { id: { in: d.dossierIds }, safeHouseId: { in: actor.coordinatorHouses }, status: 'IN_TRAJECTORY' },
      select: { id: true, safeHouseId: true },
    });
    const houses = new Set(dossiers.map((x) => x.safeHouseId));
    if (dossiers.length !== new Set(d.dossierIds).size || houses.size !== 1) {
      throw invalid('Zet enkel lopende trajecten van één Veilig Huis op de agenda.', {
        dossierIds: 'Ongeldige selectie van casussen.',
      });
    }
    const safeHouseId = dossiers[0]!.safeHouseId;
    const session = await tx.conferenceSession.create({
      data: {
        safeHouseId,
        startsAt,
        endsAt,
        location: d.location,
        createdByUserId: actor.userId,
        agenda: { create: d.dossierIds.map((dossierId, position) => ({ dossierId, safeHouseId, position })) },
      },
      select: { id: true },
    });
    await log({
      action: 'conference.plan',
      objectType: 'ConferenceSession',
      objectId: session.id,
      safeHouseId,
    });
    return session;
  });
}
