import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { conflict, invalid } from '@/lib/errors';
import { retentionEnd } from '@/lib/closure/schemas';
import { formatDateTime } from '@/lib/time';
import { yearsFor, type EndedWithoutTrajectory } from '@/lib/retention/terms';
import { validateDecision, type FOLLOW_UP_DECISIONS, type DecisionValues } from './schemas';
import { admissionNeed } from './admission-need';

const STATUS_AFTER: Record<(typeof FOLLOW_UP_DECISIONS)[number], 'IN_TRAJECTORY' | EndedWithoutTrajectory> = {
  REFER_TO_REGULAR_CARE: 'REFERRED_TO_REGULAR_CARE',
  ATTACH_TO_EXISTING_CARE: 'ATTACHED_TO_EXISTING_CARE',
  START_TRAJECTORY: 'IN_TRAJECTORY',
};

/**
 * Step (c) of the admission: the follow-up decision (art. 5, 3rd para; ADR 0031). Only the
 * coordinator (or representative) of the receiving safe house, only once, and only
 * - after the art. 5 check found all three criteria met (checkAdmission),
 * - after the core partners' input round: its deadline passed (the round closes now) or the
 *   coordinator closed it early with a reason (closeInputRound),
 * - when a minor is involved, after the mandated agency (VK/OCJ) recorded its own position, or
 *   the coordinator documented an urgent exception (art. 5, 2nd para).
 * The database checks the same order at commit (dossier_follows_admission_sequence). The
 * referrer is told the outcome and its reasons. Referral to regular care or attaching to running
 * care ends the dossier at once with its retention term (art. 15 §3, ADR 0015).
 */
export async function decideAdmission(userId: string, dossierId: string, values: DecisionValues, now = new Date()) {
  const parsed = validateDecision(values);
  if (!parsed.ok) throw invalid('De beslissing is nog niet volledig. Controleer de gemarkeerde velden.', parsed.errors);
  const d = parsed.data;
  const need = admissionNeed('admission.decide', dossierId);
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log }) => {
    const [check, round, minors, consultation] = await Promise.all([
      tx.admissionCheck.findUnique({ where: { dossierId } }),
      tx.dossier.findUniqueOrThrow({
        where: { id: dossierId },
        select: { inputRequestedAt: true, inputDeadline: true, inputClosedAt: true },
      }),
      tx.clientMember.count({ where: { dossierId, isMinor: true } }),
      tx.agencyConsultation.findUnique({
        where: { dossierId },
        select: { respondedAt: true, exceptionRecordedAt: true },
      }),
    ]);
    if (!check || !(check.criterion1Met && check.criterion2Met && check.criterion3Met)) {
      throw invalid('Toets de aanmelding eerst aan de drie criteria van art. 5.', {
        _check: 'Nog geen toets met alle criteria vervuld.',
      });
    }
    if (!round.inputRequestedAt || !round.inputDeadline) {
      throw invalid('De kernpartners werden nog niet om aanvulling gevraagd (art. 11, tweede lid).', {
        _round: 'Nog geen vraag om aanvulling.',
      });
    }
    if (!round.inputClosedAt && now < round.inputDeadline) {
      throw invalid(
        `De kernpartners kunnen nog aanvullen tot ${formatDateTime(round.inputDeadline)}. Beslis daarna, of sluit de vraag om aanvulling vroeger af met een reden.`,
        { _round: 'De vraag om aanvulling loopt nog.' },
      );
    }
    if (minors > 0 && !consultation?.respondedAt && !consultation?.exceptionRecordedAt) {
      throw invalid(
        'Er is een minderjarige betrokken: de gemandateerde voorziening (VK of OCJ) beslist mee. Wacht op haar standpunt, of registreer bij hoogdringendheid een uitzondering (art. 5, tweede lid).',
        { _consultation: 'Nog geen standpunt van VK of OCJ.' },
      );
    }

    const status = STATUS_AFTER[d.decision];
    const ends = status === 'IN_TRAJECTORY' ? null : yearsFor(status);
    const moved = await tx.dossier.updateMany({
      where: { id: dossierId, status: 'SUBMITTED' },
      data: {
        status,
        decidedAt: now,
        decisionReasons: d.decisionReasons,
        // the round ends with the decision: core partners no longer see the referral
        ...(round.inputClosedAt ? {} : { inputClosedAt: now }),
        ...(ends === null ? {} : { closedAt: now, retentionYears: ends, retentionUntil: retentionEnd(now, ends) }),
      },
    });
    if (moved.count !== 1) throw conflict('Over deze aanmelding werd intussen al beslist.');
    await tx.admissionAssessment.create({
      data: {
        dossierId,
        safeHouseId: dossier.safeHouseId,
        assessorUserId: actor.userId,
        criterion1Met: check.criterion1Met,
        criterion1Reason: check.criterion1Reason,
        criterion2Met: check.criterion2Met,
        criterion2Reason: check.criterion2Reason,
        criterion3Met: check.criterion3Met,
        criterion3Reason: check.criterion3Reason,
        riskLevel: check.riskLevel,
        riskAssessment: check.riskAssessment,
        decision: d.decision,
        decisionReasons: d.decisionReasons,
        decidedAt: now,
      },
    });
    await log({ objectType: 'AdmissionAssessment', objectId: dossierId });
    return { status, retentionUntil: ends === null ? null : retentionEnd(now, ends) };
  });
}
