'use client';

import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary, RadioGroup, SelectField, SubmitButton, TextArea, TextField } from '@/components/ui/form';
import { initialFormState, type FormState } from '@/lib/forms/form-state';
import type { ConsultationValues, DecisionValues } from '@/lib/admission/schemas';
import type { PartnerInputValues } from '@/lib/partner-input/schemas';
import { CRITERIA, DECISION_LABEL, KNOWN_STATUS_LABEL, RISK_LEVEL_LABEL } from '@/lib/labels';

type Action<V> = (prev: FormState<V>, fd: FormData) => Promise<FormState<V>>;

/** useActionState plus focus on the error summary after a failed submit. */
function useForm<V>(action: Action<V>, empty: V) {
  const [state, formAction, pending] = useActionState(action, initialFormState(empty));
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === 'error') ref.current?.querySelector<HTMLElement>('[role=alert]')?.focus();
  }, [state]);
  return { state, formAction, pending, ref };
}

const yesNo = [
  { value: 'ja', label: 'Vervuld' },
  { value: 'nee', label: 'Niet vervuld' },
];

export function ConsultationForm({ action }: { action: Action<ConsultationValues> }) {
  const empty: ConsultationValues = { agency: '', agencyName: '', consultedPerson: '', consultedAt: '', view: '' };
  const { state, formAction, pending, ref } = useForm(action, empty);
  const v = state.values;
  const e = state.errors;
  return (
    <form
      ref={ref}
      key={state.version}
      action={formAction}
      noValidate
      className="space-y-4 rounded border border-gray-300 bg-white p-4"
    >
      <ErrorSummary message={state.message} errors={e} />
      <RadioGroup
        name="agency"
        label="Gemandateerde voorziening"
        required
        inline
        defaultValue={v.agency}
        options={[
          { value: 'VK', label: 'Vertrouwenscentrum Kindermishandeling (VK)' },
          { value: 'OCJ', label: 'Ondersteuningscentrum Jeugdzorg (OCJ)' },
        ]}
        error={e.agency}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          name="agencyName"
          label="Naam van de voorziening"
          required
          defaultValue={v.agencyName}
          error={e.agencyName}
        />
        <TextField
          name="consultedPerson"
          label="Wie werd geconsulteerd?"
          required
          defaultValue={v.consultedPerson}
          error={e.consultedPerson}
        />
        <TextField
          name="consultedAt"
          type="date"
          label="Datum van het overleg"
          required
          defaultValue={v.consultedAt}
          error={e.consultedAt}
        />
      </div>
      <TextArea
        name="view"
        label="Standpunt van de voorziening"
        required
        defaultValue={v.view}
        error={e.view}
        rows={3}
      />
      <SubmitButton disabled={pending}>{pending ? 'Bezig…' : 'Overleg registreren'}</SubmitButton>
    </form>
  );
}

export function DecisionForm({
  action,
  blockedByConsultation,
}: {
  action: Action<DecisionValues>;
  blockedByConsultation: boolean;
}) {
  const empty: DecisionValues = {
    criterion1Met: '',
    criterion1Reason: '',
    criterion2Met: '',
    criterion2Reason: '',
    criterion3Met: '',
    criterion3Reason: '',
    riskLevel: '',
    riskAssessment: '',
    decision: '',
    decisionReasons: '',
  };
  const { state, formAction, pending, ref } = useForm(action, empty);
  const v = state.values;
  const e = state.errors;
  return (
    <form
      ref={ref}
      key={state.version}
      action={formAction}
      noValidate
      className="space-y-6 rounded border border-gray-300 bg-white p-4"
    >
      <ErrorSummary message={state.message} errors={e} />
      {blockedByConsultation && (
        <p className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-900">
          Er is een minderjarige betrokken. Registreer eerst het overleg met een gemandateerde voorziening (VK of OCJ):
          zonder dat overleg kan geen beslissing bewaard worden (art. 5, tweede lid).
        </p>
      )}
      {CRITERIA.map((text, i) => {
        const n = i + 1;
        const met = `criterion${n}Met` as keyof DecisionValues;
        const reason = `criterion${n}Reason` as keyof DecisionValues;
        return (
          <fieldset key={n} className="space-y-2 border-l-4 border-brand-100 pl-4">
            <legend className="font-semibold">Criterium {n}</legend>
            <p className="text-gray-800">{text}</p>
            <RadioGroup
              name={met}
              label={`Is criterium ${n} vervuld?`}
              required
              inline
              defaultValue={v[met]}
              options={yesNo}
              error={e[met]}
            />
            <TextArea
              name={reason}
              label={`Reden (criterium ${n})`}
              required
              defaultValue={v[reason]}
              error={e[reason]}
              rows={2}
            />
          </fieldset>
        );
      })}
      <fieldset className="space-y-2">
        <legend className="font-semibold">Risico-inschatting van de coördinator</legend>
        <RadioGroup
          name="riskLevel"
          label="Risiconiveau"
          required
          inline
          defaultValue={v.riskLevel}
          options={Object.entries(RISK_LEVEL_LABEL).map(([value, label]) => ({ value, label }))}
          error={e.riskLevel}
        />
        <TextArea
          name="riskAssessment"
          label="Onderbouwing van de risico-inschatting"
          required
          defaultValue={v.riskAssessment}
          error={e.riskAssessment}
          rows={3}
        />
      </fieldset>
      <SelectField
        name="decision"
        label="Beslissing"
        required
        placeholder="Kies een beslissing"
        defaultValue={v.decision}
        options={Object.entries(DECISION_LABEL).map(([value, label]) => ({ value, label }))}
        error={e.decision}
        hint="Opnemen in het Veilig Huis kan enkel als alle drie de criteria vervuld zijn."
      />
      <TextArea
        name="decisionReasons"
        label="Motivering van de beslissing"
        hint="De aanmelder krijgt deze motivering te zien."
        required
        defaultValue={v.decisionReasons}
        error={e.decisionReasons}
        rows={3}
      />
      <SubmitButton disabled={pending}>{pending ? 'Bezig…' : 'Beslissing bewaren'}</SubmitButton>
    </form>
  );
}

export function PartnerInputForm({
  action,
  initial,
}: {
  action: Action<PartnerInputValues>;
  initial: PartnerInputValues;
}) {
  const { state, formAction, pending, ref } = useForm(action, initial);
  const v = state.values;
  const e = state.errors;
  return (
    <form
      ref={ref}
      key={state.version}
      action={formAction}
      noValidate
      className="space-y-4 rounded border border-gray-300 bg-white p-4"
    >
      <ErrorSummary message={state.message} errors={e} />
      <p className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-900">
        Geef enkel noodzakelijke, objectieve informatie: wat nodig is om over de opvolging in het Veilig Huis te
        beslissen (art. 11, tweede lid). Deze aanvulling valt onder de geheimhoudingsplicht van art. 458ter §2 Sw. en
        wordt toegeschreven aan jouw organisatie.
      </p>
      <RadioGroup
        name="knownStatus"
        label="Is het cliëntsysteem gekend bij jullie organisatie?"
        required
        defaultValue={v.knownStatus}
        options={Object.entries(KNOWN_STATUS_LABEL).map(([value, label]) => ({ value, label }))}
        error={e.knownStatus}
      />
      <TextArea
        name="trajectory"
        label="Welk traject loopt (of liep) er bij jullie?"
        defaultValue={v.trajectory}
        error={e.trajectory}
        rows={3}
      />
      <TextArea
        name="trajectoryProgress"
        label="Hoe verloopt dat traject?"
        defaultValue={v.trajectoryProgress}
        error={e.trajectoryProgress}
        rows={3}
      />
      <TextArea
        name="viewOnFollowUp"
        label="Jullie visie op de opvolging in het Veilig Huis"
        required
        defaultValue={v.viewOnFollowUp}
        error={e.viewOnFollowUp}
        rows={3}
      />
      <SubmitButton disabled={pending}>{pending ? 'Bezig…' : 'Aanvulling bewaren'}</SubmitButton>
    </form>
  );
}

export function CloseInputRoundForm({ action }: { action: Action<Record<never, never>> }) {
  const { state, formAction, pending, ref } = useForm(action, {});
  return (
    <form ref={ref} action={formAction} className="mt-4">
      <ErrorSummary message={state.message} errors={state.errors} />
      <SubmitButton variant="secondary" disabled={pending}>
        Vraag om aanvulling afsluiten
      </SubmitButton>
      <p className="mt-1 text-sm text-gray-700">
        Daarna zien de kernpartners deze aanmelding niet meer (tenzij ze deelnemen aan het casusoverleg).
      </p>
    </form>
  );
}
