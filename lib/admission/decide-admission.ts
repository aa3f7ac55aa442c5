import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { retentionEnd } from '@/lib/closure/schemas';
import { yearsFor, type EndedWithoutTrajectory } from '@/lib/retention/terms';
import { validateDecision, type DECISIONS, type DecisionValues } from './schemas';

const STATUS_AFTER: Record<(typeof DECISIONS)[number], 'IN_TRAJECTORY' | EndedWithoutTrajectory> = {
  REFER_TO_REGULAR_CARE: 'REFERRED_TO_REGULAR_CARE',
  ATTACH_TO_EXISTING_CARE: 'ATTACHED_TO_EXISTING_CARE',
  START_TRAJECTORY: 'IN_TRAJECTORY',
  NOT_ADMISSIBLE: 'NOT_ADMISSIBLE',
};

/**
 * The admission decision (art. 5, art. 11). Only the coordinator (or representative) of the
 * receiving safe house, only once (SUBMITTED -> decided, checked by count under concurrency),
 * a trajectory only with all three criteria met, and — when a minor is involved — only after a
 * mandated agency (VK or OCJ) was consulted. Starting a trajectory asks the core partners for
 * written input. The referrer is told the outcome and its reasons on their referral. Any other
 * decision ends the dossier at once: it is closed now and gets its retention term (default per
 * outcome, never more than 15 years; art. 15 §3, ADR 0015), after which the purge deletes it.
 */
export async function decideAdmission(userId: string, dossierId: string, values: DecisionValues, now = new Date()) {
  const parsed = validateDecision(values);
  if (!parsed.ok) throw invalid('De beslissing is nog niet volledig. Controleer de gemarkeerde velden.', parsed.errors);
  const d = parsed.data;
  const need = {
    action: 'admission.decide',
    purpose: 'admission',
    dossierId,
    notNow: 'Over deze aanmelding is al beslist.',
  } as const;
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log }) => {
    const minors = await tx.clientMember.count({ where: { dossierId, isMinor: true } });
    if (minors > 0) {
      const consultations = await tx.mandatedAgencyConsultation.count({ where: { dossierId } });
      if (consultations === 0) {
        throw invalid(
          'Er is een minderjarige betrokken: registreer eerst het overleg met een gemandateerde voorziening (VK of OCJ) voor je beslist (art. 5, tweede lid).',
          { _consultation: 'Nog geen overleg met VK of OCJ geregistreerd.' },
        );
      }
    }

    const status = STATUS_AFTER[d.decision];
    const ends = status === 'IN_TRAJECTORY' ? null : yearsFor(status);
    const moved = await tx.dossier.updateMany({
      where: { id: dossierId, status: 'SUBMITTED' },
      data: {
        status,
        decidedAt: now,
        decisionReasons: d.decisionReasons,
        inputRequestedAt: d.decision === 'START_TRAJECTORY' ? now : null,
        ...(ends === null ? {} : { closedAt: now, retentionYears: ends, retentionUntil: retentionEnd(now, ends) }),
      },
    });
    if (moved.count !== 1) throw conflict('Over deze aanmelding werd intussen al beslist.');
    await tx.admissionAssessment.create({
      data: {
        dossierId,
        safeHouseId: dossier.safeHouseId,
        assessorUserId: actor.userId,
        criterion1Met: d.criterion1Met,
        criterion1Reason: d.criterion1Reason,
        criterion2Met: d.criterion2Met,
        criterion2Reason: d.criterion2Reason,
        criterion3Met: d.criterion3Met,
        criterion3Reason: d.criterion3Reason,
        riskLevel: d.riskLevel,
        riskAssessment: d.riskAssessment,
        decision: d.decision,
        decisionReasons: d.decisionReasons,
        decidedAt: now,
      },
    });
    await log({ objectType: 'AdmissionAssessment', objectId: dossierId });
    return { status, retentionUntil: ends === null ? null : retentionEnd(now, ends) };
  });
}
