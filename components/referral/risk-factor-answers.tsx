'use client';

import { RadioGroup } from '@/components/ui/form';
import { RISK_ANSWER_LABEL, RISK_ANSWERS, RISK_FACTORS } from '@/lib/referrals/risk-screening';

/**
 * The risk screening's questions (ADR 0007): one ja / nee / onbekend answer per risk factor,
 * named `riskAnswers.<factor key>`. The referral form and every later risk assessment (ADR 0042)
 * ask the same questions with this one component.
 */
export function RiskFactorAnswers({
  answers,
  errors,
}: {
  answers: Record<string, string>;
  errors: Record<string, string | undefined>;
}) {
  return (
    <div className="space-y-3 rounded border border-gray-300 bg-white p-4">
      {RISK_FACTORS.map((f) => (
        <RadioGroup
          key={f.key}
          name={`riskAnswers.${f.key}`}
          label={f.label}
          inline
          defaultValue={answers[f.key] ?? ''}
          options={RISK_ANSWERS.map((a) => ({ value: a, label: RISK_ANSWER_LABEL[a] }))}
          error={errors[`riskAnswers.${f.key}`]}
        />
      ))}
    </div>
  );
}
