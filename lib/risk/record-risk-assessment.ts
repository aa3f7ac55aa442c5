import 'server-only';
import { dossierUseCase, DeniedError } from '@/lib/use-case/kernel';
import { invalid } from '@/lib/errors';
import { fieldKeys } from '@/lib/crypto/keys';
import { encryptField } from '@/lib/crypto/fields';
import { isCoordinatorOrDirector } from '@/lib/plan/manage-plan';
import { riskScore } from '@/lib/referrals/risk-screening';
import { validateRiskAssessment, type RiskAssessmentValues } from './schemas';

/**
 * Records a new risk assessment during the trajectory (issue 13 §5; ADR 0042): the referral's
 * screening, a level and the reasoning (encrypted at rest). The coordinator of the holding safe
 * house or the case director of this case (ADR 0034) — any other participant gets "not found",
 * logged as a denied attempt. Outside a trajectory it is a CONFLICT for them. Append-only: an
 * assessment is never changed; a new one is added. Row-level security and a trigger hold the same.
 */
export async function recordRiskAssessment(userId: string, dossierId: string, values: RiskAssessmentValues) {
  const parsed = validateRiskAssessment(values);
  if (!parsed.ok) throw invalid('De risico-inschatting is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  const need = {
    action: 'risk.assess',
    purpose: 'caseWork',
    dossierId,
    objectType: 'RiskAssessment',
    notNow: 'Een nieuwe risico-inschatting registreer je tijdens het traject.',
  } as const;
  return dossierUseCase(userId, need, async (c) => {
    const { tx, actor, dossier, log, notify } = c;
    if (!(await isCoordinatorOrDirector(c))) {
      throw new DeniedError({
        action: 'risk.assess',
        objectType: 'RiskAssessment',
        objectId: dossierId,
        purpose: 'caseWork',
      });
    }
    const answers = v.riskAnswers as Record<string, string>;
    const saved = await tx.riskAssessment.create({
      data: {
        dossierId,
        safeHouseId: dossier.safeHouseId,
        assessorUserId: actor.userId,
        asCaseDirector: !actor.coordinatorHouses.includes(dossier.safeHouseId),
        riskAnswers: answers,
        riskScore: riskScore(answers),
        riskLevel: v.riskLevel,
        reasoningEnc: encryptField(fieldKeys(), v.reasoning),
      },
      select: { id: true, riskLevel: true, assessedAt: true },
    });
    await log({ objectType: 'RiskAssessment', objectId: saved.id });
    await notify('riskAssessment', saved.id);
    return saved;
  });
}
