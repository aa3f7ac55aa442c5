'use client';

import type { ReactNode } from 'react';
import { ErrorSummary, RadioGroup, SelectField, SubmitButton, TextArea, TextField } from '@/components/ui/form';
import { useForm, type FormAction as Action } from '@/components/ui/use-form';
import type {
  AgencyExceptionValues,
  AgencyPositionValues,
  AgencyRequestValues,
  CheckValues,
  DecisionValues,
  FOLLOW_UP_DECISIONS,
} from '@/lib/admission/schemas';
import type { CloseRoundValues, PartnerInputValues } from '@/lib/partner-input/schemas';
import { AGENCY_POSITION_LABEL, CRITERIA, DECISION_LABEL, KNOWN_STATUS_LABEL, RISK_LEVEL_LABEL } from '@/lib/labels';

/**
 * The frame every admission form shares: the form element wired to useForm, the error summary
 * on top and the submit button (showing "Bezig…" while pending) at the bottom.
 */
function FormFrame<V>({
  form: { state, formAction, pending, ref },
  submitLabel,
  variant,
  spacing = 'space-y-4',
  children,
}: {
  form: ReturnType<typeof useForm<V>>;
  submitLabel: string;
  variant?: 'primary' | 'secondary';
  spacing?: 'space-y-4' | 'space-y-6';
  children: ReactNode;
}) {
  return (
    <form
      ref={ref}
      key={state.version}
      action={formAction}
      noValidate
      className={`${spacing} rounded border border-gray-300 bg-white p-4`}
    >
      <ErrorSummary message={state.message} errors={state.errors} />
      {children}
      <SubmitButton variant={variant} disabled={pending}>
        {pending ? 'Bezig…' : submitLabel}
      </SubmitButton>
    </form>
  );
}

const yesNo = [
  { value: 'ja', label: 'Vervuld' },
  { value: 'nee', label: 'Niet vervuld' },
];

// spelled out here (the schema module stays on the server); typed against it
const FOLLOW_UP: typeof FOLLOW_UP_DECISIONS = ['REFER_TO_REGULAR_CARE', 'ATTACH_TO_EXISTING_CARE', 'START_TRAJECTORY'];
const FOLLOW_UP_OPTIONS = FOLLOW_UP.map((value) => ({ value, label: DECISION_LABEL[value] }));

/** Step (a): the art. 5 check. All met: the input round opens until the deadline; else not admissible at once. */
export function CheckForm({ action, defaultDeadline }: { action: Action<CheckValues>; defaultDeadline: string }) {
  const empty: CheckValues = {
    criterion1Met: '',
    criterion1Reason: '',
    criterion2Met: '',
    criterion2Reason: '',
    criterion3Met: '',
    criterion3Reason: '',
    riskLevel: '',
    riskAssessment: '',
    inputDeadline: defaultDeadline,
    decisionReasons: '',
  };
  const form = useForm(action, empty);
  const { state } = form;
  const v = state.values;
  const e = state.errors;
  return (
    <FormFrame form={form} submitLabel="Toets bewaren" spacing="space-y-6">
      {CRITERIA.map((text, i) => {
        const n = i + 1;
        const met = `criterion${n}Met` as keyof CheckValues;
        const reason = `criterion${n}Reason` as keyof CheckValues;
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
      <fieldset className="space-y-2">
        <legend className="font-semibold">Wat volgt</legend>
        <TextField
          name="inputDeadline"
          type="date"
          label="Alle criteria vervuld: de kernpartners kunnen aanvullen tot en met"
          hint="De kernpartners van dit Veilig Huis zien de aanmelding tot deze dag en geven hun schriftelijke aanvulling (art. 11, tweede lid). Pas daarna beslis je over de opvolging."
          defaultValue={v.inputDeadline}
          error={e.inputDeadline}
        />
        <TextArea
          name="decisionReasons"
          label='Niet alle criteria vervuld: motivering van "niet ontvankelijk"'
          hint="Enkel als een criterium niet vervuld is. De aanmelding is dan meteen niet ontvankelijk; de aanmelder krijgt deze motivering te zien."
          defaultValue={v.decisionReasons}
          error={e.decisionReasons}
          rows={3}
        />
      </fieldset>
    </FormFrame>
  );
}

/** Step (c): the follow-up decision, after the input round (and, with minors, the agency's position). */
export function DecisionForm({ action, blocked }: { action: Action<DecisionValues>; blocked: string[] }) {
  const empty: DecisionValues = { decision: '', decisionReasons: '' };
  const form = useForm(action, empty);
  const { state } = form;
  const v = state.values;
  const e = state.errors;
  return (
    <FormFrame form={form} submitLabel="Beslissing bewaren" spacing="space-y-6">
      {blocked.length > 0 && (
        <div className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-900">
          <p>Je kunt nog niet over de opvolging beslissen:</p>
          <ul className="ml-5 list-disc">
            {blocked.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      )}
      <SelectField
        name="decision"
        label="Beslissing over de opvolging"
        required
        placeholder="Kies een beslissing"
        defaultValue={v.decision}
        options={FOLLOW_UP_OPTIONS}
        error={e.decision}
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
    </FormFrame>
  );
}

/** The coordinator asks the mandated agency of the area for its position (art. 5, 2nd para). */
export function AgencyRequestForm({
  action,
  agencies,
}: {
  action: Action<AgencyRequestValues>;
  agencies: { id: string; name: string }[];
}) {
  const empty: AgencyRequestValues = {
    organisationId: agencies.length === 1 ? agencies[0]!.id : '',
    proposedDecision: '',
    question: '',
  };
  const form = useForm(action, empty);
  const { state } = form;
  const v = state.values;
  const e = state.errors;
  return (
    <FormFrame form={form} submitLabel="Standpunt vragen">
      <SelectField
        name="organisationId"
        label="Gemandateerde voorziening (VK of OCJ) van de regio"
        required
        placeholder="Kies een voorziening"
        defaultValue={v.organisationId}
        options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        error={e.organisationId}
      />
      <SelectField
        name="proposedDecision"
        label="Opvolging die je voorstelt"
        required
        placeholder="Kies een opvolging"
        defaultValue={v.proposedDecision}
        options={FOLLOW_UP_OPTIONS}
        error={e.proposedDecision}
        hint="De voorziening geeft aan of ze akkoord gaat, met redenen."
      />
      <TextArea
        name="question"
        label="Vraag of toelichting voor de voorziening (niet verplicht)"
        defaultValue={v.question}
        error={e.question}
        rows={2}
      />
    </FormFrame>
  );
}

/** Urgency: documented exception instead of a written position (art. 5, 2nd para). */
export function AgencyExceptionForm({ action }: { action: Action<AgencyExceptionValues> }) {
  const empty: AgencyExceptionValues = { contact: '', contactedOn: '', contactedTime: '', channel: '', reason: '' };
  const form = useForm(action, empty);
  const { state } = form;
  const v = state.values;
  const e = state.errors;
  return (
    <FormFrame form={form} submitLabel="Uitzondering registreren" variant="secondary">
      <p className="text-sm text-gray-800">
        Enkel bij hoogdringendheid: documenteer wie je bij de voorziening bereikte, wanneer, hoe, en waarom er geen
        schriftelijk standpunt is. Dit wordt gelogd en blijft zichtbaar in het dossier.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="contact" label="Wie werd bereikt?" required defaultValue={v.contact} error={e.contact} />
        <TextField name="channel" label="Hoe (bv. telefoon)?" required defaultValue={v.channel} error={e.channel} />
        <TextField
          name="contactedOn"
          type="date"
          label="Datum van het contact"
          required
          defaultValue={v.contactedOn}
          error={e.contactedOn}
        />
        <TextField
          name="contactedTime"
          type="time"
          label="Uur van het contact"
          required
          defaultValue={v.contactedTime}
          error={e.contactedTime}
        />
      </div>
      <TextArea
        name="reason"
        label="Waarom is er geen schriftelijk standpunt?"
        required
        defaultValue={v.reason}
        error={e.reason}
        rows={2}
      />
    </FormFrame>
  );
}

/** The agency's own position: risk, case conference, agree / disagree with reasons. */
export function AgencyPositionForm({ action }: { action: Action<AgencyPositionValues> }) {
  const empty: AgencyPositionValues = {
    riskView: '',
    conferenceNeeded: '',
    conferenceView: '',
    position: '',
    positionReasons: '',
  };
  const form = useForm(action, empty);
  const { state } = form;
  const v = state.values;
  const e = state.errors;
  return (
    <FormFrame form={form} submitLabel="Standpunt bewaren">
      <TextArea
        name="riskView"
        label="Jullie kijk op het risico"
        required
        defaultValue={v.riskView}
        error={e.riskView}
        rows={3}
      />
      <RadioGroup
        name="conferenceNeeded"
        label="Is een casusoverleg nodig?"
        required
        inline
        defaultValue={v.conferenceNeeded}
        options={[
          { value: 'ja', label: 'Ja' },
          { value: 'nee', label: 'Nee' },
        ]}
        error={e.conferenceNeeded}
      />
      <TextArea
        name="conferenceView"
        label="Toelichting bij het casusoverleg (niet verplicht)"
        defaultValue={v.conferenceView}
        error={e.conferenceView}
        rows={2}
      />
      <RadioGroup
        name="position"
        label="Standpunt over de voorgestelde opvolging"
        required
        inline
        defaultValue={v.position}
        options={Object.entries(AGENCY_POSITION_LABEL).map(([value, label]) => ({ value, label }))}
        error={e.position}
      />
      <TextArea
        name="positionReasons"
        label="Redenen van jullie standpunt"
        required
        defaultValue={v.positionReasons}
        error={e.positionReasons}
        rows={3}
      />
    </FormFrame>
  );
}

export function PartnerInputForm({
  action,
  initial,
}: {
  action: Action<PartnerInputValues>;
  initial: PartnerInputValues;
}) {
  const form = useForm(action, initial);
  const { state } = form;
  const v = state.values;
  const e = state.errors;
  return (
    <FormFrame form={form} submitLabel="Aanvulling bewaren">
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
    </FormFrame>
  );
}

export function CloseInputRoundForm({ action }: { action: Action<CloseRoundValues> }) {
  const { state, formAction, pending, ref } = useForm(action, { reason: '' });
  return (
    <form ref={ref} key={state.version} action={formAction} noValidate className="mt-4 space-y-2">
      <ErrorSummary message={state.message} errors={state.errors} />
      <TextArea
        name="reason"
        label="Reden om de vraag om aanvulling vóór de termijn af te sluiten"
        required
        defaultValue={state.values.reason}
        error={state.errors.reason}
        rows={2}
      />
      <SubmitButton variant="secondary" disabled={pending}>
        Vraag om aanvulling afsluiten
      </SubmitButton>
      <p className="mt-1 text-sm text-gray-700">
        Daarna zien de kernpartners deze aanmelding niet meer, en kun je over de opvolging beslissen.
      </p>
    </form>
  );
}
