import 'server-only';
import { withActor } from '@/lib/db/scoped';
import { can } from '@/lib/access/policy';
import { recordAudit } from '@/lib/audit/log';
import { AppError, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { planSessionSchema, type PlanSessionValues } from './schemas';

/** Brussels wall-clock time -> instant (handles summer time via Intl). */
export function brusselsTime(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(guess);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asIfUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess.getTime() - (asIfUtc - guess.getTime()));
}

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
  const startsAt = brusselsTime(d.date, d.startTime);
  const endsAt = brusselsTime(d.date, d.endTime);
  if (startsAt.getTime() < now.getTime() - 86_400_000) throw invalid('Het overleg ligt in het verleden.', { date: 'Kies een datum vanaf vandaag.' });
  // a typo must not plan a session in 2999: at most two years ahead
  if (startsAt.getTime() > now.getTime() + 2 * 366 * 86_400_000) throw invalid('Het overleg ligt te ver in de toekomst.', { date: 'Kies een datum binnen de komende twee jaar.' });
  return withActor(userId, async (tx, actor) => {
    if (!can(actor, 'conference.plan')) throw new AppError('FORBIDDEN_ACTION', 'Enkel de coördinator plant een casusoverleg.');
    const dossiers = await tx.dossier.findMany({
      where: { id: { in: d.dossierIds }, safeHouseId: { in: actor.coordinatorHouses }, status: 'IN_TRAJECTORY' },
      select: { id: true, safeHouseId: true },
    });
    const houses = new Set(dossiers.map((x) => x.safeHouseId));
    if (dossiers.length !== new Set(d.dossierIds).size || houses.size !== 1) {
      throw invalid('Zet enkel lopende trajecten van één Veilig Huis op de agenda.', { dossierIds: 'Ongeldige selectie van casussen.' });
    }
    const safeHouseId = dossiers[0]!.safeHouseId;
    const session = await tx.conferenceSession.create({
      data: {
        safeHouseId, startsAt, endsAt, location: d.location, createdByUserId: actor.userId,
        agenda: { create: d.dossierIds.map((dossierId, position) => ({ dossierId, safeHouseId, position })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: 'conference.plan', objectType: 'ConferenceSession', objectId: session.id, safeHouseId,
      purpose: 'planSession', outcome: 'ALLOWED',
    });
    return session;
  });
}
