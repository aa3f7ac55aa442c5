import { z } from '@/lib/validation/zod';
import { validateForm } from '@/lib/validation/form';
import { RISK_FACTORS } from '@/lib/referrals/risk-screening';
import { RISK_LEVELS, riskAnswersSchema } from '@/lib/referrals/schemas';

/**
 * A new risk assessment during the trajectory (issue 13 §5; ADR 0042): the referral's screening
 * (the same zod schema, every factor answered), a level and the reasoning. Values travel as
 * strings, so what was typed comes back unchanged after an error.
 */
export interface RiskAssessmentValues {
  riskAnswers: Record<string, string>;
  riskLevel: string;
  reasoning: string;
}

export const REASONING_MAX = 5000;

export const riskAssessmentSchema = z.object({
  riskAnswers: riskAnswersSchema(true),
  riskLevel: z.enum(RISK_LEVELS, 'Kies het risiconiveau van deze inschatting.'),
  reasoning: z
    .string()
    .trim()
    .min(10, 'Licht de inschatting toe in minstens 10 tekens: wat is er veranderd en waarom dit niveau?')
    .max(REASONING_MAX, `Hoogstens ${REASONING_MAX} tekens.`),
});

export type ParsedRiskAssessment = z.infer<typeof riskAssessmentSchema>;

export const emptyRiskAssessment = (answers: Record<string, string> = {}): RiskAssessmentValues => ({
  riskAnswers: Object.fromEntries(RISK_FACTORS.map((f) => [f.key, answers[f.key] ?? ''])),
  riskLevel: '',
  reasoning: '',
});

export function validateRiskAssessment(values: RiskAssessmentValues) {
  return validateForm(riskAssessmentSchema, values);
}
