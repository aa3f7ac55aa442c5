'use client';

import { useActionState, useEffect, useRef } from 'react';
import { CheckboxGroup, ErrorSummary, SelectField, SubmitButton, TextField } from '@/components/ui/form';
import type { ApiKeyFormState } from './key-form-state';

/**
 * A new API key (issue 14 §2; ADR 0045). After "Sleutel aanmaken" the key stands here once, in a
 * read-only field with focus on it, so that a screen reader reads it and the administrator can copy
 * it; it is in no URL and no other page, and leaving this page loses it for good.
 */
export function NewApiKeyForm({
  action,
  organisations,
  scopes,
  defaultExpiresOn,
}: {
  action: (prev: ApiKeyFormState, fd: FormData) => Promise<ApiKeyFormState>;
  organisations: { value: string; label: string }[];
  scopes: { value: string; label: string }[];
  defaultExpiresOn: string;
}) {
  const [state, formAction] = useActionState(action, {
    status: 'idle',
    errors: {},
    values: {
      organisationId: '',
      name: '',
      scopes: scopes.map((s) => s.value),
      expiresOn: defaultExpiresOn,
      rateLimitPerMinute: '60',
    },
    version: 0,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.status === 'error') formRef.current?.querySelector<HTMLElement>('[role=alert]')?.focus();
    if (state.created) keyRef.current?.focus();
  }, [state]);
  const v = state.values;
  const e = state.errors;
  return (
    <div className="space-y-4">
      {state.created && (
        <section
          aria-labelledby="new-key-title"
          className="rounded border-2 border-green-700 bg-green-50 p-4 text-green-950"
          data-testid="new-api-key"
        >
          <h3 id="new-key-title" className="text-lg font-semibold">
            Sleutel “{state.created.name}” aangemaakt
          </h3>
          <p className="mt-1">
            Kopieer de sleutel nu en geef hem veilig door aan de organisatie. Hij wordt maar één keer getoond: het
            Veilig Huis Dossier bewaart enkel een controlegetal (HMAC), niet de sleutel zelf.
          </p>
          <label htmlFor="f-new-api-key" className="mt-2 block font-medium">
            API-sleutel
          </label>
          <input
            ref={keyRef}
            id="f-new-api-key"
            readOnly
            value={state.created.key}
            onFocus={(ev) => ev.currentTarget.select()}
            className="mt-1 w-full rounded border border-gray-500 bg-white p-2 font-mono text-sm"
          />
        </section>
      )}
      <form
        ref={formRef}
        key={state.version}
        action={formAction}
        noValidate
        aria-label="Nieuwe API-sleutel"
        className="space-y-4 rounded border border-gray-300 bg-white p-4"
      >
        <ErrorSummary message={state.status === 'error' ? state.message : undefined} errors={e} />
        <SelectField
          name="organisationId"
          label="Organisatie"
          required
          placeholder="Kies een organisatie"
          options={organisations}
          defaultValue={v.organisationId}
          error={e.organisationId}
        />
        <TextField
          name="name"
          label="Naam van de sleutel"
          hint="Waarvoor dient hij, bv. “Registratiesysteem huisartsenpraktijk”."
          required
          defaultValue={v.name}
          error={e.name}
        />
        <CheckboxGroup
          name="scopes"
          label="Rechten (scopes)"
          required
          options={scopes}
          defaultValues={v.scopes}
          error={e.scopes}
        />
        <TextField
          name="expiresOn"
          type="date"
          label="Geldig tot en met"
          hint="Hoogstens een jaar vanaf vandaag."
          required
          defaultValue={v.expiresOn}
          error={e.expiresOn}
        />
        <TextField
          name="rateLimitPerMinute"
          label="Hoogstens aanvragen per minuut"
          inputMode="numeric"
          required
          defaultValue={v.rateLimitPerMinute}
          error={e.rateLimitPerMinute}
        />
        <SubmitButton>Sleutel aanmaken</SubmitButton>
      </form>
    </div>
  );
}
