'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import {
  CheckboxGroup,
  ErrorSummary,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '@/components/ui/form';
import type { FormState } from '@/lib/forms/form-state';
import { RiskFactorAnswers } from './risk-factor-answers';
import {
  emptyContact,
  emptyMember,
  MEMBER_ROLES,
  RISK_LEVELS,
  SEXES,
  VIOLENCE_FORMS,
  VIOLENCE_TYPES,
  type ContactValues,
  type MemberValues,
  type ReferralValues,
} from '@/lib/referrals/schemas';
import { MEMBER_ROLE_LABEL, RISK_LEVEL_LABEL, SEX_LABEL, VIOLENCE_FORM_LABEL, VIOLENCE_TYPE_LABEL } from '@/lib/labels';

type Action = (prev: FormState<ReferralValues>, fd: FormData) => Promise<FormState<ReferralValues>>;

const opts = (values: readonly string[], labels: Record<string, string>) =>
  values.map((v) => ({ value: v, label: labels[v] ?? v }));
const yesNo = [
  { value: 'ja', label: 'Ja' },
  { value: 'nee', label: 'Nee' },
];

let rowSeq = 0;
const withKeys = <T,>(rows: T[]) => rows.map((r) => ({ key: `r${rowSeq++}`, value: r }));

/** The fixed referral form (art. 11). Saved as draft or submitted; nothing typed is lost on an error. */
export function ReferralForm({
  action,
  initial,
  safeHouses,
}: {
  action: Action;
  initial: FormState<ReferralValues>;
  safeHouses: { id: string; name: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  return (
    <ReferralFields
      key={state.version}
      state={state}
      formAction={formAction}
      pending={pending}
      safeHouses={safeHouses}
    />
  );
}

function ReferralFields({
  state,
  formAction,
  pending,
  safeHouses,
}: {
  state: FormState<ReferralValues>;
  formAction: (fd: FormData) => void;
  pending: boolean;
  safeHouses: { id: string; name: string }[];
}) {
  const v = state.values;
  const e = state.errors;
  const [members, setMembers] = useState(() => withKeys<MemberValues>(v.members));
  const [contacts, setContacts] = useState(() => withKeys<ContactValues>(v.contacts));
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') summary.current?.querySelector<HTMLElement>('[role=alert]')?.focus();
  }, [state.status]);

  return (
    <form action={formAction} noValidate className="space-y-10">
      <div ref={summary}>
        <ErrorSummary message={state.message} errors={e} />
      </div>
      <p className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-900">
        Een aanmelding valt onder de geheimhoudingsplicht van art. 458ter §2 Sw. (art. 11, derde lid, van het decreet).
        Vul enkel in wat nodig is om de aanmelding te beoordelen.
      </p>

      <section aria-labelledby="h-algemeen" className="space-y-4">
        <h2 id="h-algemeen" className="text-xl font-semibold">
          Aanmelding
        </h2>
        <SelectField
          name="safeHouseId"
          label="Veilig Huis"
          required
          defaultValue={v.safeHouseId}
          placeholder="Kies het Veilig Huis"
          options={safeHouses.map((h) => ({ value: h.id, label: h.name }))}
          error={e.safeHouseId}
        />
        <TextField
          name="clientSystemLabel"
          label="Korte naam van het cliëntsysteem"
          hint='Bijvoorbeeld "Gezin Peeters".'
          required
          defaultValue={v.clientSystemLabel}
          error={e.clientSystemLabel}
        />
      </section>

      <section aria-labelledby="h-leden" className="space-y-4">
        <h2 id="h-leden" className="text-xl font-semibold">
          Leden van het cliëntsysteem
        </h2>
        {e.members && <p className="font-medium text-red-800">{e.members}</p>}
        {members.map((row, i) => (
          <fieldset key={row.key} className="rounded border border-gray-300 bg-white p-4">
            <legend className="px-1 font-semibold">Lid {i + 1}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                name={`members.${i}.memberRole`}
                label="Rol in het cliëntsysteem"
                required
                defaultValue={row.value.memberRole}
                placeholder="Kies een rol"
                options={opts(MEMBER_ROLES, MEMBER_ROLE_LABEL)}
                error={e[`members.${i}.memberRole`]}
              />
              <SelectField
                name={`members.${i}.sex`}
                label="Geslacht"
                defaultValue={row.value.sex}
                options={opts(SEXES, SEX_LABEL)}
                error={e[`members.${i}.sex`]}
              />
              <TextField
                name={`members.${i}.firstName`}
                label="Voornaam"
                required
                defaultValue={row.value.firstName}
                error={e[`members.${i}.firstName`]}
              />
              <TextField
                name={`members.${i}.lastName`}
                label="Achternaam"
                required
                defaultValue={row.value.lastName}
                error={e[`members.${i}.lastName`]}
              />
              <TextField
                name={`members.${i}.dateOfBirth`}
                type="date"
                label="Geboortedatum"
                defaultValue={row.value.dateOfBirth}
                error={e[`members.${i}.dateOfBirth`]}
              />
              <RadioGroup
                name={`members.${i}.isMinor`}
                label="Minderjarig?"
                hint="Niet nodig als je de geboortedatum invult."
                inline
                defaultValue={row.value.isMinor}
                options={yesNo}
                error={e[`members.${i}.isMinor`]}
              />
              <TextField
                name={`members.${i}.nationalNumber`}
                label="Rijksregisternummer (optioneel)"
                hint="11 cijfers, bv. 85.07.30-033.28"
                inputMode="numeric"
                defaultValue={row.value.nationalNumber}
                error={e[`members.${i}.nationalNumber`]}
              />
              <TextField
                name={`members.${i}.contact`}
                label="Contactgegevens (optioneel)"
                hint="Enkel als nodig en veilig."
                defaultValue={row.value.contact}
                error={e[`members.${i}.contact`]}
              />
              <RadioGroup
                name={`members.${i}.safeAddress`}
                label="Veilig adres?"
                hint="Bv. in een vluchthuis: adres en telefoon worden dan enkel aan de coördinator getoond."
                inline
                defaultValue={row.value.safeAddress}
                options={yesNo}
                error={e[`members.${i}.safeAddress`]}
              />
            </div>
            {members.length > 1 && (
              <button
                type="button"
                className="mt-3 text-red-800 underline"
                onClick={() => setMembers(members.filter((m) => m.key !== row.key))}
              >
                Lid {i + 1} verwijderen
              </button>
            )}
          </fieldset>
        ))}
        <button
          type="button"
          className="rounded border border-brand-700 px-3 py-1 text-brand-800"
          onClick={() => setMembers([...members, ...withKeys([emptyMember()])])}
        >
          Lid toevoegen
        </button>
      </section>

      <section aria-labelledby="h-contacten" className="space-y-4">
        <h2 id="h-contacten" className="text-xl font-semibold">
          Relaties en contacten
        </h2>
        <p className="text-gray-700">Andere personen rond het cliëntsysteem, enkel voor zover nodig (art. 15, § 1).</p>
        {contacts.map((row, i) => (
          <fieldset key={row.key} className="rounded border border-gray-300 bg-white p-4">
            <legend className="px-1 font-semibold">Contact {i + 1}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                name={`contacts.${i}.firstName`}
                label="Voornaam"
                required
                defaultValue={row.value.firstName}
                error={e[`contacts.${i}.firstName`]}
              />
              <TextField
                name={`contacts.${i}.lastName`}
                label="Achternaam"
                required
                defaultValue={row.value.lastName}
                error={e[`contacts.${i}.lastName`]}
              />
              <TextField
                name={`contacts.${i}.relation`}
                label="Relatie tot het cliëntsysteem"
                required
                defaultValue={row.value.relation}
                error={e[`contacts.${i}.relation`]}
              />
              <TextField
                name={`contacts.${i}.contact`}
                label="Contactgegevens (optioneel)"
                defaultValue={row.value.contact}
                error={e[`contacts.${i}.contact`]}
              />
            </div>
            <button
              type="button"
              className="mt-3 text-red-800 underline"
              onClick={() => setContacts(contacts.filter((c) => c.key !== row.key))}
            >
              Contact {i + 1} verwijderen
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="rounded border border-brand-700 px-3 py-1 text-brand-800"
          onClick={() => setContacts([...contacts, ...withKeys([emptyContact()])])}
        >
          Contact toevoegen
        </button>
      </section>

      <section aria-labelledby="h-geweld" className="space-y-4">
        <h2 id="h-geweld" className="text-xl font-semibold">
          Geweld en situatie
        </h2>
        <CheckboxGroup
          name="violenceForms"
          label="Vormen van geweld"
          required
          defaultValues={v.violenceForms}
          options={opts(VIOLENCE_FORMS, VIOLENCE_FORM_LABEL)}
          error={e.violenceForms}
        />
        <CheckboxGroup
          name="violenceTypes"
          label="Soorten geweld"
          defaultValues={v.violenceTypes}
          options={opts(VIOLENCE_TYPES, VIOLENCE_TYPE_LABEL)}
          error={e.violenceTypes}
        />
        <TextArea
          name="situation"
          label="Beschrijving van de situatie"
          hint="Objectief en enkel wat nodig is."
          required
          defaultValue={v.situation}
          error={e.situation}
          rows={5}
        />
        <TextArea
          name="actionsTaken"
          label="Wat werd al ondernomen?"
          required
          defaultValue={v.actionsTaken}
          error={e.actionsTaken}
        />
        <TextArea
          name="involvedOrganisations"
          label="Welke organisaties zijn al betrokken?"
          defaultValue={v.involvedOrganisations}
          error={e.involvedOrganisations}
          rows={2}
        />
      </section>

      <section aria-labelledby="h-risico" className="space-y-4">
        <h2 id="h-risico" className="text-xl font-semibold">
          Eerste risico-inschatting
        </h2>
        <p className="text-gray-700">
          Beantwoord elke vraag. Het aantal keer &quot;ja&quot; is een hulpmiddel; je eigen professionele inschatting
          weegt door.
        </p>
        <RiskFactorAnswers answers={v.riskAnswers} errors={e} />
        <RadioGroup
          name="riskJudgement"
          label="Jouw inschatting van het risico"
          required
          inline
          defaultValue={v.riskJudgement}
          options={opts(RISK_LEVELS, RISK_LEVEL_LABEL)}
          error={e.riskJudgement}
        />
        <TextArea
          name="riskJudgementReason"
          label="Toelichting bij je inschatting"
          required
          defaultValue={v.riskJudgementReason}
          error={e.riskJudgementReason}
          rows={3}
        />
      </section>

      <section aria-labelledby="h-info" className="space-y-4">
        <h2 id="h-info" className="text-xl font-semibold">
          Informeren van het cliëntsysteem
        </h2>
        <RadioGroup
          name="clientInformed"
          label="Is het cliëntsysteem op de hoogte van deze aanmelding?"
          required
          inline
          defaultValue={v.clientInformed}
          options={yesNo}
          error={e.clientInformed}
        />
        <TextArea
          name="notInformedReason"
          label="Zo nee: waarom niet?"
          hint="Bijvoorbeeld omdat informeren de veiligheid van een lid in gevaar brengt."
          defaultValue={v.notInformedReason}
          error={e.notInformedReason}
          rows={2}
        />
      </section>

      <div className="flex flex-wrap gap-4 border-t border-gray-300 pt-6">
        <SubmitButton name="intent" value="submit" disabled={pending}>
          {pending ? 'Bezig…' : 'Aanmelding indienen'}
        </SubmitButton>
        <SubmitButton name="intent" value="draft" variant="secondary" disabled={pending}>
          Bewaren als concept
        </SubmitButton>
      </div>
    </form>
  );
}
