'use server';

import { redirect } from 'next/navigation';
import { requireUserId } from '@/lib/auth/session';
import { bound } from '@/lib/forms/bound';
import { formError } from '@/lib/forms/action-error';
import type { FormState } from '@/lib/forms/form-state';
import { noticeUrl } from '@/lib/forms/notices';
import { riskAnswersFromForm } from '@/lib/referrals/form-data';
import { recordRiskAssessment } from '@/lib/risk/record-risk-assessment';
import type { RiskAssessmentValues } from '@/lib/risk/schemas';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterErrors } from '@/lib/validation/text';

const str = (fd: FormData, key: string) => {
  const v = fd.get(key);
  return typeof v === 'string' ? v : '';
};

/**
 * A new risk assessment during the trajectory (issue 13 §5; ADR 0042). The screening's answers are
 * named as on the referral form (`riskAnswers.<factor>`), so they are read by the referral's own
 * helper; the use case validates them with the referral's zod schema.
 */
export async function recordRiskAction(
  dossierId: string,
  prev: FormState<RiskAssessmentValues>,
  fd: FormData,
): Promise<FormState<RiskAssessmentValues>> {
  await bound({ dossierId });
  const userId = await requireUserId();
  const values: RiskAssessmentValues = {
    riskAnswers: riskAnswersFromForm(fd),
    riskLevel: str(fd, 'riskLevel'),
    reasoning: str(fd, 'reasoning'),
  };
  const bad = controlCharacterErrors(fd);
  if (Object.keys(bad).length)
    return { status: 'error', message: CONTROL_CHARACTER_MESSAGE, errors: bad, values, version: prev.version + 1 };
  try {
    await recordRiskAssessment(userId, dossierId, values);
  } catch (err) {
    return formError(err, values, prev);
  }
  redirect(noticeUrl('dossier', `/dossiers/${dossierId}`, 'risico', 'risico'));
}
