import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { closeCrossErrors, closeSchema, MAX_RETENTION_YEARS, retentionEnd, type CloseValues } from './schemas';

/**
 * Art. 15 §3: a trajectory is closed at a closing conference (afrondingstafel) — a session of
 * this case that has taken place — with its reasons. Personal data are kept no longer than
 * necessary: the coordinator chooses the term, at most 15 years (shorter with a reason). Longer,
 * up to 30, only with an extension all voters agreed to AT THAT closing conference; an extension
 * approved at an earlier session does not carry over (ADR 0015). From then on the dossier is
 * read-only (also in the database, except rectification), and the purge deletes it on time.
 */
export async function closeDossier(userId: string, dossierId: string, values: CloseValues, now = new Date()) {
  const parsed = validateForm(closeSchema, values, closeCrossErrors);
  if (!parsed.ok) throw invalid('De afsluiting is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  const need = {
    action: 'dossier.close',
    purpose: 'closure',
    dossierId,
    notNow: 'Enkel een lopend traject kan afgesloten worden.',
  } as const;
  return dossierUseCase(userId, need, async ({ tx, log, notify }) => {
    const agenda = await tx.agendaItem.findFirst({
      where: { id: v.agendaItemId, dossierId },
      select: { id: true, session: { select: { startsAt: true } } },
    });
    if (!agenda)
      throw invalid('Kies het overleg van deze casus dat de afrondingstafel was.', {
        agendaItemId: 'Onbekend overleg.',
      });
    if (agenda.session.startsAt.getTime() > now.getTime()) {
      throw invalid('De afrondingstafel moet al plaatsgevonden hebben.', {
        agendaItemId: 'Dit overleg ligt nog in de toekomst.',
      });
    }
    const closedAt = agenda.session.startsAt;
    let years = v.years;
    let ground: 'HONOUR_RELATED_VIOLENCE' | 'OTHER_FORM_OF_VIOLENCE' | 'VERY_SERIOUS_FACTS' | null = null;
    if (v.extensionId) {
      const ext = await tx.retentionExtension.findFirst({ where: { id: v.extensionId, dossierId } });
      if (!ext) throw invalid('Onbekend voorstel tot verlenging.', { extensionId: 'Onbekend voorstel.' });
      if (ext.status !== 'APPROVED')
        throw conflict(
          'Zonder consensus van alle deelnemers en de voorzitter blijft de bewaartermijn hoogstens 15 jaar.',
        );
      if (ext.agendaItemId !== agenda.id) {
        throw conflict(
          'Een verlenging geldt enkel als ze op deze afrondingstafel met consensus beslist werd (art. 15, § 3).',
        );
      }
      if (ext.years > MAX_RETENTION_YEARS)
        throw invalid(`De bewaartermijn kan hoogstens ${MAX_RETENTION_YEARS} jaar zijn.`);
      years = ext.years;
      ground = ext.ground;
    }
    const retentionUntil = retentionEnd(closedAt, years);
    const moved = await tx.dossier.updateMany({
      where: { id: dossierId, status: 'IN_TRAJECTORY' },
      data: {
        status: 'CLOSED',
        closedAt,
        closureReasons: v.reasons,
        closingAgendaItemId: agenda.id,
        retentionYears: years,
        retentionGround: ground,
        retentionReason: ground ? null : v.shorterReason || null,
        retentionUntil,
        inputClosedAt: now,
      },
    });
    if (moved.count !== 1) throw conflict('Dit dossier werd intussen al afgesloten.');
    await log({ objectType: 'Dossier', objectId: dossierId });
    await notify('closure', dossierId);
    return { retentionUntil, years };
  });
}
