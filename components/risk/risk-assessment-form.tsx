'use client';

import { ErrorSummary, RadioGroup, SubmitButton, TextArea } from '@/components/ui/form';
import { RiskFactorAnswers } from '@/components/referral/risk-factor-answers';
import { useForm, type FormAction } from '@/components/ui/use-form';
import { RISK_LEVEL_LABEL } from '@/lib/labels';
import { RISK_LEVELS } from '@/lib/referrals/schemas';
import type { RiskAssessmentValues } from '@/lib/risk/schemas';

type Action = FormAction<RiskAssessmentValues>;

/**
 * A new risk assessment (issue 13 §5; ADR 0042): the referral's risk screening (the same
 * questions, the same component), the level and the reasoning. The answers of the last point are
 * filled in; the level and the reasoning are asked anew each time.
 */
export function RiskAssessmentForm({ action, initial }: { action: Action; initial: RiskAssessmentValues }) {
  const { state, formAction, pending, ref } = useForm(action, initial);
  const v = state.values;
  const e = state.errors;
  return (
    <form ref={ref} key={state.version} action={formAction} noValidate className="space-y-6">
      <ErrorSummary message={state.message} errors={e} />
      <section aria-labelledby="h-screening" className="space-y-3">
        <h2 id="h-screening" className="text-xl font-semibold">
          Risicoscreening
        </h2>
        <p className="text-gray-700">
          Beantwoord elke vraag opnieuw voor de situatie van vandaag. De antwoorden van de vorige inschatting staan al
          ingevuld; pas aan wat veranderd is. Het aantal keer &quot;ja&quot; is een hulpmiddel, geen drempel.
        </p>
        <RiskFactorAnswers answers={v.riskAnswers} errors={e} />
      </section>
      <section aria-labelledby="h-oordeel" className="space-y-4">
        <h2 id="h-oordeel" className="text-xl font-semibold">
          Jouw inschatting
        </h2>
        <RadioGroup
          name="riskLevel"
          label="Risiconiveau"
          required
          inline
          defaultValue={v.riskLevel}
          options={RISK_LEVELS.map((l) => ({ value: l, label: RISK_LEVEL_LABEL[l] }))}
          error={e.riskLevel}
        />
        <TextArea
          name="reasoning"
          label="Onderbouwing"
          hint="Wat is er veranderd sinds de vorige inschatting, en waarom dit niveau? De deelnemers aan het casusoverleg lezen dit."
          required
          defaultValue={v.reasoning}
          error={e.reasoning}
          rows={4}
        />
      </section>
      <SubmitButton disabled={pending}>{pending ? 'Bezig…' : 'Risico-inschatting bewaren'}</SubmitButton>
    </form>
  );
}
