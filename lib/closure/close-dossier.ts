import 'server-only';
import { withActor } from '@/lib/db/scoped';
import { recordAudit } from '@/lib/audit/log';
import { conflict, invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { notifyCase, requireDossierAction } from '@/lib/conferences/context';
import { closeSchema, DEFAULT_RETENTION_YEARS, MAX_RETENTION_YEARS, retentionEnd, type CloseValues } from './schemas';

/**
 * Art. 15 §3: the dossier is closed at a closing conference (afrondingstafel), with its date and
 * reasons. Personal data are kept 15 years from closure — or longer, up to 30, only with an
 * extension all participants agreed to. From then on the dossier is read-only (also enforced in
 * the database), and the retention job deletes its personal data when the term ends.
 */
export async function closeDossier(userId: string, dossierId: string, values: CloseValues, now = new Date()) {
  const parsed = validateForm(closeSchema, values);
  if (!parsed.ok) throw invalid('De afsluiting is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  const closedAt = new Date(`${v.closedOn}T12:00:00Z`);
  if (closedAt.getTime() > now.getTime() + 86_400_000) throw invalid('De afrondingstafel kan niet in de toekomst liggen.', { closedOn: 'Datum ligt in de toekomst.' });
  return withActor(userId, async (tx, actor) => {
    const dossier = await requireDossierAction(tx, actor, dossierId, 'dossier.close', 'closeDossier', 'Enkel een lopend traject kan afgesloten worden.');
    let years = DEFAULT_RETENTION_YEARS;
    let ground: 'HONOUR_RELATED_VIOLENCE' | 'OTHER_FORM_OF_VIOLENCE' | 'VERY_SERIOUS_FACTS' | null = null;
    if (v.extensionId) {
      const ext = await tx.retentionExtension.findFirst({ where: { id: v.extensionId, dossierId } });
      if (!ext) throw invalid('Onbekend voorstel tot verlenging.', { extensionId: 'Onbekend voorstel.' });
      if (ext.status !== 'APPROVED') throw conflict('Zonder consensus van alle deelnemers blijft de bewaartermijn 15 jaar.');
      if (ext.years > MAX_RETENTION_YEARS) throw invalid(`De bewaartermijn kan hoogstens ${MAX_RETENTION_YEARS} jaar zijn.`);
      years = ext.years;
      ground = ext.ground;
    }
    const moved = await tx.dossier.updateMany({
      where: { id: dossierId, status: 'IN_TRAJECTORY' },
      data: {
        status: 'CLOSED', closedAt, closureReasons: v.reasons, retentionYears: years, retentionGround: ground,
        retentionUntil: retentionEnd(closedAt, years), inputClosedAt: now,
      },
    });
    if (moved.count !== 1) throw conflict('Dit dossier werd intussen al afgesloten.');
    await recordAudit(tx, actor, {
      action: 'dossier.close', objectType: 'Dossier', objectId: dossierId, dossierId, safeHouseId: dossier.safeHouseId,
      purpose: 'closeDossier', outcome: 'ALLOWED',
    });
    await notifyCase(tx, dossierId, 'closure', dossierId);
    return { retentionUntil: retentionEnd(closedAt, years), years };
  });
}
