import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { retentionEnd } from '@/lib/closure/schemas';
import { yearsFor } from '@/lib/retention/terms';
import { brusselsDayEnd } from '@/lib/time';
import { notifyUsers } from '@/lib/notifications/notify';
import { validateCheck, type CheckValues } from './schemas';
import { admissionNeed } from './admission-need';

/**
 * Step (a) of the admission (art. 5; ADR 0031): the coordinator checks the three criteria, each
 * with its reason, and makes their own risk assessment — recorded once.
 * - A criterion not met: "niet ontvankelijk" at once, with reasons for the referrer; the dossier
 *   ends now with its retention term (art. 15 §3, ADR 0015).
 * - All three met: the input round of the core partners of the safe house opens (art. 11, 2nd
 *   para) until the end of the chosen day (Brussels); the dossier stays SUBMITTED until the
 *   follow-up decision.
 */
export async function checkAdmission(userId: string, dossierId: string, values: CheckValues, now = new Date()) {
  const parsed = validateCheck(values, now);
  if (!parsed.ok) throw invalid('De toets is nog niet volledig. Controleer de gemarkeerde velden.', parsed.errors);
  const d = parsed.data;
  const allMet = d.criterion1Met && d.criterion2Met && d.criterion3Met;
  const need = admissionNeed('admission.check', dossierId);
  const result = await dossierUseCase(userId, need, async ({ tx, actor, dossier, log }) => {
    if (await tx.admissionCheck.findUnique({ where: { dossierId }, select: { id: true } })) {
      throw conflict('Deze aanmelding werd al getoetst aan de criteria van art. 5.');
    }
    const criteria = {
      criterion1Met: d.criterion1Met,
      criterion1Reason: d.criterion1Reason,
      criterion2Met: d.criterion2Met,
      criterion2Reason: d.criterion2Reason,
      criterion3Met: d.criterion3Met,
      criterion3Reason: d.criterion3Reason,
      riskLevel: d.riskLevel,
      riskAssessment: d.riskAssessment,
    };
    const check = await tx.admissionCheck.create({
      data: { ...criteria, dossierId, safeHouseId: dossier.safeHouseId, assessorUserId: actor.userId, checkedAt: now },
      select: { id: true },
    });
    await log({ objectType: 'AdmissionCheck', objectId: check.id });

    if (allMet) {
      const inputDeadline = brusselsDayEnd(d.inputDeadline);
      const opened = await tx.dossier.updateMany({
        where: { id: dossierId, status: 'SUBMITTED', inputRequestedAt: null },
        data: { inputRequestedAt: now, inputDeadline },
      });
      if (opened.count !== 1) throw conflict('Over deze aanmelding werd intussen al beslist.');
      await log({ action: 'partnerInput.openRound', objectType: 'Dossier', objectId: dossierId });
      // the core-partner staff of the house: told that something waits (ADR 0039)
      const notified = await notifyUsers(tx, {
        kind: 'INPUT_ROUND',
        objectId: dossierId,
        safeHouseId: dossier.safeHouseId,
        dossierId,
        link: '/te-beantwoorden',
        to: { corePartnerStaffOf: dossier.safeHouseId },
      });
      return { status: 'SUBMITTED' as const, inputDeadline, retentionUntil: null, notified };
    }

    // not admissible: decided at once, with reasons, and the dossier ends with its retention term
    const years = yearsFor('NOT_ADMISSIBLE');
    const moved = await tx.dossier.updateMany({
      where: { id: dossierId, status: 'SUBMITTED' },
      data: {
        status: 'NOT_ADMISSIBLE',
        decidedAt: now,
        decisionReasons: d.decisionReasons,
        closedAt: now,
        retentionYears: years,
        retentionUntil: retentionEnd(now, years),
      },
    });
    if (moved.count !== 1) throw conflict('Over deze aanmelding werd intussen al beslist.');
    await tx.admissionAssessment.create({
      data: {
        ...criteria,
        dossierId,
        safeHouseId: dossier.safeHouseId,
        assessorUserId: actor.userId,
        decision: 'NOT_ADMISSIBLE',
        decisionReasons: d.decisionReasons,
        decidedAt: now,
      },
    });
    await log({ action: 'admission.decide', objectType: 'AdmissionAssessment', objectId: dossierId });
    return {
      status: 'NOT_ADMISSIBLE' as const,
      inputDeadline: null,
      retentionUntil: retentionEnd(now, years),
      notified: 0,
    };
  });
  return result;
}
